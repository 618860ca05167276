import type { InputPart } from '../../domain'
import type {
  CatalogPlace,
  InventoryBalance,
  PriceFacts,
  SkuFacts,
} from '../../domain/types'
import { isGoverned, priceSource, pricesByTradePolicy } from '../../domain'
import type { SkuContextResponse } from '../../typings/catalog'
import type { InventoryResponse } from '../../typings/logistics'
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

export function toSkuFacts(context: SkuContextResponse): SkuFacts {
  return {
    skuId: String(context.Id),
    productId: String(context.ProductId),
    name: context.NameComplete ?? context.SkuName ?? null,
    productName: context.ProductName ?? null,
    skuActive: context.IsActive !== false,
    productActive: context.IsProductActive !== false,
    sellers: (context.SkuSellers ?? []).map((s) => ({
      sellerId: String(s.SellerId),
      sellerSkuId: s.SellerStockKeepingUnitId ?? null,
      isActive: s.IsActive !== false,
    })),
    place: placeOf(context),
  }
}

/** Brand and category path from the SKU context the evaluation reads anyway (no extra call). */
export function placeOf(context: SkuContextResponse): CatalogPlace {
  const brandId =
    context.BrandId === null || context.BrandId === undefined
      ? ''
      : String(context.BrandId)

  const categoryIds = (context.ProductCategoryIds ?? '')
    .split('/')
    .filter(Boolean)

  const names = context.ProductCategories ?? {}

  return {
    brandId: brandId || null,
    brandName: context.BrandName || null,
    categoryIds,
    categoryNames: categoryIds.map((id) => names[id] ?? null),
  }
}

/** Trade policies the SKU's product is on, as its context says (null: not said). */
export function tradePoliciesOf(context: SkuContextResponse): string[] | null {
  return Array.isArray(context.SalesChannels)
    ? context.SalesChannels.map(String)
    : null
}

function toBalances(inventory: InventoryResponse | null): InventoryBalance[] {
  return (inventory?.balance ?? []).map((b) => ({
    warehouseId: String(b.warehouseId),
    totalQuantity: Number(b.totalQuantity) || 0,
    reservedQuantity: Number(b.reservedQuantity) || 0,
    hasUnlimitedQuantity: b.hasUnlimitedQuantity === true,
  }))
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
    contextRead?: SkuContextResponse | null
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
  const sku = context ? toSkuFacts(context) : (stored as StoredInputs).sku
  const tradePolicies = context
    ? tradePoliciesOf(context)
    : (stored as StoredInputs).tradePolicies

  if (!isGoverned(sku))
    return { sku, inventory: [], price: null, tradePolicies }
  const priced = priceTradePolicies.length > 0
  const priceKept =
    !!stored && priceTradePolicies.every((tp) => stored.pricedFor.includes(tp))

  const readsPrice = priced && (reads('price') || !priceKept)
  const [inventory, price] = await Promise.all([
    reads('inventory')
      ? deps.logistics.inventory(skuId).then(toBalances)
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
