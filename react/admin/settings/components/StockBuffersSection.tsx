import React, { useRef, useState } from 'react'
import { useIntl } from 'react-intl'
import { Button } from 'vtex.styleguide'

import { ConfirmModal } from '../../shared/components/ConfirmModal'
import { formatDateTime } from '../../shared/format'
import { useErrorText } from '../../shared/hooks/useErrorText'
import { useFocusReturn } from '../../shared/hooks/useFocusReturn'
import { useToast } from '../../shared/hooks/useToast'
import type { Channel } from '../../shared/types'
import messages from '../bufferMessages'
import type { StockBufferInput } from '../bufferValidate'
import { MAX_BUFFERS } from '../bufferValidate'
import { useStockBuffers } from '../hooks/useStockBuffers'
import type { StockBuffer } from '../types'
import { StockBufferForm } from './StockBufferForm'
import { ListLoader } from '../../shared/components/ListLoader'
import { ScrollRegion } from '../../shared/components/ScrollRegion'

const th = 'pa3 tl'
const td = 'pa3 bt b--muted-4'

/** The workspace's stock buffers: the list, add, edit and delete, each applied at once. */
export function StockBuffersSection({ channels }: { channels: Channel[] }) {
  const intl = useIntl()
  const errorText = useErrorText()
  const showToast = useToast()
  const buffers = useStockBuffers()
  const heading = useRef<HTMLHeadingElement>(null)
  const focus = useFocusReturn(heading)
  const [editing, setEditing] = useState<StockBuffer | null>(null)
  const [saveError, setSaveError] = useState<string | null>(null)
  const [toDelete, setToDelete] = useState<StockBuffer | null>(null)
  const [deleteError, setDeleteError] = useState<string | null>(null)

  const channelName = (id: string | null) => {
    if (!id) return intl.formatMessage(messages.allChannels)
    const channel = channels.find((c) => c.id === id)

    return `${channel?.name ?? id} (${id})`
  }

  const targetName = (b: StockBuffer) =>
    intl.formatMessage(messages.target, { scope: b.scope, id: b.targetId })

  // The end of each row's button names, so that every Edit and Delete has its own.
  const hidden = (b: StockBuffer) =>
    intl.formatMessage(messages.rowHidden, { id: b.id })

  const save = async (input: StockBufferInput) => {
    setSaveError(null)
    try {
      const list = await buffers.save(input)
      const saved = list.find(
        (b) =>
          b.scope === input.scope &&
          b.targetId === input.targetId &&
          b.channel === input.channel
      )

      setEditing(null)
      showToast(
        intl.formatMessage(messages.savedToast, { id: saved?.id ?? '' })
      )

      return true
    } catch (error) {
      setSaveError(errorText(error as Error))

      return false
    }
  }

  const openDelete = (b: StockBuffer) => {
    focus.remember()
    setDeleteError(null)
    setToDelete(b)
  }

  const closeDelete = () => {
    setToDelete(null)
    setDeleteError(null)
    focus.restore()
  }

  const remove = async () => {
    if (!toDelete) return
    try {
      await buffers.remove(toDelete.id)
      if (editing?.id === toDelete.id) setEditing(null)
      showToast(intl.formatMessage(messages.deletedToast, { id: toDelete.id }))
      closeDelete()
    } catch (error) {
      setDeleteError(errorText(error as Error))
    }
  }

  const list = () => (
    <ListLoader
      loading={buffers.loading}
      error={buffers.error}
      empty={!buffers.buffers.length}
      emptyText={intl.formatMessage(messages.empty)}
      onRetry={() => buffers.refetch()}
      errorTestId="buffers-error"
      emptyTestId="buffers-empty"
    >
      <ScrollRegion
        label={intl.formatMessage(messages.listLabel)}
        className="mb4"
      >
        <table
          className="w-100 collapse t-small"
          aria-label={intl.formatMessage(messages.listLabel)}
          data-testid="buffers"
        >
          <thead className="bg-muted-5">
            <tr>
              <th className={th}>{intl.formatMessage(messages.colTarget)}</th>
              <th className={th}>{intl.formatMessage(messages.colChannel)}</th>
              <th className={th}>
                {intl.formatMessage(messages.colThresholds)}
              </th>
              <th className={th}>{intl.formatMessage(messages.colNote)}</th>
              <th className={th}>{intl.formatMessage(messages.colSaved)}</th>
              <th className={th}>
                <span className="clip">
                  {intl.formatMessage(messages.colActions)}
                </span>
              </th>
            </tr>
          </thead>
          <tbody>
            {buffers.buffers.map((b) => (
              <tr key={b.cacheId} data-testid={`buffer-${b.id}`}>
                <td className={td}>{targetName(b)}</td>
                <td className={td}>{channelName(b.channel)}</td>
                <td className={td}>
                  {intl.formatMessage(messages.thresholds, {
                    exposeAt: b.exposeAt,
                    withdrawBelow: b.withdrawBelow,
                  })}
                </td>
                <td className={td}>{b.note}</td>
                <td className={td}>
                  {intl.formatMessage(messages.byWhom, {
                    when: formatDateTime(intl, b.at),
                    who: b.by,
                  })}
                </td>
                <td className={`${td} tr nowrap`}>
                  <Button
                    size="small"
                    variation="tertiary"
                    disabled={buffers.busy}
                    onClick={() => setEditing(b)}
                    testId={`buffer-edit-${b.id}`}
                  >
                    {intl.formatMessage(messages.edit)}
                    <span className="clip"> {hidden(b)}</span>
                  </Button>
                  <Button
                    size="small"
                    variation="danger-tertiary"
                    disabled={buffers.busy}
                    onClick={() => openDelete(b)}
                    testId={`buffer-delete-${b.id}`}
                  >
                    {intl.formatMessage(messages.delete)}
                    <span className="clip"> {hidden(b)}</span>
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </ListLoader>
  )

  return (
    <section className="mt7" aria-labelledby="stock-buffers-title">
      <h2
        id="stock-buffers-title"
        ref={heading}
        tabIndex={-1}
        className="t-heading-4 mb3"
      >
        {intl.formatMessage(messages.title)}
      </h2>
      <p className="t-small c-muted-1 mt0 mb5">
        {intl.formatMessage(messages.help)}
      </p>
      {list()}
      {!buffers.loading && !buffers.error && (
        <p className="t-small c-muted-1 ma0" data-testid="buffers-count">
          {intl.formatMessage(messages.count, {
            count: buffers.buffers.length,
            max: MAX_BUFFERS,
          })}
        </p>
      )}
      <StockBufferForm
        channels={channels}
        editing={editing}
        busy={buffers.busy}
        atLimit={buffers.buffers.length >= MAX_BUFFERS}
        onSave={save}
        onCancel={() => setEditing(null)}
      />
      {saveError && (
        <p className="c-danger t-small" role="alert" data-testid="buffer-error">
          {saveError}
        </p>
      )}
      {toDelete && (
        <ConfirmModal
          busy={buffers.busy}
          onClose={closeDelete}
          onConfirm={remove}
          confirmLabel={intl.formatMessage(messages.delete)}
          isDangerous
          testId="delete-buffer-modal"
          title={intl.formatMessage(messages.deleteTitle, {
            target: targetName(toDelete),
            channel: channelName(toDelete.channel),
          })}
        >
          <p>{intl.formatMessage(messages.deleteBody)}</p>
          {deleteError && (
            <p className="c-danger" role="alert">
              {deleteError}
            </p>
          )}
        </ConfirmModal>
      )}
    </section>
  )
}
