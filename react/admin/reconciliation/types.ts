import type { ExposureStatus, ReasonCode } from '../shared/types'

export type RunState = 'QUEUED' | 'RUNNING' | 'DONE' | 'CANCELLED' | 'FAILED'

export interface ReconciliationScope {
  channel: string | null
  sellerId: string | null
  skuIds: string[] | null
  changedSince: string | null
  statuses: ExposureStatus[] | null
  /** As the exposures filter's reason and text: a sweep started from a filtered table. */
  reason: ReasonCode | null
  text: string | null
}

export interface ReconciliationRun {
  cacheId: string
  id: string
  state: RunState
  scope: ReconciliationScope
  trigger: string
  startedBy: string | null
  createdAt: string
  startedAt: string | null
  finishedAt: string | null
  done: number
  total: number
  rate: number | null
  eta: number | null
  driftFound: number
  driftFixed: number
  errors: Array<{ code: string; count: number }>
  /** Set while the run waits for a VTEX API (5xx, 429, timeout); null otherwise. */
  waiting?: {
    code: string
    api: string | null
    attempts: number
    nextAttemptAt: string
  } | null
  /** Why a FAILED run stopped. */
  failure?: { code: string; api: string | null } | null
}

export const isActive = (
  run: Pick<ReconciliationRun, 'state'> | null | undefined
) => run?.state === 'RUNNING' || run?.state === 'QUEUED'

export interface ScopeForm {
  channel: string
  sellerId: string
  skuIds: string
  /** <input type="datetime-local"> value, operator's time zone */
  changedSince: string
}
