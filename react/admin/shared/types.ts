// What the admin selects from graphql/schema.graphql: the generated shapes
// (typings/schema.generated.ts), less the fields a selection does not ask for.
import type * as Schema from '../../typings/schema.generated'

export type {
  ChannelMode,
  ExposureStatus,
  OverrideAction,
  Override,
  ReasonCode,
  RuleResult,
  Seller,
} from '../../typings/schema.generated'

type ExposureStatus = Schema.ExposureStatus
type ReasonCode = Schema.ReasonCode

export const STATUSES: ExposureStatus[] = [
  'EXPOSED',
  'WITHHELD',
  'PENDING',
  'ERROR',
]
export const REASONS: ReasonCode[] = [
  'NO_MARKETPLACE_STOCK',
  'NO_PRICE',
  'SKU_INACTIVE',
  'SKU_NOT_FOUND',
  'SELLER_EXCLUDED',
  'SELLER_INACTIVE',
  'MANUAL_BLOCK',
  'MANUAL_ALLOW',
  'UPSTREAM_ERROR',
]

/** catalogWritesBlocked is asked only where it is shown (the overview). */
export type Channel = Omit<Schema.Channel, 'catalogWritesBlocked'> &
  Partial<Pick<Schema.Channel, 'catalogWritesBlocked'>>

/** A row of a list (ExposureFields): no trace, no rulesChanged. */
export type Exposure = Omit<Schema.Exposure, 'trace' | 'rulesChanged'>

export type RulesChanged = Omit<Schema.RulesChanged, 'bufferId'>

/** The SKU's page (ExposureWithTrace); rulesChanged is null after a fresh evaluation. */
export interface ExposureWithTrace extends Exposure {
  trace: Schema.RuleResult[]
  rulesChanged?: RulesChanged | null
}

export type ProductToChange = Schema.ProductChange
