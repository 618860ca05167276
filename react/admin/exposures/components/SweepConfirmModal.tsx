import React from 'react'
import { useIntl } from 'react-intl'
import { ModalDialog } from 'vtex.styleguide'

import { scopeText } from '../../reconciliation/components/ScopeText'
import { commonMessages } from '../../shared/messages'
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
    <ModalDialog
      centered
      isOpen
      loading={busy}
      onClose={onClose}
      confirmation={{
        label: intl.formatMessage(messages.sweepConfirm),
        onClick: onConfirm,
      }}
      cancelation={{
        label: intl.formatMessage(commonMessages.cancel),
        onClick: onClose,
      }}
    >
      <div data-testid="sweep-confirm">
        <h3 className="t-heading-4 mt0">
          {intl.formatMessage(messages.sweepConfirmTitle)}
        </h3>
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
      </div>
    </ModalDialog>
  )
}
