import React, { useState } from 'react'
import { useMutation } from 'react-apollo'
import { useIntl } from 'react-intl'
import { Toggle } from 'vtex.styleguide'

import { ConfirmModal } from '../../shared/components/ConfirmModal'
import { useErrorText } from '../../shared/hooks/useErrorText'
import { useToast } from '../../shared/hooks/useToast'
import SAVE_SETTINGS from '../graphql/saveSettings.gql'
import messages from '../messages'
import type { Settings } from '../types'

interface Props {
  settings: Settings
}

/**
 * Outside master only. Settings are per workspace but trade policies are the account's: a linked
 * workspace's ENFORCE channels write nothing to the catalog until the operator turns it on here.
 * Turning it on is confirmed, since it changes what the live store's channels receive.
 */
export function WorkspaceCatalogWrites({ settings }: Props) {
  const intl = useIntl()
  const showToast = useToast()
  const errorText = useErrorText()
  const [confirming, setConfirming] = useState(false)
  const [save, saving] = useMutation<{ saveSettings: Settings }>(SAVE_SETTINGS)

  if (settings.workspace === 'master') return null
  const { workspace } = settings
  const set = async (on: boolean) => {
    try {
      await save({ variables: { input: { workspaceCatalogWrites: on } } })
      setConfirming(false)
      showToast(intl.formatMessage(messages.saved))
    } catch (error) {
      showToast(errorText(error as Error))
    }
  }

  return (
    <div
      className={`mb5 pa4 br2 ba ${
        settings.catalogWritesBlocked
          ? 'b--warning bg-warning--faded'
          : 'b--danger bg-danger--faded'
      }`}
      data-testid="workspace-writes"
      role="status"
    >
      <p className="mt0 mb4">
        {intl.formatMessage(
          settings.catalogWritesBlocked
            ? messages.workspaceWritesOff
            : messages.workspaceWritesOn,
          { workspace }
        )}
      </p>
      <Toggle
        id="workspace-catalog-writes"
        label={intl.formatMessage(messages.workspaceWritesToggle, {
          workspace,
        })}
        checked={settings.workspaceCatalogWrites}
        disabled={saving.loading}
        onChange={() =>
          settings.workspaceCatalogWrites ? set(false) : setConfirming(true)
        }
      />
      {confirming && (
        <ConfirmModal
          busy={saving.loading}
          isDangerous
          testId="workspace-writes-confirm"
          title={intl.formatMessage(messages.workspaceWritesConfirmTitle, {
            workspace,
          })}
          confirmLabel={intl.formatMessage(messages.workspaceWritesConfirm)}
          onConfirm={() => set(true)}
          onClose={() => setConfirming(false)}
        >
          <p>
            {intl.formatMessage(messages.workspaceWritesConfirmBody, {
              workspace,
            })}
          </p>
        </ConfirmModal>
      )}
    </div>
  )
}
