import React from 'react'
import { useIntl } from 'react-intl'
import { useQuery } from 'react-apollo'

import { AdminPage } from '../../shared/components/AdminPage'
import { withToasts } from '../../shared/components/withToasts'
import { PageLoader } from '../../shared/components/PageLoader'
import EXPOSURE_SUMMARY from '../graphql/exposureSummary.gql'
import FIRST_SWEEP from '../graphql/firstSweep.gql'
import messages from '../messages'
import type { ChannelSummary, FirstSweepState } from '../types'
import { AttentionList } from './AttentionList'
import { ChannelSummaryCard } from './ChannelSummaryCard'
import { FirstSweepNotice } from './FirstSweepNotice'
import { LastSweep } from './LastSweep'
import { TrendsSection } from './TrendsSection'

function OverviewContent() {
  const intl = useIntl()
  const { data, loading, error, refetch } = useQuery<{
    exposureSummary: ChannelSummary[]
  }>(EXPOSURE_SUMMARY, {
    fetchPolicy: 'cache-and-network',
  })

  // Its own query: if it fails, the counts still show (without the notice).
  const first = useQuery<{ firstSweep: FirstSweepState }>(FIRST_SWEEP, {
    fetchPolicy: 'cache-and-network',
  }).data?.firstSweep

  const summaries = data?.exposureSummary ?? []
  const blocked = summaries
    .filter((s) => s.channel.catalogWritesBlocked)
    .map((s) => s.channel.id)

  return (
    <AdminPage subtitle={intl.formatMessage(messages.subtitle)}>
      <AttentionList />
      {blocked.length > 0 && (
        <p
          className="mt0 mb5 pa4 br2 ba b--warning bg-warning--faded"
          role="status"
          data-testid="catalog-writes-blocked"
        >
          {intl.formatMessage(messages.catalogWritesBlocked, {
            channels: blocked.join(', '),
          })}
        </p>
      )}
      <LastSweep />
      {first && <FirstSweepNotice first={first} />}
      <PageLoader
        loading={loading && !data}
        error={data ? null : error}
        empty={summaries.length === 0}
        emptyText={intl.formatMessage(messages.empty)}
        onRetry={() => refetch()}
      >
        <div className="flex flex-wrap nl3 nr3">
          {summaries.map((summary) => (
            <div
              key={summary.cacheId}
              id={`channel-${summary.channel.id}`}
              className="w-100 w-50-l ph3 mb5"
            >
              <ChannelSummaryCard
                summary={summary}
                partial={first ? !first.done : false}
              />
            </div>
          ))}
        </div>
        {summaries.length > 0 && (
          <div className="mb5">
            <TrendsSection channels={summaries.map((s) => s.channel)} />
          </div>
        )}
      </PageLoader>
    </AdminPage>
  )
}

export const OverviewPage = withToasts(OverviewContent)
