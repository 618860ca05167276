import React from 'react'
import { useIntl } from 'react-intl'

import type { Channel, Exposure } from '../../shared/types'
import messages from '../messages'

/**
 * "What the channel was last told". Today only the product's trade-policy association is known
 * (`productAssociated`); the API may add the last notification sent to the affiliate, which
 * belongs in the marked slot below.
 */
export function ChannelSync({ exposure, channel }: { exposure: Exposure; channel?: Channel }) {
  const intl = useIntl()
  const salesChannel = channel?.salesChannel ?? '—'
  const message = channel?.mode === 'ENFORCE' ? messages.syncAssociatedEnforce : messages.syncAssociatedObserve

  return (
    <section className="mt4 pa3 ba b--dashed b--muted-3 br2" data-testid={`sync-${exposure.channel}`}>
      <h4 className="t-heading-6 mt0 mb2">{intl.formatMessage(messages.syncTitle)}</h4>
      <p className="ma0 mb2">
        {exposure.productAssociated == null
          ? intl.formatMessage(messages.syncUnknown)
          : intl.formatMessage(message, { associated: String(exposure.productAssociated), salesChannel })}
      </p>
      {/* Slot for the last notification sent to the affiliate (field not in the schema yet). */}
      <p className="ma0 c-muted-2 t-small">{intl.formatMessage(messages.syncPending)}</p>
    </section>
  )
}
