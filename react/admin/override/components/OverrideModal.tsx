import React, { useState } from 'react'
import { useIntl } from 'react-intl'
import { Input, RadioGroup, Textarea } from 'vtex.styleguide'

import { ConfirmModal } from '../../shared/components/ConfirmModal'
import { errorMessages } from '../../shared/messages'
import messages from '../messages'
import { validateOverride } from '../validate'
import type { OverrideForm, OverrideValues } from '../validate'

interface Props {
  isOpen: boolean
  channels: string
  loading: boolean
  serverError?: string | null
  initialAction?: OverrideForm['action']
  onClose: () => void
  onSubmit: (values: OverrideValues) => void
}

/** Asks for allow/block, a note and an optional expiry; used by the table and the SKU page. */
export function OverrideModal({
  isOpen,
  channels,
  loading,
  serverError,
  initialAction = 'BLOCK',
  onClose,
  onSubmit,
}: Props) {
  const intl = useIntl()
  const [form, setForm] = useState<OverrideForm>({
    action: initialAction,
    note: '',
    expiresLocal: '',
  })

  const [touched, setTouched] = useState(false)
  const { errors, values } = validateOverride(form, Date.now())
  const show = (field: 'note' | 'expiresAt') => {
    const code = errors[field]

    // The expiry is checked at once; the note once the operator has typed or tried to save.
    return code && (touched || field === 'expiresAt')
      ? intl.formatMessage(errorMessages[code])
      : undefined
  }

  const submit = () => {
    setTouched(true)
    if (values) onSubmit(values)
  }

  return (
    <ConfirmModal
      isOpen={isOpen}
      busy={loading}
      onClose={onClose}
      confirmLabel={intl.formatMessage(messages.submit)}
      onConfirm={submit}
      testId="override-modal"
      title={intl.formatMessage(messages.title, { channels })}
    >
      <div className="mb5">
        <RadioGroup
          name="override-action"
          label={intl.formatMessage(messages.action)}
          value={form.action}
          options={[
            { value: 'BLOCK', label: intl.formatMessage(messages.block) },
            { value: 'ALLOW', label: intl.formatMessage(messages.allow) },
          ]}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
            setForm({
              ...form,
              action: e.currentTarget.value as OverrideForm['action'],
            })
          }
        />
      </div>
      <div className="mb5">
        <Textarea
          label={intl.formatMessage(messages.note)}
          value={form.note}
          helpText={intl.formatMessage(messages.noteHelp, {
            count: Array.from(form.note.trim()).length,
          })}
          errorMessage={show('note')}
          onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => {
            setTouched(true)
            setForm({ ...form, note: e.target.value })
          }}
          data-testid="override-note"
        />
      </div>
      <div className="mb5">
        <Input
          type="datetime-local"
          label={intl.formatMessage(messages.expiresAt)}
          value={form.expiresLocal}
          helpText={intl.formatMessage(messages.expiresHelp)}
          errorMessage={show('expiresAt')}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
            setForm({ ...form, expiresLocal: e.target.value })
          }
          data-testid="override-expires"
        />
      </div>
      {serverError && (
        <p className="c-danger t-small" role="alert">
          {serverError}
        </p>
      )}
    </ConfirmModal>
  )
}
