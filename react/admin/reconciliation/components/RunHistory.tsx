import React from 'react'
import { useIntl } from 'react-intl'

import { PageLoader } from '../../shared/components/PageLoader'
import { formatDateTime } from '../../shared/format'
import type { Seller } from '../../shared/types'
import { upstreamCodeText } from '../../shared/upstreamCodes'
import messages, { reconciliationStateMessages } from '../messages'
import type { ReconciliationRun } from '../types'
import { startedByText } from '../startedBy'
import { RunLink } from './RunLink'
import { ScopeText } from './ScopeText'
import { ScrollRegion } from '../../shared/components/ScrollRegion'
import { PageButtons } from '../../shared/components/PageButtons'

interface Props {
  runs: ReconciliationRun[]
  total: number
  page: number
  pageSize: number
  loading: boolean
  error?: Error | null
  onRetry: () => void
  onPage: (page: number) => void
  /** The marketplace's sellers, for scopes' seller names; undefined shows raw ids. */
  sellers?: Seller[]
}

const th = 'pa3 tl'
const td = 'pa3 bt b--muted-4'

export function RunHistory({
  runs,
  total,
  page,
  pageSize,
  loading,
  error,
  onRetry,
  onPage,
  sellers,
}: Props) {
  const intl = useIntl()

  return (
    <section>
      <h3 className="t-heading-4">
        {intl.formatMessage(messages.historyTitle)}
      </h3>
      <PageLoader
        loading={loading}
        error={error}
        empty={runs.length === 0}
        emptyText={intl.formatMessage(messages.historyEmpty)}
        onRetry={onRetry}
      >
        <ScrollRegion label={intl.formatMessage(messages.historyTitle)}>
          <table className="w-100 collapse t-small" data-testid="run-history">
            <thead className="bg-muted-5">
              <tr>
                <th className={th}>
                  {intl.formatMessage(messages.colStarted)}
                </th>
                <th className={th}>{intl.formatMessage(messages.colState)}</th>
                <th className={th}>{intl.formatMessage(messages.colScope)}</th>
                <th className={th}>
                  {intl.formatMessage(messages.colTrigger)}
                </th>
                <th className={`${th} tr`}>
                  {intl.formatMessage(messages.colProgress)}
                </th>
                <th className={`${th} tr`}>
                  {intl.formatMessage(messages.colDrift)}
                </th>
                <th className={th}>{intl.formatMessage(messages.colErrors)}</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <tr key={run.cacheId} data-testid={`run-${run.id}`}>
                  <td className={td}>
                    <RunLink
                      id={run.id}
                      when={formatDateTime(
                        intl,
                        run.startedAt ?? run.createdAt
                      )}
                    />
                  </td>
                  <td className={td}>
                    {intl.formatMessage(reconciliationStateMessages[run.state])}
                  </td>
                  <td className={td}>
                    <ScopeText scope={run.scope} sellers={sellers} />
                  </td>
                  <td className={td}>{startedByText(intl, run)}</td>
                  <td className={`${td} tr`}>
                    {intl.formatNumber(run.done)}/{intl.formatNumber(run.total)}
                  </td>
                  <td className={`${td} tr`}>
                    {intl.formatNumber(run.driftFound)} /{' '}
                    {intl.formatNumber(run.driftFixed)}
                  </td>
                  <td className={td}>
                    {run.errors
                      .map(
                        (e) => `${upstreamCodeText(intl, e.code)} ×${e.count}`
                      )
                      .join(', ') || '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        <PageButtons
          page={page}
          hasNext={page * pageSize < total}
          onPage={onPage}
          previousLabel={intl.formatMessage(messages.previous)}
          nextLabel={intl.formatMessage(messages.next)}
        />
      </PageLoader>
    </section>
  )
}
