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
