import type * as Schema from '../../typings/schema.generated'
import type { Exposure } from '../shared/types'

export type {
  ExposureFilter,
  ExposureSort,
  SortOrder,
} from '../../typings/schema.generated'
export type SortField = Schema.ExposureSortField

export interface ExposurePage extends Omit<Schema.ExposurePage, 'items'> {
  items: Exposure[]
}
