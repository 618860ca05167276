import React, { useState } from 'react'
import { useIntl } from 'react-intl'
import { Button, Card } from 'vtex.styleguide'

import { OverrideModal } from '../../override/components/OverrideModal'
import type { OverrideValues } from '../../override/validate'
import { ReasonList, StatusTag } from '../../shared/components/StatusTag'
import { formatDateTime } from '../../shared/format'
import { overrideActionMessages } from '../../shared/messages'
import type { Channel, ExposureWithTrace } from '../../shared/types'
import messages from '../messages'
import { bufferUsed } from '../trace'
import { bufferTraceMessages } from '../traceMessages'
import { ChannelSync } from './ChannelSync'
import { RulesChangedNotice } from './RulesChangedNotice'
import { RuleTrace } from './RuleTrace'

interface Props {
  exposure: ExposureWithTrace
  channel?: Channel
  busy: boolean
  onReevaluate: () => void
  onOverride: (values: OverrideValues) => Promise<boolean>
  onClear: () => void
}

export function ChannelDecision({
  exposure,
  channel,
  busy,
  onReevaluate,
  onOverride,
  onClear,
}: Props) {
  const intl = useIntl()
  const [modalOpen, setModalOpen] = useState(false)
  const { override } = exposure
  const buffer = bufferUsed(exposure.trace)

  return (
    <div data-testid={`decision-${exposure.channel}`}>
      <Card>
        <div className="flex flex-wrap items-center justify-between">
          <h3 className="t-heading-5 ma0 mr3">
            {intl.formatMessage(messages.channelTitle, {
              name: channel?.name ?? exposure.channel,
              id: exposure.channel,
              salesChannel: channel?.salesChannel ?? '—',
            })}
          </h3>
          <div className="flex items-center">
            <StatusTag status={exposure.status} />
            <span className="ml3 c-muted-1 t-small">
              {intl.formatMessage(messages.evaluatedAt, {
                when: formatDateTime(intl, exposure.evaluatedAt),
              })}
            </span>
          </div>
        </div>
        <div className="mt3">
          <ReasonList reasons={exposure.reasons} />
        </div>
        {buffer && (
          <p
            className="mt3 mb0 pa3 bg-muted-5 br2 t-small"
            data-testid={`buffer-${exposure.channel}`}
          >
            {intl.formatMessage(bufferTraceMessages.applies, {
              id: buffer.id,
              exposeAt: buffer.exposeAt,
              withdrawBelow: buffer.withdrawBelow,
            })}
          </p>
        )}
        {override && (
          <div
            className="mt3 pa3 bg-warning--faded br2 t-small"
            data-testid={`override-${exposure.channel}`}
          >
            {intl.formatMessage(messages.overrideLine, {
              action: intl.formatMessage(
                overrideActionMessages[override.action]
              ),
              by: override.by,
              at: formatDateTime(intl, override.at),
              note: override.note,
            })}
            {override.expiresAt && (
              <span className="ml2 c-muted-1">
                {intl.formatMessage(messages.overrideExpires, {
                  when: formatDateTime(intl, override.expiresAt),
                })}
              </span>
            )}
          </div>
        )}
        <div className="flex flex-wrap mt4">
          <div className="mr3 mb2">
            <Button
              size="small"
              variation="secondary"
              disabled={busy}
              onClick={onReevaluate}
              testId={`reevaluate-${exposure.channel}`}
            >
              {intl.formatMessage(messages.reevaluate)}
            </Button>
          </div>
          <div className="mr3 mb2">
            <Button
              size="small"
              variation="primary"
              disabled={busy}
              onClick={() => setModalOpen(true)}
              testId={`override-open-${exposure.channel}`}
            >
              {intl.formatMessage(messages.allowBlock)}
            </Button>
          </div>
          {override && (
            <div className="mb2">
              <Button
                size="small"
                variation="danger-tertiary"
                disabled={busy}
                onClick={onClear}
                testId={`clear-override-${exposure.channel}`}
              >
                {intl.formatMessage(messages.clearOverride)}
              </Button>
            </div>
          )}
        </div>
        {exposure.rulesChanged && (
          <RulesChangedNotice
            channel={exposure.channel}
            status={exposure.status}
            rules={exposure.rulesChanged}
          />
        )}
        <RuleTrace trace={exposure.trace} />
        <ChannelSync exposure={exposure} channel={channel} />
      </Card>
      {modalOpen && (
        <OverrideModal
          isOpen
          channels={exposure.channel}
          loading={busy}
          initialAction={override?.action === 'BLOCK' ? 'ALLOW' : 'BLOCK'}
          onClose={() => setModalOpen(false)}
          onSubmit={async (values) => {
            if (await onOverride(values)) setModalOpen(false)
          }}
        />
      )}
    </div>
  )
}
