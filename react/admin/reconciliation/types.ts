import type * as Schema from '../../typings/schema.generated'

export type { ReconciliationScope } from '../../typings/schema.generated'
export type RunState = Schema.ReconciliationState

/** A run as RunFields asks it: waiting without `since`, no activeSeconds or calls. */
export interface ReconciliationRun
  extends Omit<
    Schema.ReconciliationRun,
    'waiting' | 'failure' | 'activeSeconds' | 'calls'
  > {
  /** Set while the run waits for a VTEX API (5xx, 429, timeout); null otherwise. */
  waiting?: Omit<Schema.RunWaiting, 'since'> | null
  /** Why a FAILED run stopped. */
  failure?: Schema.RunFailure | null
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
