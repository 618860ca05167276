import React from 'react'
import { useIntl } from 'react-intl'

import { ConfirmModal } from '../../shared/components/ConfirmModal'
import type { MatchingRequest } from '../hooks/useMatchingOverride'
import messages from '../matchingMessages'

interface Props {
  request: MatchingRequest
  busy: boolean
  onConfirm: () => void
  onClose: () => void
}

/** The count is the filter's total, rows past this page included: said before anything runs. */
export function MatchingConfirmModal({
  request,
  busy,
  onConfirm,
  onClose,
}: Props) {
  const intl = useIntl()
  const { action } = request.values

  return (
    <ConfirmModal
      busy={busy}
      onClose={onClose}
      isDangerous={action === 'BLOCK'}
      confirmLabel={intl.formatMessage(messages.confirm, {
        action,
        count: request.count,
      })}
      onConfirm={onConfirm}
      testId="matching-confirm"
      title={intl.formatMessage(messages.confirmTitle, { action })}
    >
      <p data-testid="matching-confirm-count">
        {intl.formatMessage(messages.confirmCount, { count: request.count })}
      </p>
      <p className="mb0 pa3 bg-warning--faded br2">
        {intl.formatMessage(messages.confirmCost)}
      </p>
    </ConfirmModal>
  )
}
