import type * as Schema from '../../typings/schema.generated'
import type { ReconciliationRun } from '../reconciliation/types'

export type {
  RunFinding,
  RunFindingPage as FindingsPage,
} from '../../typings/schema.generated'
export type FindingKind = Schema.RunFindingKind
export type ApiCalls = Schema.ApiCallCount

export const FINDING_KINDS: FindingKind[] = ['DRIFTED', 'WRITTEN', 'FAILED']

export type DetailRun = ReconciliationRun &
  Pick<Schema.ReconciliationRun, 'activeSeconds' | 'calls'>

/** A settings save's apply (a job of kind SETTINGS_APPLY), as ApplyDetail asks it. */
export interface ApplyJob extends Omit<Schema.Job, 'progress' | 'result'> {
  result: Pick<Schema.JobResult, 'applied'> | null
}

export interface FindingsFilter {
  channel?: string
  kind?: FindingKind
}

/** The filter as query variables: only the fields set (an unset one is no variable at all). */
export const filterVariables = (filter: FindingsFilter) => ({
  ...(filter.channel ? { channel: filter.channel } : {}),
  ...(filter.kind ? { kind: filter.kind } : {}),
})
