import React from 'react'
import { useIntl } from 'react-intl'
import { useQuery } from 'react-apollo'
import { useRuntime } from 'vtex.render-runtime'
import { ButtonPlain } from 'vtex.styleguide'

import { formatDateTime } from '../../shared/format'
import { paths } from '../../shared/paths'
import { reconciliationStateMessages } from '../../reconciliation/messages'
import LAST_RECONCILIATION from '../graphql/lastReconciliation.gql'
import messages from '../messages'
import type { ReconciliationSummary } from '../types'

/** The latest sweep, in one line; its own query so a failure here does not hide the counts. */
export function LastSweep() {
  const intl = useIntl()
  const { navigate } = useRuntime()
  const { data, loading, error } = useQuery<{
    reconciliation: ReconciliationSummary | null
  }>(LAST_RECONCILIATION, {
    fetchPolicy: 'cache-and-network',
  })

  if (loading && !data) return null

  const run = data?.reconciliation
  let text: string

  if (error && !data) text = intl.formatMessage(messages.lastSweepError)
  else if (!run) text = intl.formatMessage(messages.lastSweepNone)
  else {
    text = intl.formatMessage(messages.lastSweepLine, {
      state: intl.formatMessage(reconciliationStateMessages[run.state]),
      done: run.done,
      total: run.total,
      driftFound: run.driftFound,
      driftFixed: run.driftFixed,
      when: formatDateTime(
        intl,
        run.finishedAt ?? run.startedAt ?? run.createdAt
      ),
    })
  }

  return (
    <div className="mb5" data-testid="last-sweep">
      <div
        className={`flex items-center justify-between pa4 br2 ba ${
          error && !data ? 'b--warning bg-warning--faded' : 'b--muted-4 bg-base'
        }`}
      >
        <span className="t-body">
          <strong>{intl.formatMessage(messages.lastSweep)}:</strong> {text}
        </span>
        <ButtonPlain onClick={() => navigate({ to: paths.reconciliation })}>
          {intl.formatMessage(messages.openSweeps)}
        </ButtonPlain>
      </div>
    </div>
  )
}
