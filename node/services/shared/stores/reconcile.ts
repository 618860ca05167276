// The reconciliation's documents, all in its own bucket: runs, their index and SKU id chunks,
// the account-wide sweep lock, the operator's schedule and its state, the tick's secret.
import type { ExposureStatus } from '../../../domain/types'
import {
  BUCKET_RECONCILE,
  chunkPath,
  INDEX_PATH,
  LOCK_PATH,
  runPath,
} from '../../reconcile/types'
import type { RunDoc, RunIndex, SweepLock } from '../../reconcile/types'
import { docStoreFor, singleDocFor } from './docStore'

/** The operator's schedule (defaults: a daily full sweep, an hourly sweep of ERROR and PENDING). */
export interface SweepSchedule {
  fullEveryHours: number // 0 = off
  partialEveryMinutes: number // 0 = off
  partialStatuses: ExposureStatus[]
}

/** A tick's outcome (runner.ts TickOutcome), or FAILED when it threw. */
export type TickRecord = 'STARTED' | 'RESUMED' | 'IDLE' | 'BUSY' | 'FAILED'

export interface ScheduleState {
  lastFullAt: string | null
  lastPartialAt: string | null
  /** When vtex.scheduler last called the tick route (absent: never since this was added). */
  lastTickAt?: string | null
  /** How that call ended: what it started, or FAILED. */
  lastTickOutcome?: TickRecord | null
}

export interface TickDoc {
  secret: string | null
  /** The scheduler entry's endDate, as last registered. */
  until?: string | null
}

const SCHEDULE_PATH = 'schedule'

export const defaultSchedule = (): SweepSchedule => ({
  fullEveryHours: 24,
  partialEveryMinutes: 60,
  partialStatuses: ['ERROR', 'PENDING'],
})

/** A run by id; null: no such run. */
export const runStore = docStoreFor<RunDoc | null, string>(
  BUCKET_RECONCILE,
  runPath,
  () => null
)

export const runIndexStore = singleDocFor<RunIndex>(
  BUCKET_RECONCILE,
  INDEX_PATH,
  () => ({ ids: [] })
)

/** A run's n-th chunk of SKU ids, as collect wrote it. */
export const chunkStore = docStoreFor<
  { ids: string[] },
  { runId: string; n: number }
>(
  BUCKET_RECONCILE,
  ({ runId, n }) => chunkPath(runId, n),
  () => ({ ids: [] })
)

/** No lock yet: expired since ever. */
export const lockStore = singleDocFor<SweepLock>(
  BUCKET_RECONCILE,
  LOCK_PATH,
  () => ({ runId: '', owner: '', until: 0 })
)

export const scheduleStore = singleDocFor<SweepSchedule>(
  BUCKET_RECONCILE,
  SCHEDULE_PATH,
  defaultSchedule
)

export const scheduleStateStore = singleDocFor<ScheduleState>(
  BUCKET_RECONCILE,
  'schedule-state',
  () => ({
    lastFullAt: null,
    lastPartialAt: null,
    lastTickAt: null,
    lastTickOutcome: null,
  })
)

export const tickStore = singleDocFor<TickDoc>(
  BUCKET_RECONCILE,
  'tick-secret',
  () => ({ secret: null })
)
