import type { Exposure, ExposureStatus, ReasonCode } from '../shared/types'

export type SortField =
  | 'SKU_ID'
  | 'SKU_NAME'
  | 'STATUS'
  | 'EVALUATED_AT'
  | 'CHANGED_AT'
  | 'AVAILABLE'
export type SortOrder = 'ASC' | 'DESC'

export interface ExposureFilter {
  channel?: string
  status?: ExposureStatus
  reason?: ReasonCode
  sellerId?: string
  brandId?: string
  /** A department or category: the rows at or below it. */
  categoryId?: string
  /** The rows of the channels bound to this trade policy. */
  tradePolicy?: string
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
