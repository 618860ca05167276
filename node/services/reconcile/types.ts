import type { CatalogClient } from '../../clients/catalog'
import type { ExposureStatus, ReasonCode } from '../../domain/types'
import type { EngineDeps } from '../shared/deps'

/** The engine's deps plus the catalog's bulk id lists a sweep pages through. */
export interface SweepDeps extends Omit<EngineDeps, 'catalog'> {
  catalog: EngineDeps['catalog'] &
    Pick<CatalogClient, 'skuIds' | 'skuIdsBySalesChannel'>
}

/** Storage bucket of the reconciliation: runs, their SKU id chunks, the account-wide lock, the schedule. */
export const BUCKET_RECONCILE = 'reconcile'
export const LOCK_PATH = 'locks/sweep'
export const INDEX_PATH = 'runs/index'
export const runPath = (id: string) => `runs/${id}`
export const chunkPath = (id: string, n: number) => `runs/${id}/chunks/${n}`

export type RunState = 'QUEUED' | 'RUNNING' | 'DONE' | 'CANCELLED' | 'FAILED'
export type RunTrigger = 'ADMIN' | 'SCHEDULE_FULL' | 'SCHEDULE_PARTIAL'

/** An empty scope is a full sweep; fields combine as AND where both apply. */
export interface SweepScope {
  channel?: string | null
  sellerId?: string | null
  skuIds?: string[] | null
  changedSince?: string | null
  statuses?: ExposureStatus[] | null
  /** Decisions with this reason (as the admin's exposures filter). */
  reason?: ReasonCode | null
  /** SKU id, SKU or product name or product id (as the admin's exposures search). */
  text?: string | null
}

/**
 * Where a run is. COLLECT pages the source (catalog ids or the projection) into chunk documents,
 * so that processing is by position in a list that no longer moves while decisions change.
 * PROCESS: the first `index` SKUs of chunk `chunk` are done (persisted every few SKUs); a few
 * past it may have finished too, out of order: a resumed run evaluates them again.
 */
export type Cursor =
  | { phase: 'COLLECT'; page: number; chunks: number; collected: number }
  | { phase: 'PROCESS'; chunk: number; index: number }

export interface RunDoc {
  id: string
  state: RunState
  scope: SweepScope
  trigger: RunTrigger
  startedBy: string | null
  createdAt: string
  startedAt: string | null
  finishedAt: string | null
  /** Milliseconds spent processing, across resumes (for the rate). */
  activeMs: number
  done: number
  total: number
  chunks: number
  driftFound: number
  driftFixed: number
  errors: Record<string, number>
  /** Upstream calls made by the run, by API. */
  calls: Record<string, number>
  cursor: Cursor
  cancelRequested: boolean
  /** Resumes after a lost worker or a failed step. */
  resumes: number
  owner: string | null
  /**
   * Set while the run waits for a VTEX API that failed transiently (5xx, 429, timeout): which
   * one, since when, and when this worker tries again. Absent on runs stored before it existed.
   */
  waiting?: RunWaiting | null
  /** Why a FAILED run stopped: the error that no retry can fix, or the wait that ran too long. */
  failure?: { code: string; api: string | null } | null
}

export interface RunWaiting {
  code: string
  api: string | null
  since: string
  /** Failed attempts since `since`. */
  attempts: number
  nextAttemptAt: string
}

export interface SweepLock {
  runId: string
  owner: string
  until: number
}

export interface RunIndex {
  ids: string[]
  /** The latest full sweep (empty scope), whatever its state. */
  lastFullId?: string
  /** When a full sweep first finished DONE: from then on the overview's figures cover the catalog. */
  fullDoneAt?: string
  /**
   * Per channel, when a sweep of every SKU on it first finished DONE (shared/baselines.ts): its
   * first decisions before then are the channel's starting point, not changes.
   */
  baselines?: Record<string, string>
}

/** Tunables: defaults for IO, smaller in tests. */
export interface SweepTuning {
  /** SKU ids per chunk (and per catalog page; VTEX caps at 1000). */
  pageSize: number
  /**
   * Persist the cursor every N finished SKUs: a crash re-evaluates at most N SKUs plus the
   * in-flight window (`concurrency`), which is harmless. Each checkpoint costs a lock heartbeat
   * and a read and write of the run document; since a later sweep's unchanged SKU costs its
   * reads only, redoing 50 after a crash is cheaper than checkpointing every 10 all the time.
   */
  checkpointEvery: number
  /**
   * SKUs evaluated at once, all within `concurrency` of the cursor (1: one at a time). Without
   * it a sweep is bound by the latency of each SKU's calls rather than by the API budget.
   */
  concurrency: number
  /** A lock not heartbeaten for this long belongs to a dead worker. */
  lockMs: number
  /** Give up a SKU after this many rate-limited attempts (the bucket was already paused). */
  rateLimitedAttempts: number
}

/** What a sweep runs with: its deps, its tuning, and a clock to wait on (fake in tests). */
export interface SweepEnv {
  deps: SweepDeps
  tuning: SweepTuning
  sleep: (ms: number) => Promise<void>
}

/** How one SKU of a sweep ended: what the run's progress counts. */
export interface SkuOutcome {
  errorCode: string | null
  driftFound: number
}

export const DEFAULT_TUNING: SweepTuning = {
  pageSize: 1000,
  checkpointEvery: 50,
  concurrency: 8,
  lockMs: 30_000,
  rateLimitedAttempts: 6,
}

export type SweepErrorCode =
  | 'SWEEP_ALREADY_RUNNING'
  | 'RUN_NOT_FOUND'
  | 'RUN_FINISHED'
  | 'INVALID_SCOPE'

export class SweepError extends Error {
  constructor(
    public readonly code: SweepErrorCode,
    public readonly runId: string | null = null
  ) {
    super(code)
  }
}

export const isFinished = (state: RunState) =>
  state === 'DONE' || state === 'CANCELLED' || state === 'FAILED'
