/**
 * What one SKU's evaluation takes and what it answers, apart from evaluate.ts: enforcement,
 * the unchanged-check and the sweeps name these types without importing the evaluation itself.
 */
import type { EventChanges } from '../../domain'
import type { AuditCause } from '../projection/audit'
import type { StoredDecision } from './state'

export type Outcome =
  | 'ALREADY_SEEN'
  | 'EVALUATED'
  | 'DEFERRED'
  | 'UNKNOWN_SKU'
  | 'NOT_GOVERNED'
  | 'FAILED'
  | 'LOST_LEASE'

export interface EvaluationResult {
  skuId: string
  outcome: Outcome
  decisions: StoredDecision[]
  errorCode?: string
  /** A change arrived after the last round: another evaluation is owed. */
  again?: boolean
  /** The trade policies the SKU's product was on when its context was read (sweeps check drift). */
  tradePolicies?: string[] | null
}

export interface EvaluateOptions {
  cause: AuditCause
  actor?: string | null
  /** Record the SKU in its product's document even when it is not governed (a sibling check). */
  recordInProduct?: boolean
  /** When the triggering change happened (event's DateModified), to measure channel latency. */
  changedAt?: string | null
  /**
   * Most SKUs have no stored state yet (a first sweep after install): take the lease with a
   * create instead of reading first. A wrong guess costs one refused write, then the read.
   */
  likelyNew?: boolean
  /** Most SKUs did not change (a later sweep): check without a lease first, write nothing if so. */
  checkFirst?: boolean
  /**
   * A decision of this SKU may not have been stored (unsettled.ts): write every projection row
   * whatever the stored state says, and take the SKU out of the unsettled index once stored.
   */
  reproject?: boolean
  /**
   * Rows may have been written by a round whose state write was refused (keepStatus.ts): write
   * every row of this evaluation, since they may be older than the stored decisions.
   */
  rewriteRows?: boolean
  /**
   * Channels whose catalog writes wait (a settings save deciding its SKUs again before it
   * writes, settingsApply.ts): planned as in OBSERVE, written by the caller afterwards.
   */
  holdWrites?: string[]
  /**
   * What the broadcaster events this evaluation answers say changed: its first round reads only
   * that when the state keeps fresh inputs (domain/reads.ts). Absent (sweeps, retries, operators,
   * settings, siblings, another worker's dirty mark): everything is read.
   */
  events?: EventChanges[]
  /**
   * The run (a sweep, a settings save's apply) this evaluation belongs to: its drift and its
   * catalog writes are audited with the run's id, which is what the run's detail lists.
   */
  runId?: string | null
  /**
   * Channels this run is the baseline of (shared/baselines.ts): a SKU's first decision on one of
   * them is the channel's starting point, stored and projected but not audited.
   */
  baseline?: string[]
}
