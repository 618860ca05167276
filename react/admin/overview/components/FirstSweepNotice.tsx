import React from 'react'
import { useIntl } from 'react-intl'

import { reconciliationStateMessages } from '../../reconciliation/messages'
import messages from '../messages'
import type { FirstSweepState } from '../types'

/**
 * Until a full sweep has finished, the counts cover only the SKUs events and partial sweeps
 * decided: zeros are not facts yet. Says what is happening instead (nothing when one has finished).
 */
export function FirstSweepNotice({ first }: { first: FirstSweepState }) {
  const intl = useIntl()

  if (first.done) return null
  const { run } = first
  const text = !run
    ? intl.formatMessage(messages.firstSweepNone)
    : run.state === 'RUNNING' || run.state === 'QUEUED'
    ? intl.formatMessage(messages.firstSweepRunning, {
        done: run.done,
        total: run.total,
      })
    : intl.formatMessage(messages.firstSweepStopped, {
        state: intl.formatMessage(reconciliationStateMessages[run.state]),
      })

  return (
    <div
      className="mb5 pa4 br2 ba b--warning bg-warning--faded t-body"
      role="status"
      data-testid="first-sweep"
    >
      {text}
    </div>
  )
}
