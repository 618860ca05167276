import React, { useRef, useState } from 'react'
import { useIntl } from 'react-intl'
import { Button, Card, Tag } from 'vtex.styleguide'

import { ConfirmModal } from '../../shared/components/ConfirmModal'
import { formatDateTime } from '../../shared/format'
import { useErrorText } from '../../shared/hooks/useErrorText'
import { useFocusReturn } from '../../shared/hooks/useFocusReturn'
import { useToast } from '../../shared/hooks/useToast'
import { MAX_ACTIVE_KEYS, useChannelKeys } from '../hooks/useChannelKeys'
import type { CreatedKey } from '../hooks/useChannelKeys'
import messages from '../keyMessages'
import type { ChannelKey } from '../types'
import { CreatedKeyModal } from './CreatedKeyModal'
import { ListLoader } from '../../shared/components/ListLoader'
import { ScrollRegion } from '../../shared/components/ScrollRegion'
import { TAG_COLORS } from '../../shared/tagColors'

interface Props {
  channel: string
  /** "Name (ID)" as the settings card names the channel. */
  channelLabel: string
}

const th = 'pa3 tl'
const td = 'pa3 bt b--muted-4'

/** A channel's feed access keys: the list, "Create key" (the secret shown once) and "Revoke". */
export function ChannelKeys({ channel, channelLabel }: Props) {
  const intl = useIntl()
  const errorText = useErrorText()
  const showToast = useToast()
  const keys = useChannelKeys(channel)
  const createButton = useRef<HTMLButtonElement>(null)
  const focus = useFocusReturn(createButton)
  const [created, setCreated] = useState<CreatedKey | null>(null)
  const [createError, setCreateError] = useState<string | null>(null)
  const [toRevoke, setToRevoke] = useState<ChannelKey | null>(null)
  const [revokeError, setRevokeError] = useState<string | null>(null)
  const atLimit = keys.active >= MAX_ACTIVE_KEYS
  const who = (when: string | null, by: string | null) =>
    when
      ? intl.formatMessage(messages.byWhom, {
          when: formatDateTime(intl, when),
          who: by ?? '—',
        })
      : '—'

  const create = async () => {
    setCreateError(null)
    focus.remember()
    try {
      const result = await keys.create()

      setCreated(result)
      showToast(
        intl.formatMessage(messages.createdToast, { id: result.key.id })
      )
    } catch (error) {
      setCreateError(errorText(error as Error))
    }
  }

  const closeCreated = () => {
    // The secret's only copy in the page goes with this state.
    setCreated(null)
    focus.restore()
  }

  const openRevoke = (key: ChannelKey) => {
    focus.remember()
    setRevokeError(null)
    setToRevoke(key)
  }

  const closeRevoke = () => {
    setToRevoke(null)
    setRevokeError(null)
    focus.restore()
  }

  const revoke = async () => {
    if (!toRevoke) return
    try {
      const key = await keys.revoke(toRevoke.id)

      closeRevoke()
      showToast(intl.formatMessage(messages.revokedToast, { id: key.id }))
    } catch (error) {
      setRevokeError(errorText(error as Error))
    }
  }

  const list = () => (
    <ListLoader
      loading={keys.loading}
      error={keys.error}
      empty={!keys.keys.length}
      emptyText={intl.formatMessage(messages.empty)}
      onRetry={() => keys.refetch()}
      errorTestId={`keys-error-${channel}`}
      emptyTestId={`keys-empty-${channel}`}
    >
      <ScrollRegion
        label={intl.formatMessage(messages.listLabel, {
          channel: channelLabel,
        })}
        className="mb4"
      >
        <table
          className="w-100 collapse t-small"
          aria-label={intl.formatMessage(messages.listLabel, {
            channel: channelLabel,
          })}
          data-testid={`keys-${channel}`}
        >
          <thead className="bg-muted-5">
            <tr>
              <th className={th}>{intl.formatMessage(messages.colId)}</th>
              <th className={th}>{intl.formatMessage(messages.colCreated)}</th>
              <th className={th}>{intl.formatMessage(messages.colRevoked)}</th>
              <th className={th}>{intl.formatMessage(messages.colState)}</th>
              <th className={th}>
                <span className="clip">
                  {intl.formatMessage(messages.colActions)}
                </span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.keys.map((key) => (
              <tr key={key.cacheId} data-testid={`key-${channel}-${key.id}`}>
                <td className={`${td} code`}>{key.id}</td>
                <td className={td}>{who(key.createdAt, key.createdBy)}</td>
                <td className={td}>{who(key.revokedAt, key.revokedBy)}</td>
                <td className={td} data-testid={`key-state-${key.id}`}>
                  <Tag
                    size="small"
                    {...TAG_COLORS[key.revokedAt ? 'neutral' : 'success']}
                  >
                    {intl.formatMessage(
                      key.revokedAt ? messages.revoked : messages.active
                    )}
                  </Tag>
                </td>
                <td className={`${td} tr`}>
                  {!key.revokedAt && (
                    <Button
                      size="small"
                      variation="danger-tertiary"
                      onClick={() => openRevoke(key)}
                      testId={`revoke-${channel}-${key.id}`}
                    >
                      {intl.formatMessage(messages.revoke)}
                      <span className="clip">
                        {' '}
                        {intl.formatMessage(messages.revokeHidden, {
                          id: key.id,
                          channel,
                        })}
                      </span>
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </ListLoader>
  )

  const headingId = `keys-title-${channel}`

  return (
    <section aria-labelledby={headingId} data-testid={`feed-keys-${channel}`}>
      <Card>
        <h3 id={headingId} className="t-heading-5 mt0">
          {channelLabel}
        </h3>
        {list()}
        <div className="flex items-center flex-wrap">
          <div className="mr3">
            <Button
              ref={createButton}
              size="small"
              variation="secondary"
              disabled={atLimit || keys.loading || !!keys.error}
              isLoading={keys.creating}
              onClick={create}
              testId={`create-key-${channel}`}
            >
              {intl.formatMessage(messages.create)}
            </Button>
          </div>
          {!keys.loading && !keys.error && (
            <span
              className="t-small c-muted-1"
              data-testid={`keys-count-${channel}`}
            >
              {intl.formatMessage(messages.count, {
                active: keys.active,
                max: MAX_ACTIVE_KEYS,
              })}
              {atLimit && ` ${intl.formatMessage(messages.atLimit)}`}
            </span>
          )}
        </div>
        {createError && (
          <p
            className="c-danger t-small mb0"
            role="alert"
            data-testid={`create-key-error-${channel}`}
          >
            {createError}
          </p>
        )}
      </Card>
      {created && (
        <CreatedKeyModal
          created={created}
          channelLabel={channelLabel}
          onClose={closeCreated}
        />
      )}
      {toRevoke && (
        <ConfirmModal
          busy={keys.revoking}
          onClose={closeRevoke}
          onConfirm={revoke}
          confirmLabel={intl.formatMessage(messages.revokeConfirm)}
          isDangerous
          testId="revoke-key-modal"
          title={intl.formatMessage(messages.revokeTitle, {
            id: toRevoke.id,
            channel: channelLabel,
          })}
        >
          <p>{intl.formatMessage(messages.revokeBody)}</p>
          {revokeError && (
            <p className="c-danger" role="alert">
              {revokeError}
            </p>
          )}
        </ConfirmModal>
      )}
    </section>
  )
}
