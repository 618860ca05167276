import React, { useRef } from 'react'
import { useIntl } from 'react-intl'
import { useQuery } from 'react-apollo'
import { useRuntime } from 'vtex.render-runtime'
import { Button, EmptyState } from 'vtex.styleguide'

import { AdminPage } from '../../shared/components/AdminPage'
import { PageLoader } from '../../shared/components/PageLoader'
import { withToasts } from '../../shared/components/withToasts'
import { paths } from '../../shared/paths'
import type { Channel, ExposureWithTrace } from '../../shared/types'
import type { SkuDetail } from '../../../typings/schema.generated'
import SKU_DETAIL from '../graphql/skuDetail.gql'
import { useSkuActions } from '../hooks/useSkuActions'
import messages from '../messages'
import { AuditTimeline } from './AuditTimeline'
import { ChannelDecision } from './ChannelDecision'

interface SkuDetailData {
  skuDetail:
    | (Omit<SkuDetail, 'exposures'> & { exposures: ExposureWithTrace[] })
    | null
  channels: Channel[]
}

function SkuDetailContent() {
  const intl = useIntl()
  const { route, navigate } = useRuntime()
  const skuId = route.params.skuId ?? ''
  const auditRefetch = useRef<(() => void) | null>(null)
  const { data, loading, error, refetch } = useQuery<SkuDetailData>(
    SKU_DETAIL,
    {
      variables: { skuId },
      fetchPolicy: 'cache-and-network',
    }
  )

  const detail = data?.skuDetail
  const actions = useSkuActions(skuId, () => {
    auditRefetch.current?.()
    if (!detail?.exposures.length) refetch()
  })

  const channelOf = (id: string) => data?.channels.find((c) => c.id === id)

  return (
    <AdminPage
      linkLabel={intl.formatMessage(messages.back)}
      onLinkClick={() => navigate({ to: paths.exposures })}
      subtitle={
        detail
          ? intl.formatMessage(messages.subtitle, {
              skuId,
              skuName: detail.skuName ?? '—',
              productId: detail.productId ?? '—',
            })
          : undefined
      }
    >
      <PageLoader
        loading={loading && !data}
        error={data ? null : error}
        onRetry={() => refetch()}
      >
        {!detail || detail.exposures.length === 0 ? (
          <div data-testid="page-empty">
            <EmptyState title={intl.formatMessage(messages.empty, { skuId })}>
              <div className="pt5">
                <Button
                  isLoading={actions.busy}
                  onClick={() => actions.reevaluate()}
                  testId="evaluate-now"
                >
                  {intl.formatMessage(messages.evaluateNow)}
                </Button>
              </div>
            </EmptyState>
          </div>
        ) : (
          <div className="flex flex-wrap nl3 nr3">
            {detail.exposures.map((exposure) => (
              <div key={exposure.cacheId} className="w-100 w-50-l ph3 mb5">
                <ChannelDecision
                  exposure={exposure}
                  channel={channelOf(exposure.channel)}
                  busy={actions.busy}
                  onReevaluate={() => actions.reevaluate(exposure.channel)}
                  onOverride={(values) =>
                    actions.setOverride(exposure.channel, values)
                  }
                  onClear={() => actions.clearOverride(exposure.channel)}
                />
              </div>
            ))}
          </div>
        )}
        <AuditTimeline skuId={skuId} refetchRef={auditRefetch} />
      </PageLoader>
    </AdminPage>
  )
}

export const SkuDetailPage = withToasts(SkuDetailContent)
