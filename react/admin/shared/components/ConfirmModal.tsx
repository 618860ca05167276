import type { ReactNode } from 'react'
import React from 'react'
import { useIntl } from 'react-intl'
import { ModalDialog } from 'vtex.styleguide'

import { useFocusTrap } from '../hooks/useFocusTrap'
import { commonMessages } from '../messages'

interface Props {
  title: ReactNode
  confirmLabel: string
  onConfirm: () => void
  onClose: () => void
  /** The confirmed action is running: the buttons wait. */
  busy: boolean
  testId: string
  isOpen?: boolean
  isDangerous?: boolean
  confirmDisabled?: boolean
  children: ReactNode
}

/** The admin's confirmation dialog: a title, the body, the action and a cancel that closes. */
export function ConfirmModal({
  title,
  confirmLabel,
  onConfirm,
  onClose,
  busy,
  testId,
  isOpen = true,
  isDangerous,
  confirmDisabled,
  children,
}: Props) {
  const intl = useIntl()
  const titleId = `${testId}-title`
  const trap = useFocusTrap(isOpen, titleId)

  return (
    <ModalDialog
      centered
      isOpen={isOpen}
      loading={busy}
      onClose={onClose}
      confirmation={{
        label: confirmLabel,
        onClick: onConfirm,
        isDangerous,
        disabled: confirmDisabled,
      }}
      cancelation={{
        label: intl.formatMessage(commonMessages.cancel),
        onClick: onClose,
      }}
    >
      <div data-testid={testId} ref={trap}>
        <h3 className="t-heading-4 mt0" id={titleId}>
          {title}
        </h3>
        {children}
      </div>
    </ModalDialog>
  )
}
