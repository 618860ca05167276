import type { InventoryBalance, PriceFacts, SkuFacts } from '../domain/types'
import { isGoverned, pricesByTradePolicy } from '../domain'
import type { SkuContextResponse } from '../typings/catalog'
import type { EngineDeps } from './deps'

export interface SkuInputs {
  sku: SkuFacts | null
  inventory: InventoryBalance[]
  price: PriceFacts | null
  /** Trade policies the SKU's product is on, as the context read them (null: not said). */
  tradePolicies: string[] | null
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
  }
}

/** Trade policies the SKU's product is on, as its context says (null: not said). */
export function tradePoliciesOf(context: SkuContextResponse): string[] | null {
  return Array.isArray(context.SalesChannels)
    ? context.SalesChannels.map(String)
    : null
}

/**
 * The per-SKU reads, once for every channel: SKU context (which also says the trade policies its
 * product is on), the marketplace's own inventory, and the SKU's stored price when a channel
 * requires one (one read prices every trade policy). Only the context is read when the SKU does
 * not exist or has no third-party seller: a marketplace's own SKUs are most of many catalogs, and
 * a full sweep visits them all, but their stock and price decide nothing here.
 */
export async function readSkuInputs(
  deps: Pick<EngineDeps, 'catalog' | 'logistics' | 'pricing'>,
  skuId: string,
  priceTradePolicies: string[],
  now: string,
  /** The SKU context when the caller read it already (null: the SKU does not exist). */
  contextRead?: SkuContextResponse | null
): Promise<SkuInputs> {
  const context =
    contextRead === undefined
      ? await deps.catalog.skuContext(skuId)
      : contextRead

  if (!context)
    return { sku: null, inventory: [], price: null, tradePolicies: null }
  const sku = toSkuFacts(context)
  const tradePolicies = tradePoliciesOf(context)

  if (!isGoverned(sku))
    return { sku, inventory: [], price: null, tradePolicies }
  const [inventory, price] = await Promise.all([
    deps.logistics.inventory(skuId),
    priceTradePolicies.length > 0
      ? deps.pricing.price(skuId)
      : Promise.resolve(null),
  ])

  return {
    sku,
    inventory: (inventory?.balance ?? []).map((b) => ({
      warehouseId: String(b.warehouseId),
      totalQuantity: Number(b.totalQuantity) || 0,
      reservedQuantity: Number(b.reservedQuantity) || 0,
      hasUnlimitedQuantity: b.hasUnlimitedQuantity === true,
    })),
    price:
      priceTradePolicies.length > 0
        ? pricesByTradePolicy(price, priceTradePolicies, now)
        : null,
    tradePolicies,
  }
}
