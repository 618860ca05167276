import React from 'react'
import { useIntl } from 'react-intl'
import { Spinner } from 'vtex.styleguide'

import { ConfirmModal } from '../../shared/components/ConfirmModal'
import type { Channel } from '../../shared/types'
import messages from '../messages'
import type { SettingsPreview } from '../types'
import { ReviewProducts } from './ReviewProducts'

interface Props {
  preview: SettingsPreview[] | null
  /** The review's job while it runs: decisions read so far, of how many. */
  progress?: { done: number; total: number } | null
  previewError: string | null
  toEnforce: string[]
  /** This workspace may not write the catalog: a switch to Enforce writes nothing yet. */
  catalogWritesBlocked?: boolean
  channels: Channel[]
  saving: boolean
  onConfirm: () => void
  onClose: () => void
}

/** What saving would change, and for a switch to ENFORCE, what will be written to the catalog. */
export function SaveReviewModal({
  preview,
  progress,
  previewError,
  toEnforce,
  catalogWritesBlocked = false,
  channels,
  saving,
  onConfirm,
  onClose,
}: Props) {
  const intl = useIntl()
  const salesChannel = (id: string) =>
    channels.find((c) => c.id === id)?.salesChannel ?? '—'

  return (
    <ConfirmModal
      busy={saving}
      onClose={onClose}
      confirmLabel={intl.formatMessage(
        toEnforce.length ? messages.confirmEnforce : messages.confirmSave
      )}
      onConfirm={onConfirm}
      isDangerous={toEnforce.length > 0 && !catalogWritesBlocked}
      confirmDisabled={!preview}
      testId="save-review"
      title={intl.formatMessage(messages.previewTitle)}
    >
      {!preview && !previewError && (
        <div className="flex items-center">
          <Spinner size={20} />
          <span className="ml3" data-testid="preview-progress">
            {progress && progress.total > 0
              ? intl.formatMessage(messages.previewProgress, progress)
              : intl.formatMessage(messages.previewLoading)}
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
                  {intl.formatMessage(
                    catalogWritesBlocked
                      ? messages.enforceBlocked
                      : messages.enforceWarning,
                    {
                      channel: p.channel,
                      associate: p.associate,
                      dissociate: p.dissociate,
                      salesChannel: salesChannel(p.channel),
                    }
                  )}
                </p>
              )}
              {p.products.length > 0 && <ReviewProducts preview={p} />}
            </li>
          ))}
        </ul>
      )}
    </ConfirmModal>
  )
}
