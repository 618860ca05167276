import React from 'react'
import type { ReactNode } from 'react'
import { useIntl } from 'react-intl'

import { formatDateTime } from '../../shared/format'
import type { Seller } from '../../shared/types'
import { upstreamCodeText } from '../../shared/upstreamCodes'
import { ScopeText } from '../../reconciliation/components/ScopeText'
import { reconciliationStateMessages } from '../../reconciliation/messages'
import { startedByText } from '../../reconciliation/startedBy'
import messages from '../messages'
import type { ApiCalls, ApplyJob, DetailRun } from '../types'

const seconds = (from: string | null, to: string | null) =>
  from && to
    ? Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000))
    : null

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex pv2 bb b--muted-4">
      <dt className="w-40 c-muted-1">{label}</dt>
      <dd className="w-60 ml0">{children}</dd>
    </div>
  )
}

function Calls({ calls }: { calls: ApiCalls[] }) {
  const intl = useIntl()

  return (
    <span data-testid="run-calls">
      {calls
        .map((c) =>
          intl.formatMessage(messages.callsValue, {
            api: c.api,
            count: c.count,
          })
        )
        .join(' · ') || '—'}
    </span>
  )
}

/** A sweep's figures: state, who, scope, duration, drift, errors, calls by API. */
export function SweepSummary({
  run,
  sellers,
}: {
  run: DetailRun
  sellers?: Seller[]
}) {
  const intl = useIntl()
  const wall = seconds(run.startedAt ?? run.createdAt, run.finishedAt)

  return (
    <dl className="mv0 t-small" data-testid="run-summary">
      <Row label={intl.formatMessage(messages.state)}>
        {intl.formatMessage(reconciliationStateMessages[run.state])}
      </Row>
      <Row label={intl.formatMessage(messages.startedBy)}>
        {startedByText(intl, run)}
      </Row>
      <Row label={intl.formatMessage(messages.scope)}>
        <ScopeText scope={run.scope} sellers={sellers} />
      </Row>
      <Row label={intl.formatMessage(messages.finished)}>
        {run.finishedAt ? formatDateTime(intl, run.finishedAt) : '—'}
      </Row>
      <Row label={intl.formatMessage(messages.duration)}>
        <span data-testid="run-duration">
          {wall === null
            ? '—'
            : intl.formatMessage(messages.durationValue, {
                wall,
                active: run.activeSeconds,
              })}
        </span>
      </Row>
      <Row label={intl.formatMessage(messages.progress)}>
        {intl.formatNumber(run.done)}/{intl.formatNumber(run.total)}
      </Row>
      <Row label={intl.formatMessage(messages.drift)}>
        {intl.formatNumber(run.driftFound)} /{' '}
        {intl.formatNumber(run.driftFixed)}
      </Row>
      <Row label={intl.formatMessage(messages.errors)}>
        {run.errors
          .map((e) => `${upstreamCodeText(intl, e.code)} ×${e.count}`)
          .join(', ') || '—'}
      </Row>
      <Row label={intl.formatMessage(messages.calls)}>
        <Calls calls={run.calls} />
      </Row>
    </dl>
  )
}

/** A settings save's apply: its state, duration, counts and calls by API. */
export function ApplySummary({ job }: { job: ApplyJob }) {
  const intl = useIntl()
  const wall = seconds(job.createdAt, job.finishedAt)
  const applied = job.result?.applied

  return (
    <dl className="mv0 t-small" data-testid="run-summary">
      <Row label={intl.formatMessage(messages.state)}>
        {intl.formatMessage(reconciliationStateMessages[job.status])}
        {job.error ? ` (${upstreamCodeText(intl, job.error)})` : ''}
      </Row>
      <Row label={intl.formatMessage(messages.finished)}>
        {job.finishedAt ? formatDateTime(intl, job.finishedAt) : '—'}
      </Row>
      <Row label={intl.formatMessage(messages.duration)}>
        <span data-testid="run-duration">
          {wall === null
            ? '—'
            : intl.formatMessage(messages.durationApply, { wall })}
        </span>
      </Row>
      <Row label={intl.formatMessage(messages.decidedAgain)}>
        {applied ? intl.formatNumber(applied.decidedAgain) : '—'}
      </Row>
      <Row label={intl.formatMessage(messages.productsFailed)}>
        {applied ? intl.formatNumber(applied.failed) : '—'}
      </Row>
      <Row label={intl.formatMessage(messages.calls)}>
        <Calls calls={applied?.calls ?? []} />
      </Row>
    </dl>
  )
}
