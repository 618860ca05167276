import type { ExposureStatus, ReasonCode } from '../../domain/types'

/** Who or what made the change an entry records. */
export type AuditCause = 'EVENT' | 'SWEEP' | 'OPERATOR' | 'SYSTEM'

type Change = 'ASSOCIATE' | 'DISSOCIATE'
export type BufferKind = 'BUFFER_CREATED' | 'BUFFER_CHANGED' | 'BUFFER_REMOVED'

/**
 * The stored audit document: the same twelve fields on every kind (the trail, the feed and run
 * findings read them alike), `runId` only on a run's findings. `details` is a JSON string whose
 * shape the kind's constructor below decides.
 */
interface Entry<K extends string> {
  /** Deterministic: the same fact written twice (a retry, two workers) is one document. */
  id: string
  at: string
  skuId: string | null
  productId: string | null
  channel: string | null
  kind: K
  cause: AuditCause
  actor: string | null
  fromStatus: ExposureStatus | null
  toStatus: ExposureStatus | null
  reasons: ReasonCode[]
  details: string | null
  /**
   * The run (sweep or settings save) whose finding this is: set on a drift it found, a write it
   * made, a failure it met, so a run's detail is a query on the trail. Absent elsewhere.
   */
  runId?: string | null
}

type Untouched = { fromStatus: null; toStatus: null }
type Account = { skuId: null; productId: null; channel: null } & Untouched

export type StatusChangeEntry = Entry<'STATUS_CHANGE'> & { channel: string }
export type EnforcementWriteEntry = Entry<'ENFORCEMENT_WRITE'> &
  Untouched & { productId: string; channel: string }

/** A catalog write a run (sweep, settings save) tried and VTEX refused: `details.code` says why. */
export type EnforcementFailedEntry = Entry<'ENFORCEMENT_FAILED'> &
  Untouched & { productId: string; channel: string; runId: string }

/** A SKU a sweep could not evaluate or check: `details.code` says why. */
export type EvaluationFailedEntry = Entry<'EVALUATION_FAILED'> &
  Untouched & { skuId: string; runId: string }

export type OverrideEntry = Entry<
  'OVERRIDE_SET' | 'OVERRIDE_CLEARED' | 'OVERRIDE_EXPIRED'
> & { skuId: string; channel: string; toStatus: null }

export type SettingsChangeEntry = Entry<'SETTINGS_CHANGE'> & Account
export type BufferEntry = Entry<BufferKind> & Untouched
export type EventRejectedEntry = Entry<'EVENT_REJECTED'> & Account

export type AuditEntry =
  | StatusChangeEntry
  | EnforcementWriteEntry
  | EnforcementFailedEntry
  | EvaluationFailedEntry
  | OverrideEntry
  | SettingsChangeEntry
  | BufferEntry
  | EventRejectedEntry

export type AuditKind = AuditEntry['kind']

// Each constructor spells its fields in the stored order (id ... details, then runId): the
// documents stay byte for byte what they were when each call site wrote its own literal.

const runOf = (runId: string | null | undefined) => (runId ? { runId } : {})

/** A SKU's decision on a channel changed (or ended: `toStatus` null, `governed: false`). */
export function statusChange(e: {
  skuId: string
  channel: string
  /** The SKU state's version the change made. */
  version: number
  at: string
  productId: string | null
  cause: AuditCause
  actor: string | null
  fromStatus: ExposureStatus | null
  toStatus: ExposureStatus | null
  reasons: ReasonCode[]
  details: Record<string, unknown>
  runId?: string | null
}): StatusChangeEntry {
  return {
    id: `${e.skuId}-${e.channel}-s${e.version}`,
    at: e.at,
    skuId: e.skuId,
    productId: e.productId,
    channel: e.channel,
    kind: 'STATUS_CHANGE',
    cause: e.cause,
    actor: e.actor,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    reasons: e.reasons,
    details: JSON.stringify(e.details),
    ...runOf(e.runId),
  }
}

/** The product's association with a channel's trade policy written. */
export function enforcementWrite(e: {
  productId: string
  channel: string
  /** The product state's version the write made. */
  version: number
  at: string
  skuId: string | null
  cause: AuditCause
  actor: string | null
  change: Change
  tradePolicy: string
  latencyMs: number | null
  runId?: string | null
}): EnforcementWriteEntry {
  return {
    id: `p${e.productId}-${e.channel}-w${e.version}`,
    at: e.at,
    skuId: e.skuId,
    productId: e.productId,
    channel: e.channel,
    kind: 'ENFORCEMENT_WRITE',
    cause: e.cause,
    actor: e.actor,
    fromStatus: null,
    toStatus: null,
    reasons: [],
    details: JSON.stringify({
      change: e.change,
      tradePolicy: e.tradePolicy,
      latencyMs: e.latencyMs,
    }),
    ...runOf(e.runId),
  }
}

/** One per product × channel and run: a retry within the run rewrites the same document. */
export function enforcementFailed(e: {
  runId: string
  at: string
  productId: string
  skuId: string | null
  channel: string
  tradePolicy: string
  change: Change
  code: string
  cause: AuditCause
  actor: string | null
}): EnforcementFailedEntry {
  return {
    id: `p${e.productId}-${e.channel}-f-${e.runId}`,
    at: e.at,
    skuId: e.skuId,
    productId: e.productId,
    channel: e.channel,
    kind: 'ENFORCEMENT_FAILED',
    cause: e.cause,
    actor: e.actor,
    fromStatus: null,
    toStatus: null,
    reasons: [],
    details: JSON.stringify({
      change: e.change,
      tradePolicy: e.tradePolicy,
      code: e.code,
    }),
    runId: e.runId,
  }
}

/** One per SKU and run. */
export function evaluationFailed(e: {
  runId: string
  at: string
  skuId: string
  code: string
  actor: string | null
}): EvaluationFailedEntry {
  return {
    id: `${e.skuId}-f-${e.runId}`,
    at: e.at,
    skuId: e.skuId,
    productId: null,
    channel: null,
    kind: 'EVALUATION_FAILED',
    cause: 'SWEEP',
    actor: e.actor,
    fromStatus: null,
    toStatus: null,
    reasons: [],
    details: JSON.stringify({ code: e.code }),
    runId: e.runId,
  }
}

/** A broadcaster event the app could not read; one document per distinct payload. */
export function eventRejected(e: {
  digest: string
  at: string
  actor: string | null
  code: string
  detail: unknown
  sample: string
}): EventRejectedEntry {
  return {
    id: `reject-${e.digest}`,
    at: e.at,
    skuId: null,
    productId: null,
    channel: null,
    kind: 'EVENT_REJECTED',
    cause: 'EVENT',
    actor: e.actor,
    fromStatus: null,
    toStatus: null,
    reasons: [],
    details: JSON.stringify({
      code: e.code,
      detail: e.detail,
      sample: e.sample,
    }),
  }
}
