import type { InventoryBalance, PriceFacts, SkuFacts } from '../domain/types'
import type { PriceResponse } from '../typings/pricing'
import type { SkuContextResponse } from '../typings/catalog'
import type { EngineDeps } from './deps'

export interface SkuInputs {
  sku: SkuFacts | null
  inventory: InventoryBalance[]
  price: PriceFacts | null
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

/**
 * A trade policy has a price when a fixed price for it is valid now, or else when the SKU has
 * a base price (VTEX computes every price table from it).
 */
export function toPriceFacts(
  price: PriceResponse | null,
  now: Date,
  tradePolicies: string[]
): PriceFacts | null {
  if (!price) return null
  const byTradePolicy: Record<string, number> = {}
  const base = price.basePrice && price.basePrice > 0 ? price.basePrice : null

  if (base !== null)
    for (const policy of tradePolicies) byTradePolicy[policy] = base

  for (const fixed of price.fixedPrices ?? []) {
    const from = fixed.dateRange?.from
      ? Date.parse(fixed.dateRange.from)
      : -Infinity

    const to = fixed.dateRange?.to ? Date.parse(fixed.dateRange.to) : Infinity

    if (from <= now.getTime() && now.getTime() <= to && fixed.value > 0) {
      byTradePolicy[String(fixed.tradePolicyId)] = fixed.value
    }
  }

  return { byTradePolicy }
}

/**
 * The three per-SKU reads, once for every channel: SKU context, the marketplace's own inventory,
 * and prices. Inventory and price are read only when the SKU exists; price only when a channel needs it.
 */
export async function readSkuInputs(
  deps: Pick<EngineDeps, 'catalog' | 'logistics' | 'pricing' | 'now'>,
  skuId: string,
  priceTradePolicies: string[]
): Promise<SkuInputs> {
  const context = await deps.catalog.skuContext(skuId)

  if (!context) return { sku: null, inventory: [], price: null }
  const [inventory, price] = await Promise.all([
    deps.logistics.inventory(skuId),
    priceTradePolicies.length > 0
      ? deps.pricing.price(skuId)
      : Promise.resolve(null),
  ])

  return {
    sku: toSkuFacts(context),
    inventory: (inventory?.balance ?? []).map((b) => ({
      warehouseId: String(b.warehouseId),
      totalQuantity: Number(b.totalQuantity) || 0,
      reservedQuantity: Number(b.reservedQuantity) || 0,
      hasUnlimitedQuantity: b.hasUnlimitedQuantity === true,
    })),
    price: toPriceFacts(price, deps.now(), priceTradePolicies),
  }
}
