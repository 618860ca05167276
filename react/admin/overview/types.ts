import type * as Schema from '../../typings/schema.generated'

export type {
  AttentionCode,
  AttentionItem,
  ChannelSummary,
  ChannelTrends,
  SweepDrift,
  TrendPoint,
} from '../../typings/schema.generated'

/** What the overview's last-sweep line asks of a run (LastReconciliation). */
export type ReconciliationSummary = Pick<
  Schema.ReconciliationRun,
  | 'cacheId'
  | 'id'
  | 'state'
  | 'trigger'
  | 'createdAt'
  | 'startedAt'
  | 'finishedAt'
  | 'done'
  | 'total'
  | 'driftFound'
  | 'driftFixed'
>

export interface FirstSweepState extends Omit<Schema.FirstSweep, 'run'> {
  run: Pick<
    Schema.ReconciliationRun,
    'cacheId' | 'id' | 'state' | 'done' | 'total' | 'createdAt'
  > | null
}
