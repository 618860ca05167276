// An audit entry's `details` is a JSON string whose shape depends on its kind; these are the
// shapes the services write (node/services/evaluation/evaluate.ts, enforcement/enforce.ts, operator/actions.ts). Known fields
// become sentences; the raw text stays available, and is all there is for anything else.
import type { auditDetailMessages } from './messages'
import { parseDetails } from './trace'

/** A value for a sentence: text and numbers as they are, `{ date }` an ISO time to format. */
export type AuditDetailValue = string | number | { date: string }

export interface AuditDetailLine {
  message: keyof typeof auditDetailMessages
  values?: Record<string, AuditDetailValue>
}

export interface AuditDetailsView {
  lines: AuditDetailLine[]
  /** What the "Technical details" disclosure shows: pretty JSON, the text as is when it is not JSON, null when empty. */
  raw: string | null
}

type Details = Record<string, unknown>

function isDate(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value))
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}

function statusChange(d: Details): AuditDetailLine[] {
  if (d.governed === false) return [{ message: 'notGoverned' }]
  const lines: AuditDetailLine[] = []

  if (isCount(d.available))
    lines.push({ message: 'available', values: { available: d.available } })
  else if ('available' in d && d.available === null)
    lines.push({ message: 'availableUnlimited' })
  if (isDate(d.changedAt))
    lines.push({
      message: 'triggeredAt',
      values: { when: { date: d.changedAt } },
    })

  return lines
}

function enforcementWrite(d: Details): AuditDetailLine[] {
  const lines: AuditDetailLine[] = []
  const tradePolicy =
    typeof d.tradePolicy === 'string' || isCount(d.tradePolicy)
      ? String(d.tradePolicy)
      : ''

  if (tradePolicy && (d.change === 'ASSOCIATE' || d.change === 'DISSOCIATE'))
    lines.push({
      message: d.change === 'ASSOCIATE' ? 'associated' : 'dissociated',
      values: { tradePolicy },
    })
  if (isCount(d.latencyMs))
    lines.push({
      message: 'latency',
      values: { latencyMs: Math.round(d.latencyMs) },
    })

  return lines
}

function overrideSet(d: Details): AuditDetailLine[] {
  const lines: AuditDetailLine[] = []

  if (typeof d.note === 'string' && d.note.trim())
    lines.push({ message: 'note', values: { note: d.note } })
  if (isDate(d.expiresAt))
    lines.push({ message: 'expires', values: { when: { date: d.expiresAt } } })

  return lines
}

function overrideCleared(d: Details): AuditDetailLine[] {
  if (d.cleared === 'ALLOW') return [{ message: 'clearedAllow' }]
  if (d.cleared === 'BLOCK') return [{ message: 'clearedBlock' }]

  return []
}

function thresholdsOf(value: unknown) {
  const b = value as Details | null

  return b && isCount(b.exposeAt) && isCount(b.withdrawBelow)
    ? { exposeAt: b.exposeAt, withdrawBelow: b.withdrawBelow }
    : null
}

// services/operator/buffers.ts: { bufferId, before, after, note }, before/after null when absent.
function bufferChange(d: Details): AuditDetailLine[] {
  const lines: AuditDetailLine[] = []
  const before = thresholdsOf(d.before)
  const after = thresholdsOf(d.after)

  if (before) lines.push({ message: 'bufferBefore', values: before })
  if (after) lines.push({ message: 'bufferAfter', values: after })
  if (typeof d.note === 'string' && d.note.trim())
    lines.push({ message: 'note', values: { note: d.note } })

  return lines
}

const byKind: Record<string, (d: Details) => AuditDetailLine[]> = {
  BUFFER_CREATED: bufferChange,
  BUFFER_CHANGED: bufferChange,
  BUFFER_REMOVED: bufferChange,
  STATUS_CHANGE: statusChange,
  ENFORCEMENT_WRITE: enforcementWrite,
  OVERRIDE_SET: overrideSet,
  OVERRIDE_CLEARED: overrideCleared,
  OVERRIDE_EXPIRED: overrideCleared,
}

/** Sentences for the known kinds and fields, plus the raw text; never throws, whatever `details` holds. */
export function describeAuditDetails(
  kind: string,
  details: string | null | undefined
): AuditDetailsView {
  if (details == null || !details.trim()) return { lines: [], raw: null }
  const parsed = parseDetails(details)

  if (!parsed) return { lines: [], raw: details }
  if (Object.keys(parsed).length === 0) return { lines: [], raw: null }
  const describe = Object.prototype.hasOwnProperty.call(byKind, kind)
    ? byKind[kind]
    : null

  return {
    lines: describe ? describe(parsed) : [],
    raw: JSON.stringify(parsed, null, 2),
  }
}
