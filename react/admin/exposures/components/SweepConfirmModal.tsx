import React from 'react'
import { useIntl } from 'react-intl'

import { ConfirmModal } from '../../shared/components/ConfirmModal'
import { scopeText } from '../../reconciliation/components/ScopeText'
import type { Seller } from '../../shared/types'
import type { SweepRequest } from '../hooks/useSweepMatching'
import messages from '../messages'

interface Props {
  request: SweepRequest
  busy: boolean
  onConfirm: () => void
  onClose: () => void
  /** The marketplace's sellers, to name a seller filter (its id alone without them). */
  sellers?: Seller[]
}

/** A sweep spends the account's VTEX API budget: say what it covers and what it costs first. */
export function SweepConfirmModal({
  request,
  busy,
  onConfirm,
  onClose,
  sellers,
}: Props) {
  const intl = useIntl()

  return (
    <ConfirmModal
      busy={busy}
      onClose={onClose}
      confirmLabel={intl.formatMessage(messages.sweepConfirm)}
      onConfirm={onConfirm}
      testId="sweep-confirm"
      title={intl.formatMessage(messages.sweepConfirmTitle)}
    >
      <p data-testid="sweep-confirm-count">
        {intl.formatMessage(messages.sweepConfirmCount, {
          count: request.count,
        })}
      </p>
      <p data-testid="sweep-confirm-scope">
        {intl.formatMessage(messages.sweepConfirmScope, {
          scope: scopeText(intl, request.scope, sellers),
        })}
      </p>
      <p className="mb0 pa3 bg-warning--faded br2">
        {intl.formatMessage(messages.sweepConfirmCost)}
      </p>
    </ConfirmModal>
  )
}
