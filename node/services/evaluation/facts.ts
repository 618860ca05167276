import type { InputPart } from '../../domain'
import type { InventoryBalance, PriceFacts, SkuFacts } from '../../domain/types'
import { isGoverned, priceSource, pricesByTradePolicy } from '../../domain'
import type { SkuContext } from '../../clients/catalogShapes'
import type { EngineDeps } from '../shared/deps'
import type { StoredInputs } from './state'

export interface SkuInputs {
  sku: SkuFacts | null
  inventory: InventoryBalance[]
  price: PriceFacts | null
  /** Trade policies the SKU's product is on, as the context read them (null: not said). */
  tradePolicies: string[] | null
  /** What to store with the decisions (absent: the SKU is unknown or not governed). */
  kept?: StoredInputs
}

/** The stored inputs an evaluation may reuse, and the parts it reads again anyway. */
export interface Reuse {
  stored: StoredInputs
  read: InputPart[]
}

/**
 * The per-SKU reads, once for every channel: SKU context (which also says the trade policies its
 * product is on), the marketplace's own inventory, and the SKU's stored price when a channel
 * requires one (one read prices every trade policy). Only the context is read when the SKU does
 * not exist or has no third-party seller: a marketplace's own SKUs are most of many catalogs, and
 * a full sweep visits them all, but their stock and price decide nothing here. With `reuse`,
 * only its `read` parts are read and the others come from the stored inputs (a stored price
 * kept for fewer trade policies than the channels now price is read again).
 */
export async function readSkuInputs(
  deps: Pick<EngineDeps, 'catalog' | 'logistics' | 'pricing'>,
  skuId: string,
  {
    priceTradePolicies,
    now,
    contextRead,
    reuse,
  }: {
    priceTradePolicies: string[]
    now: string
    /** The SKU context when the caller read it already (null: the SKU does not exist). */
    contextRead?: SkuContext | null
    reuse?: Reuse
  }
): Promise<SkuInputs> {
  const stored = reuse?.stored
  const reads = (part: InputPart) => !stored || reuse.read.includes(part)
  const contextFresh = contextRead !== undefined || reads('context')
  const context =
    contextRead !== undefined
      ? contextRead
      : reads('context')
      ? await deps.catalog.skuContext(skuId)
      : undefined

  if (context === null)
    return { sku: null, inventory: [], price: null, tradePolicies: null }
  const sku = context ? context.sku : (stored as StoredInputs).sku
  const tradePolicies = context
    ? context.tradePolicies
    : (stored as StoredInputs).tradePolicies

  if (!isGoverned(sku))
    return { sku, inventory: [], price: null, tradePolicies }
  const priced = priceTradePolicies.length > 0
  const priceKept =
    !!stored && priceTradePolicies.every((tp) => stored.pricedFor.includes(tp))

  const readsPrice = priced && (reads('price') || !priceKept)
  const [inventory, price] = await Promise.all([
    reads('inventory')
      ? deps.logistics.inventory(skuId)
      : (stored as StoredInputs).inventory,
    readsPrice
      ? deps.pricing
          .price(skuId)
          .then((p) => priceSource(p, priceTradePolicies))
      : priced
      ? (stored as StoredInputs).price
      : null,
  ])

  return {
    sku,
    inventory,
    price: priced ? pricesByTradePolicy(price, priceTradePolicies, now) : null,
    tradePolicies,
    kept: {
      sku,
      tradePolicies,
      contextAt: contextFresh || !stored ? now : stored.contextAt,
      inventory,
      inventoryAt: reads('inventory') || !stored ? now : stored.inventoryAt,
      price: priced ? price : null,
      pricedFor: priced
        ? readsPrice
          ? priceTradePolicies
          : (stored as StoredInputs).pricedFor
        : [],
      priceAt: readsPrice || !priced || !stored ? now : stored.priceAt,
    },
  }
}
