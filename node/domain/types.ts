// The vocabulary of the exposure engine. Pure data: no clients, no clock, no logger.

export type ExposureStatus = 'EXPOSED' | 'WITHHELD' | 'PENDING' | 'ERROR'

export const EXPOSURE_STATUSES: readonly ExposureStatus[] = [
  'EXPOSED',
  'WITHHELD',
  'PENDING',
  'ERROR',
]

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

export const REASON_CODES: readonly ReasonCode[] = [
  'SKU_NOT_FOUND',
  'SKU_INACTIVE',
  'NO_MARKETPLACE_STOCK',
  'NO_PRICE',
  'SELLER_EXCLUDED',
  'SELLER_INACTIVE',
  'MANUAL_BLOCK',
  'MANUAL_ALLOW',
  'UPSTREAM_ERROR',
]

export type ChannelMode = 'OBSERVE' | 'ENFORCE'

export type BufferScope = 'PRODUCT' | 'SKU'

/** A product's or SKU's own thresholds on one channel or every channel (buffers.ts). */
export interface StockBuffer {
  scope: BufferScope
  targetId: string // canonical product or SKU id
  channel: string | null // null: every channel
  exposeAt: number
  withdrawBelow: number // <= exposeAt
  note: string
  by: string
  at: string // ISO time of the last save
}

/** An affiliate of the marketplace, bound to one trade policy, plus the operator's settings for it. */
export interface ChannelConfig {
  id: string // affiliate id, three consonants, e.g. "MKB"
  name: string | null
  salesChannel: string // trade policy id, as a string (VTEX's fulfillment/logistics casing)
  mode: ChannelMode
  exposeAt: number // expose once available >= exposeAt
  withdrawBelow: number // withdraw only when available < withdrawBelow (<= exposeAt)
  requirePrice: boolean
  sellerAllow: string[] // when non-empty, only these third-party sellers count
  sellerDeny: string[] // these third-party sellers never count
  /**
   * Set when the operator chose ENFORCE but this workspace may not write the catalog (outside
   * master, off by default): `mode` is then OBSERVE, so nothing downstream writes.
   */
  catalogWritesBlocked?: 'WORKSPACE'
  /**
   * The stock buffers that can apply on this channel (its own and the "all channels" ones); one
   * that matches a SKU replaces exposeAt/withdrawBelow for it (buffers.ts). Absent: none.
   */
  buffers?: StockBuffer[]
}

export interface SellerOffer {
  sellerId: string
  sellerSkuId: string | null
  isActive: boolean // the binding is active
}

/** What the catalog says about the SKU (null when the catalog has no such SKU). */
export interface SkuFacts {
  skuId: string
  productId: string
  name: string | null
  productName: string | null
  skuActive: boolean
  productActive: boolean
  sellers: SellerOffer[] // every SkuSellers entry, seller "1" included
  /** Where the product sits in the catalog (absent on facts stored before the app kept it). */
  place?: CatalogPlace
}

/** The product's brand and category path (department first), for the admin's filters. */
export interface CatalogPlace {
  brandId: string | null
  brandName: string | null
  /** Category ids from the department down to the product's own category. */
  categoryIds: string[]
  /** The names of `categoryIds`, in the same order (null where the catalog named none). */
  categoryNames: Array<string | null>
}

export interface Warehouse {
  id: string
  name: string | null
  isActive: boolean
}

export interface Dock {
  id: string
  name: string | null
  isActive: boolean
  salesChannels: string[]
  warehouseIds: string[] // warehouses this dock reaches (from the warehouses' warehouseDocks)
}

/** One row of the marketplace's own inventory for the SKU. */
export interface InventoryBalance {
  warehouseId: string
  totalQuantity: number
  reservedQuantity: number
  hasUnlimitedQuantity: boolean
}

export interface PriceFacts {
  /** trade policy id -> selling price in that policy (absent key: no price there) */
  byTradePolicy: Record<string, number>
}

export interface Override {
  action: 'ALLOW' | 'BLOCK'
  note: string
  by: string
  at: string // ISO time
  expiresAt: string | null // ISO time
}

export interface DecisionInput {
  channel: ChannelConfig
  /** The SKU asked about; names the decision when the catalog has no such SKU (sku is null). */
  skuId?: string
  sku: SkuFacts | null
  warehouses: Warehouse[]
  docks: Dock[]
  inventory: InventoryBalance[]
  price: PriceFacts | null
  override: Override | null
  /** The status decided last time for this SKU and channel, for hysteresis. */
  previousStatus: ExposureStatus | null
  /** Evaluation time (ISO), used only to expire overrides. */
  now: string
}

export interface WarehouseTrace {
  warehouseId: string
  name: string | null
  active: boolean
  reachedByDocks: string[] // active docks serving the channel's trade policy that reach it
  counted: boolean
  total: number
  reserved: number
  available: number
  unlimited: boolean
}

export type RuleName =
  | 'SKU_EXISTS'
  | 'SKU_ACTIVE'
  | 'MARKETPLACE_STOCK'
  | 'PRICE'
  | 'SELLERS'
  | 'OVERRIDE'

export interface RuleResult {
  rule: RuleName
  passed: boolean
  reason: ReasonCode | null // the code this rule contributes when it fails (or MANUAL_ALLOW)
  /** The inputs the rule saw, as a small JSON object for the admin's trace view. */
  details: Record<string, unknown>
}

export interface Decision {
  skuId: string
  productId: string | null
  channel: string
  status: ExposureStatus
  reasons: ReasonCode[]
  available: number | null // null when unlimited
  trace: RuleResult[]
}

/** A catalog change notification (vtex.broadcaster), normalised by parseBroadcasterEvent. */
export interface BroadcasterEvent {
  skuId: string // canonical decimal, no leading zeros
  productId: string | null
  account: string | null
  affiliateId: string | null
  isActive: boolean | null
  stockModified: boolean | null
  priceModified: boolean | null
  skuModified: boolean | null
  removedFromAffiliate: boolean | null
  dateModified: string | null
}
