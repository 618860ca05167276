import React, { useEffect, useRef, useState } from 'react'
import { useIntl } from 'react-intl'
import { Button, Checkbox, Input, Modal } from 'vtex.styleguide'

import messages from '../keyMessages'
import type { CreatedKey } from '../hooks/useChannelKeys'
import { useFocusTrap } from '../../shared/hooks/useFocusTrap'

interface Props {
  created: CreatedKey
  channelLabel: string
  /** Called once the operator confirms the key is stored; the caller then drops the secret. */
  onClose: () => void
}

type Copy = 'idle' | 'copied' | 'failed'

/**
 * Shows a new key's secret, once. It closes only through its button, after the operator says the
 * key is stored: Esc, the overlay and a close icon would lose the secret by accident.
 */
export function CreatedKeyModal({ created, channelLabel, onClose }: Props) {
  const intl = useIntl()
  const input = useRef<HTMLInputElement>(null)
  const [stored, setStored] = useState(false)
  const [copy, setCopy] = useState<Copy>('idle')
  const trap = useFocusTrap(true, 'created-key-title')

  const select = () => {
    input.current?.focus()
    input.current?.select()
  }

  useEffect(select, [])

  const copyKey = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard')
      await navigator.clipboard.writeText(created.secret)
      setCopy('copied')
    } catch {
      // No clipboard (an insecure origin, a refused permission): leave it selected to copy by hand.
      select()
      setCopy('failed')
    }
  }

  return (
    <Modal
      centered
      isOpen
      onClose={() => undefined}
      closeOnEsc={false}
      closeOnOverlayClick={false}
      showCloseIcon={false}
      bottomBar={
        <div className="flex justify-end w-100">
          <Button
            disabled={!stored}
            onClick={onClose}
            testId="created-key-done"
          >
            {intl.formatMessage(messages.done)}
          </Button>
        </div>
      }
    >
      <div data-testid="created-key-modal" ref={trap}>
        <h3 className="t-heading-4 mt0" id="created-key-title">
          {intl.formatMessage(messages.createdTitle, {
            channel: channelLabel,
          })}
        </h3>
        <p
          className="pa3 bg-warning--faded br2 c-on-base"
          data-testid="created-key-warning"
        >
          {intl.formatMessage(messages.createdWarning)}
        </p>
        <div className="flex items-end mb3">
          <div className="flex-grow-1 mr3">
            <Input
              ref={input}
              readOnly
              label={intl.formatMessage(messages.secretLabel, {
                id: created.key.id,
              })}
              value={created.secret}
              autoComplete="off"
              spellCheck={false}
              onFocus={() => input.current?.select()}
              dataAttributes={{ testid: 'created-key-secret' }}
            />
          </div>
          <Button variation="secondary" onClick={copyKey}>
            {intl.formatMessage(messages.copy)}
          </Button>
        </div>
        <p
          className={`t-small mt0 ${copy === 'failed' ? 'c-danger' : ''}`}
          role="status"
          aria-live="polite"
          data-testid="created-key-copy-status"
        >
          {copy === 'copied' && intl.formatMessage(messages.copied)}
          {copy === 'failed' && intl.formatMessage(messages.copyFailed)}
        </p>
        <Checkbox
          id={`created-key-stored-${created.key.id}`}
          name="created-key-stored"
          label={intl.formatMessage(messages.stored)}
          checked={stored}
          onChange={() => setStored(!stored)}
        />
      </div>
    </Modal>
  )
}
