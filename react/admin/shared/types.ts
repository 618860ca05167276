// Shapes of what the admin selects from graphql/schema.graphql.
export type ExposureStatus = 'EXPOSED' | 'WITHHELD' | 'PENDING' | 'ERROR'
export type ReasonCode =
  | 'SKU_NOT_FOUND'
  | 'SKU_INACTIVE'
  | 'NO_MARKETPLACE_STOCK'
  | 'NO_PRICE'
  | 'SELLER_EXCLUDED'
  | 'SELLER_INACTIVE'
  | 'MANUAL_BLOCK'
  | 'MANUAL_ALLOW'
  | 'UPSTREAM_ERROR'
export type ChannelMode = 'OBSERVE' | 'ENFORCE'
export type OverrideAction = 'ALLOW' | 'BLOCK'

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

/** A third-party seller of the marketplace; `id` is what filters and sweep scopes take as sellerId. */
export interface Seller {
  id: string
  name: string | null
  active: boolean
}

export interface Channel {
  cacheId: string
  id: string
  name: string | null
  salesChannel: string
  mode: ChannelMode
  /** Enforce chosen, but this workspace may not write the catalog (asked only where shown). */
  catalogWritesBlocked?: boolean
}

export interface Override {
  action: OverrideAction
  note: string
  by: string
  at: string
  expiresAt: string | null
}

export interface RuleResult {
  rule: string
  passed: boolean
  reason: ReasonCode | null
  details: string
}

export interface Exposure {
  cacheId: string
  skuId: string
  productId: string | null
  channel: string
  status: ExposureStatus
  reasons: ReasonCode[]
  available: number | null
  evaluatedAt: string | null
  changedAt: string | null
  skuName: string | null
  productName: string | null
  sellerIds: string[]
  /** Null on a row written before the app kept brands, until the SKU's next evaluation or sweep. */
  brandId?: string | null
  brandName?: string | null
  categoryId?: string | null
  categoryPath?: string | null
  override: Override | null
  productAssociated: boolean | null
}

/** The channel's rules now, when they differ from those a decision was made under. */
export interface RulesChanged {
  changed: string[]
  statusNow: ExposureStatus | null
  exposeAt: number
  withdrawBelow: number
  requirePrice: boolean
}

export interface ExposureWithTrace extends Exposure {
  trace: RuleResult[]
  /** Set on the SKU's page only (skuDetail); null after a fresh evaluation. */
  rulesChanged?: RulesChanged | null
}

/** A product ENFORCE would put on (ASSOCIATE) or take off (DISSOCIATE) a channel's trade policy. */
export interface ProductToChange {
  productId: string
  productName: string | null
  action: 'ASSOCIATE' | 'DISSOCIATE'
  skuIds: string[]
}
