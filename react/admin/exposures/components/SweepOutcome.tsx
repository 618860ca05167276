import React from 'react'
import { useIntl } from 'react-intl'
import { useRuntime } from 'vtex.render-runtime'
import { Alert } from 'vtex.styleguide'

import { useErrorText } from '../../shared/hooks/useErrorText'
import { commonMessages } from '../../shared/messages'
import { paths } from '../../shared/paths'
import type { SweepOutcome as Outcome } from '../hooks/useSweepMatching'
import messages from '../messages'

interface Props {
  outcome: Outcome | null
  onDismiss: () => void
}

/**
 * Stays until closed, unlike a toast: it carries the way to the Reconciliation page, where the
 * sweep's progress (or the sweep that holds the lock) shows.
 */
export function SweepOutcome({ outcome, onDismiss }: Props) {
  const intl = useIntl()
  const { navigate } = useRuntime()
  const errorText = useErrorText()

  if (!outcome) return null

  const open = {
    label: intl.formatMessage(messages.openReconciliation),
    onClick: () => navigate({ to: paths.reconciliation }),
  }

  const view =
    outcome.kind === 'started'
      ? {
          type: 'success',
          action: open,
          text: intl.formatMessage(messages.sweepStarted, {
            count: outcome.count,
          }),
        }
      : outcome.kind === 'running'
      ? {
          type: 'warning',
          action: open,
          text: intl.formatMessage(messages.sweepAlreadyRunning),
        }
      : {
          type: 'error',
          action: undefined,
          text:
            outcome.kind === 'invalid'
              ? intl.formatMessage(messages.sweepInvalidScope)
              : errorText(outcome.error),
        }

  return (
    <div className="mb3" data-testid={`sweep-outcome-${outcome.kind}`}>
      <Alert
        type={view.type}
        action={view.action}
        onClose={onDismiss}
        closeIconLabel={intl.formatMessage(commonMessages.close)}
      >
        {view.text}
      </Alert>
    </div>
  )
}
