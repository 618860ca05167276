import React, { useEffect, useRef, useState } from 'react'
import { useIntl } from 'react-intl'
import type { MessageDescriptor } from 'react-intl'
import { Button, Dropdown, Input, RadioGroup, Textarea } from 'vtex.styleguide'

import { useAccessibleNames } from '../../shared/hooks/useAccessibleNames'
import { errorMessages } from '../../shared/messages'
import type { Channel } from '../../shared/types'
import messages from '../bufferMessages'
import type { BufferField, StockBufferInput } from '../bufferValidate'
import { checkBuffer, draftOf, emptyBufferDraft } from '../bufferValidate'
import type { StockBuffer, StockBufferDraft } from '../types'

interface Props {
  channels: Channel[]
  /** The buffer being changed, or null to add one. */
  editing: StockBuffer | null
  busy: boolean
  atLimit: boolean
  /** Saves; resolves false when the server refused it (the section shows why). */
  onSave: (input: StockBufferInput) => Promise<boolean>
  onCancel: () => void
}

/**
 * Adds a buffer, or changes one: its product or SKU and channel name it, so they are fixed while
 * editing (another target or channel is another buffer).
 */
export function StockBufferForm({
  channels,
  editing,
  busy,
  atLimit,
  onSave,
  onCancel,
}: Props) {
  const intl = useIntl()
  const [draft, setDraft] = useState<StockBufferDraft>(emptyBufferDraft)
  const [touched, setTouched] = useState(false)
  const channelBox = useRef<HTMLDivElement>(null)

  // The styleguide's Dropdown does not tie its label to its select.
  useAccessibleNames(channelBox, [
    ['select', intl.formatMessage(messages.channel)],
  ])

  useEffect(() => {
    setDraft(editing ? draftOf(editing) : emptyBufferDraft())
    setTouched(false)
  }, [editing])

  const { errors, input } = checkBuffer(draft)
  const set = (patch: Partial<StockBufferDraft>) =>
    setDraft({ ...draft, ...patch })

  const show = (field: BufferField) => {
    const code = errors[field]

    return touched && code ? intl.formatMessage(errorMessages[code]) : undefined
  }

  const submit = async () => {
    setTouched(true)
    if (!input) return
    if (await onSave(input)) {
      setDraft(emptyBufferDraft())
      setTouched(false)
    }
  }

  const fixed = editing !== null
  const adding = !fixed && atLimit
  // The SKU or product id and the two thresholds: numbers typed as text, checked as you type.
  const numberField = ({
    field,
    label,
    testId,
    className = 'w-50 w-25-l ph2 mb4',
    disabled = false,
  }: {
    field: Exclude<BufferField, 'note'>
    label: MessageDescriptor
    testId: string
    className?: string
    disabled?: boolean
  }) => (
    <div className={className}>
      <Input
        label={intl.formatMessage(label)}
        value={draft[field]}
        inputMode="numeric"
        disabled={disabled}
        errorMessage={show(field)}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
          set({ [field]: e.target.value })
        }
        data-testid={testId}
      />
    </div>
  )

  return (
    <form
      className="bg-base pa5 br2 ba b--muted-4 mt5"
      data-testid="buffer-form"
      aria-labelledby="buffer-form-title"
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
    >
      <h3 id="buffer-form-title" className="t-heading-5 mt0">
        {editing
          ? intl.formatMessage(messages.formEdit, { id: editing.id })
          : intl.formatMessage(messages.formAdd)}
      </h3>
      <div className="flex flex-wrap nl2 nr2">
        <div className="w-100 w-30-l ph2 mb4">
          <RadioGroup
            name="buffer-scope"
            label={intl.formatMessage(messages.scope)}
            value={draft.scope}
            disabled={fixed}
            options={[
              {
                value: 'PRODUCT',
                label: intl.formatMessage(messages.scopeProduct),
              },
              { value: 'SKU', label: intl.formatMessage(messages.scopeSku) },
            ]}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
              set({ scope: e.currentTarget.value as StockBufferDraft['scope'] })
            }
          />
        </div>
        {numberField({
          field: 'targetId',
          label: messages.targetId,
          testId: 'buffer-target',
          className: 'w-50 w-20-l ph2 mb4',
          disabled: fixed,
        })}
        <div className="w-50 w-25-l ph2 mb4" ref={channelBox}>
          <Dropdown
            label={intl.formatMessage(messages.channel)}
            value={draft.channel}
            disabled={fixed}
            options={[
              { value: '', label: intl.formatMessage(messages.allChannels) },
              ...channels.map((c) => ({
                value: c.id,
                label: `${c.name ?? c.id} (${c.id})`,
              })),
            ]}
            onChange={(_: unknown, value: string) => set({ channel: value })}
            testId="buffer-channel"
          />
        </div>
        {numberField({
          field: 'exposeAt',
          label: messages.exposeAt,
          testId: 'buffer-expose-at',
        })}
        {numberField({
          field: 'withdrawBelow',
          label: messages.withdrawBelow,
          testId: 'buffer-withdraw-below',
        })}
        <div className="w-100 w-75-l ph2 mb4">
          <Textarea
            label={intl.formatMessage(messages.note)}
            value={draft.note}
            errorMessage={show('note')}
            onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) =>
              set({ note: e.target.value })
            }
            data-testid="buffer-note"
          />
        </div>
      </div>
      <div className="flex items-center">
        <div className="mr3">
          <Button
            type="submit"
            disabled={adding}
            isLoading={busy}
            testId="buffer-save"
          >
            {intl.formatMessage(messages.save)}
          </Button>
        </div>
        {fixed && (
          <Button variation="tertiary" onClick={onCancel}>
            {intl.formatMessage(messages.cancelEdit)}
          </Button>
        )}
        {adding && (
          <span className="t-small c-muted-1">
            {intl.formatMessage(messages.atLimit)}
          </span>
        )}
      </div>
    </form>
  )
}
