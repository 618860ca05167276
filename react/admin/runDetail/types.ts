import type { ExposureStatus, ReasonCode } from '../shared/types'
import type { ReconciliationRun } from '../reconciliation/types'

export type FindingKind = 'DRIFTED' | 'WRITTEN' | 'FAILED'
export const FINDING_KINDS: FindingKind[] = ['DRIFTED', 'WRITTEN', 'FAILED']

export interface RunFinding {
  cacheId: string
  id: string
  at: string
  kind: FindingKind
  skuId: string | null
  productId: string | null
  channel: string | null
  fromStatus: ExposureStatus | null
  toStatus: ExposureStatus | null
  reasons: ReasonCode[]
  change: 'ASSOCIATE' | 'DISSOCIATE' | null
  tradePolicy: string | null
  code: string | null
}

export interface FindingsPage {
  items: RunFinding[]
  page: number
  pageSize: number
  total: number
}

export interface ApiCalls {
  api: string
  count: number
}

export interface DetailRun extends ReconciliationRun {
  activeSeconds: number
  calls: ApiCalls[]
}

/** A settings save's apply (a job of kind SETTINGS_APPLY). */
export interface ApplyJob {
  cacheId: string
  id: string
  kind: string
  status: 'RUNNING' | 'DONE' | 'FAILED'
  error: string | null
  createdAt: string
  finishedAt: string | null
  result: {
    applied: { decidedAgain: number; failed: number; calls: ApiCalls[] } | null
  } | null
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
