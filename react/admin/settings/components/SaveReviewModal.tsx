import React from 'react'
import { useIntl } from 'react-intl'
import { ModalDialog, Spinner } from 'vtex.styleguide'

import { commonMessages } from '../../shared/messages'
import type { Channel } from '../../shared/types'
import messages from '../messages'
import type { SettingsPreview } from '../types'

interface Props {
  preview: SettingsPreview[] | null
  previewError: string | null
  toEnforce: string[]
  channels: Channel[]
  saving: boolean
  onConfirm: () => void
  onClose: () => void
}

/** What saving would change, and for a switch to ENFORCE, what will be written to the catalog. */
export function SaveReviewModal({
  preview,
  previewError,
  toEnforce,
  channels,
  saving,
  onConfirm,
  onClose,
}: Props) {
  const intl = useIntl()
  const salesChannel = (id: string) =>
    channels.find((c) => c.id === id)?.salesChannel ?? '—'

  return (
    <ModalDialog
      centered
      isOpen
      loading={saving}
      onClose={onClose}
      confirmation={{
        label: intl.formatMessage(
          toEnforce.length ? messages.confirmEnforce : messages.confirmSave
        ),
        onClick: onConfirm,
        isDangerous: toEnforce.length > 0,
        disabled: !preview,
      }}
      cancelation={{
        label: intl.formatMessage(commonMessages.cancel),
        onClick: onClose,
      }}
    >
      <div data-testid="save-review">
        <h3 className="t-heading-4 mt0">
          {intl.formatMessage(messages.previewTitle)}
        </h3>
        {!preview && !previewError && (
          <div className="flex items-center">
            <Spinner size={20} />
            <span className="ml3">
              {intl.formatMessage(messages.previewLoading)}
            </span>
          </div>
        )}
        {previewError && (
          <p className="c-danger" role="alert">
            {previewError}
          </p>
        )}
        {preview && (
          <ul className="pl4">
            {preview.map((p) => (
              <li
                key={p.channel}
                className="mb3"
                data-testid={`preview-${p.channel}`}
              >
                {intl.formatMessage(messages.previewLine, {
                  channel: p.channel,
                  toExposed: p.toExposed,
                  toWithheld: p.toWithheld,
                })}
                {toEnforce.includes(p.channel) && (
                  <p
                    className="mt2 mb0 pa3 bg-warning--faded br2"
                    data-testid={`enforce-warning-${p.channel}`}
                  >
                    {intl.formatMessage(messages.enforceWarning, {
                      channel: p.channel,
                      associate: p.associate,
                      dissociate: p.dissociate,
                      salesChannel: salesChannel(p.channel),
                    })}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </ModalDialog>
  )
}
