import type { Exposure, ExposureStatus, ReasonCode } from '../shared/types'

export type SortField = 'SKU_ID' | 'STATUS' | 'EVALUATED_AT' | 'AVAILABLE'
export type SortOrder = 'ASC' | 'DESC'

export interface ExposureFilter {
  channel?: string
  status?: ExposureStatus
  reason?: ReasonCode
  sellerId?: string
  text?: string
}

export interface ExposureSort {
  field: SortField
  order: SortOrder
}

export interface ExposurePage {
  items: Exposure[]
  pageSize: number
  total: number
  /** The cursor of the next page (`after`), null on the last one. */
  next: string | null
}
