import React, { useEffect, useRef } from 'react'
import { useIntl } from 'react-intl'
import { useQuery } from 'react-apollo'
import { Tag } from 'vtex.styleguide'

import { formatDateTime } from '../../shared/format'
import type { Channel, Exposure } from '../../shared/types'
import type { ChannelTold } from '../../../typings/schema.generated'
import CHANNEL_TOLD from '../graphql/channelTold.gql'
import messages from '../messages'
import { channelToldMessages } from '../traceMessages'
import { TAG_COLORS } from '../../shared/tagColors'

/**
 * "What the channel was last told": derived by the API (`channelTold`; VTEX has no API for it).
 * While it loads or if it fails, the exposure's own `productAssociated` is shown.
 */
export function ChannelSync({
  exposure,
  channel,
}: {
  exposure: Exposure
  channel?: Channel
}) {
  const intl = useIntl()
  const { data, refetch } = useQuery<{ channelTold: ChannelTold | null }>(
    CHANNEL_TOLD,
    {
      variables: { skuId: exposure.skuId, channel: exposure.channel },
      fetchPolicy: 'cache-and-network',
    }
  )

  // A new decision or override changes what the channel is told: ask again (not on mount).
  const mounted = useRef(false)

  useEffect(() => {
    if (!mounted.current) {
      mounted.current = true

      return
    }

    refetch().catch(() => undefined)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [exposure.evaluatedAt, exposure.status, exposure.override?.at])

  const told = data?.channelTold
  const salesChannel = channel?.salesChannel ?? '—'
  const associated = told?.productAssociated ?? exposure.productAssociated
  const message =
    channel?.mode === 'ENFORCE'
      ? messages.syncAssociatedEnforce
      : messages.syncAssociatedObserve

  const when = formatDateTime(intl, told?.associationAt, '')

  return (
    <section
      className="mt4 pa3 ba b--dashed b--muted-3 br2"
      data-testid={`sync-${exposure.channel}`}
    >
      <div className="flex items-center justify-between mb2">
        <h4 className="t-heading-6 ma0">
          {intl.formatMessage(messages.syncTitle)}
        </h4>
        {told && told.inSync !== null && (
          <Tag
            size="small"
            {...TAG_COLORS[told.inSync ? 'success' : 'warning']}
          >
            {intl.formatMessage(
              told.inSync
                ? channelToldMessages.inSync
                : channel?.mode === 'ENFORCE'
                ? channelToldMessages.outOfSync
                : channelToldMessages.outOfSyncObserve
            )}
          </Tag>
        )}
      </div>
      <p className="ma0 mb2">
        {associated == null
          ? intl.formatMessage(messages.syncUnknown)
          : intl.formatMessage(message, {
              associated: String(associated),
              salesChannel,
            })}
      </p>
      {told && (
        <>
          <p className="ma0 mb1" data-testid={`told-view-${exposure.channel}`}>
            {intl.formatMessage(channelToldMessages[told.expectedView])}
          </p>
          <p className="ma0 c-muted-1 t-small">
            {intl.formatMessage(
              told.associationSource === 'UNKNOWN'
                ? channelToldMessages.SOURCE_UNKNOWN
                : channelToldMessages[told.associationSource]
            )}
            {when && ` · ${when}`}
          </p>
        </>
      )}
    </section>
  )
}
