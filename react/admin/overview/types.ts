import type { Channel, ExposureStatus, ReasonCode } from '../shared/types'

export interface ChannelSummary {
  cacheId: string
  channel: Channel
  total: number
  byStatus: Array<{ status: ExposureStatus; count: number }>
  byReason: Array<{ reason: ReasonCode; count: number }>
  wouldExpose: number
  wouldWithdraw: number
  medianLatencySeconds: number | null
}

export interface ReconciliationSummary {
  cacheId: string
  id: string
  state: 'QUEUED' | 'RUNNING' | 'DONE' | 'CANCELLED' | 'FAILED'
  trigger: string
  createdAt: string
  startedAt: string | null
  finishedAt: string | null
  done: number
  total: number
  driftFound: number
  driftFixed: number
}

export interface FirstSweepState {
  cacheId: string
  done: boolean
  run: Pick<
    ReconciliationSummary,
    'cacheId' | 'id' | 'state' | 'done' | 'total' | 'createdAt'
  > | null
}

export type AttentionCode =
  | 'SWEEP_STALLED'
  | 'SWEEP_FAILING'
  | 'TICK_LATE'
  | 'SKUS_IN_ERROR'
  | 'WRITES_LATE'
  | 'SHARE_DROP'
  | 'KEY_NEVER_USED'

export interface AttentionItem {
  cacheId: string
  code: AttentionCode
  channel: string | null
  count: number
  page: 'RECONCILIATION' | 'EXPOSURES' | 'PRODUCTS_TO_CHANGE' | 'CHANNEL_KEYS'
  status: ExposureStatus | null
  runId: string | null
}

export interface TrendPoint {
  day: string
  total: number
  exposed: number
  exposedShare: number | null
  withheld: number
  byReason: Array<{ reason: ReasonCode; count: number }>
  medianLatencySeconds: number | null
}

export interface SweepDrift {
  runId: string
  at: string
  state: string
  driftFound: number
  driftFixed: number
}

export interface ChannelTrends {
  cacheId: string
  channel: string
  days: number
  points: TrendPoint[]
  sweeps: SweepDrift[]
}
