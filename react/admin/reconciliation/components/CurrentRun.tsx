import React from 'react'
import { useIntl } from 'react-intl'
import { Button, Progress, Tag } from 'vtex.styleguide'

import { formatDateTime, formatDuration } from '../../shared/format'
import type { Seller } from '../../shared/types'
import { upstreamCodeText } from '../../shared/upstreamCodes'
import messages, { reconciliationStateMessages } from '../messages'
import { isActive } from '../types'
import type { ReconciliationRun } from '../types'
import { startedByText } from '../startedBy'
import { ScopeText } from './ScopeText'
import { TAG_COLORS } from '../../shared/tagColors'

interface Props {
  run: ReconciliationRun | null
  cancelling: boolean
  onCancel: (id: string) => void
  /** The marketplace's sellers, for the scope's seller name; undefined shows the raw id. */
  sellers?: Seller[]
}

export function CurrentRun({ run, cancelling, onCancel, sellers }: Props) {
  const intl = useIntl()

  if (!run) {
    return (
      <section
        className="bg-base pa5 br2 ba b--muted-4 mb5 c-muted-1"
        data-testid="current-run-none"
      >
        {intl.formatMessage(messages.noCurrent)}
      </section>
    )
  }

  const percent =
    run.total > 0 ? Math.min(100, Math.round((run.done / run.total) * 100)) : 0

  const active = isActive(run)

  return (
    <section
      className="bg-base pa5 br2 ba b--muted-4 mb5"
      data-testid="current-run"
    >
      <div className="flex items-center justify-between mb3">
        <h3 className="t-heading-5 ma0">
          {intl.formatMessage(messages.currentTitle)} ·{' '}
          <ScopeText scope={run.scope} sellers={sellers} />
        </h3>
        <span data-testid="current-run-state">
          <Tag
            size="small"
            {...TAG_COLORS[
              run.state === 'FAILED'
                ? 'error'
                : run.state === 'DONE'
                ? 'success'
                : 'neutral'
            ]}
          >
            {intl.formatMessage(reconciliationStateMessages[run.state])}
          </Tag>
        </span>
      </div>
      <div
        role="progressbar"
        aria-label={intl.formatMessage(messages.progressLabel)}
        aria-valuemin={0}
        aria-valuemax={run.total}
        aria-valuenow={run.done}
      >
        <Progress type="line" percent={percent} />
      </div>
      <p className="t-body mb2" data-testid="current-run-progress">
        {intl.formatMessage(messages.progress, {
          done: run.done,
          total: run.total,
          rate:
            run.rate == null
              ? '—'
              : intl.formatNumber(run.rate, { maximumFractionDigits: 1 }),
          eta: active ? formatDuration(run.eta) : '—',
        })}
      </p>
      <p className="t-small c-muted-1 mt0">
        {intl.formatMessage(messages.startedBy, {
          when: formatDateTime(intl, run.startedAt ?? run.createdAt),
          who: startedByText(intl, run),
        })}
        {' · '}
        {intl.formatMessage(messages.driftLine, {
          found: run.driftFound,
          fixed: run.driftFixed,
        })}
      </p>
      {active && run.waiting && (
        <p className="t-body c-warning mb2" data-testid="current-run-waiting">
          {intl.formatMessage(messages.waiting, {
            api: run.waiting.api ?? '—',
            error: upstreamCodeText(intl, run.waiting.code),
            next: formatDateTime(intl, run.waiting.nextAttemptAt),
            attempts: run.waiting.attempts,
          })}
        </p>
      )}
      {run.state === 'FAILED' && run.failure && (
        <p className="t-body c-danger mb2" data-testid="current-run-failure">
          {intl.formatMessage(messages.failure, {
            api: run.failure.api ?? '—',
            error: upstreamCodeText(intl, run.failure.code),
          })}
        </p>
      )}
      {active && (
        <Button
          variation="danger-tertiary"
          size="small"
          isLoading={cancelling}
          onClick={() => onCancel(run.id)}
          testId="cancel-sweep"
        >
          {intl.formatMessage(messages.cancel)}
        </Button>
      )}
    </section>
  )
}
