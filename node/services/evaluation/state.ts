import type { ReadTimes, StoredPrice } from '../../domain'
import type {
  CatalogPlace,
  Decision,
  ExposureStatus,
  InventoryBalance,
  Override,
  SkuFacts,
} from '../../domain/types'

/** A decision as stored: the pure decision plus when it was made and when its status last changed. */
export interface StoredDecision extends Decision {
  evaluatedAt: string
  changedAt: string
  skuName: string | null
  productName: string | null
  sellerIds: string[]
  /** The product's brand and categories, as its context said (absent: stored before they were kept). */
  place?: CatalogPlace | null
  /** Should the SKU's product be on this channel's trade policy (null: unknown / keep as is). */
  productAssociated: boolean | null
  /** The projection row format it was written with (projection.ts ROW_FORMAT; absent: 1). */
  rowFormat?: number
}

export interface Lease {
  owner: string
  until: number // epoch ms
  /** When the holder took it: its evaluation reads inputs after this, so older changes are covered. */
  since?: number
}

/**
 * The VTEX inputs the stored decisions were made on, each with when it was read, so an event
 * reads again only what it says moved (facts only, never a raw response: the size grows with the
 * SKU's sellers and warehouses, a few hundred bytes for most SKUs).
 */
export interface StoredInputs {
  sku: SkuFacts
  /** The trade policies the product is on, as the context said (null: not said). */
  tradePolicies: string[] | null
  contextAt: string
  inventory: InventoryBalance[]
  inventoryAt: string
  /** What of the price decides for `pricedFor` (domain/prices.ts priceSource; null: none). */
  price: StoredPrice | null
  /** The trade policies `price` was kept for: a channel requiring another one reads it again. */
  pricedFor: string[]
  priceAt: string
}

/**
 * One VBase file per SKU: the source of truth for its decisions, overrides and the lease that
 * serialises its evaluation across replicas and workers (conditional writes with ETags).
 */
export interface SkuState {
  skuId: string
  version: number
  productId: string | null
  lease: Lease | null
  /** Set by a worker that found the SKU leased: the holder evaluates once more before releasing. */
  dirty: boolean
  decisions: Record<string, StoredDecision>
  overrides: Record<string, Override>
  /** Consecutive failed evaluations, for retry back-off. */
  failures: number
  nextRetryAt: string | null
  lastError: string | null
  /** When the last evaluation started reading its inputs: a change older than that was seen. */
  inputsReadAt: string | null
  /**
   * What the decisions were made on, written with them under the lease (absent or null: none,
   * the next evaluation reads everything).
   */
  inputs?: StoredInputs | null
  /**
   * A worker wrote rows of a decision it could not store (keepStatus.ts, its conditional write
   * refused while another held the lease): the next round rewrites every row, since those rows
   * may have landed after the holder's. Cleared by the round that rewrites them.
   */
  rowsOwed?: boolean
}

export const emptySkuState = (skuId: string): SkuState => ({
  skuId,
  version: 0,
  productId: null,
  lease: null,
  dirty: false,
  decisions: {},
  overrides: {},
  failures: 0,
  nextRetryAt: null,
  lastError: null,
  inputsReadAt: null,
})

/** One VBase file per product: what enforcement needs to decide the association per channel. */
export interface ProductState {
  productId: string
  version: number
  /** skuId -> channel -> status of every governed SKU of the product */
  skus: Record<string, Record<string, ExposureStatus>>
  /** channel -> association the app last wrote or read on the catalog */
  applied: Record<string, boolean>
  /** SKUs of the product the engine evaluated and found not governed (no third-party seller) */
  ungoverned?: Record<string, true>
  /** channel -> should the product be on the channel (as last planned; null: keep as is) */
  planned?: Record<string, boolean | null>
  /** channel -> a worker that claimed the catalog write (prevents two workers writing at once) */
  applying: Record<string, Lease & { to: boolean }>
  /** The shape of the pending-change documents its plans were projected in (PENDING_DOCS). */
  pendingDocs?: number
}

/**
 * The shape of the products' pending-change documents (projection/productRows.ts: one per
 * product, the channels in slots; absent: one per product and channel, which nothing reads). A
 * product last planned under another shape counts as never projected, so its next plan
 * (enforcement/productPlan.ts) writes every channel whose change is pending.
 */
export const PENDING_DOCS = 2

export const emptyProductState = (productId: string): ProductState => ({
  productId,
  version: 0,
  skus: {},
  applied: {},
  applying: {},
  pendingDocs: PENDING_DOCS,
})

/** Someone holds the SKU's lease at `now` (ms): it is theirs to evaluate. */
export function leaseHeld(
  state: SkuState,
  now: number
): state is SkuState & { lease: Lease } {
  return !!state.lease && state.lease.until > now
}

/**
 * The stored inputs an event may reuse: none while the SKU is marked dirty (another worker's
 * change is owed, with flags nobody kept) or after a failure (a retry reads everything).
 */
export function reusableReadTimes(state: SkuState): ReadTimes | null {
  if (state.dirty || state.failures > 0 || !state.inputsReadAt) return null
  const times = readTimesOf(state.inputs)

  if (!times) return null
  // Inputs are reusable only with the decisions they made: the round that stored them set
  // `inputsReadAt` to their oldest read. A writer that does not know them (an older app version
  // during a rolling deploy or after a rollback) decides from fresh reads, keeps them by
  // spreading the state and sets its own `inputsReadAt`: then they no longer match, and the next
  // event reads everything.
  const oldest = Math.min(times.context, times.inventory, times.price)

  return Date.parse(state.inputsReadAt) === oldest ? times : null
}

/** When the stored inputs were read, and the active state they said (null: none stored). */
export function readTimesOf(
  inputs: StoredInputs | null | undefined
): ReadTimes | null {
  if (!inputs || typeof inputs !== 'object' || !inputs.sku) return null
  // Facts kept before the brand and categories were: the next evaluation reads the context again.
  if (!inputs.sku.place) return null
  const times = {
    context: Date.parse(inputs.contextAt),
    inventory: Date.parse(inputs.inventoryAt),
    price: Date.parse(inputs.priceAt),
  }

  // A document that is not what this code writes is no input to reuse: read everything.
  if (!Object.values(times).every(Number.isFinite)) return null

  return {
    ...times,
    active:
      inputs.sku.skuActive !== false && inputs.sku.productActive !== false,
  }
}
