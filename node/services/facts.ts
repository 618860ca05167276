import type { InventoryBalance, PriceFacts, SkuFacts } from '../domain/types'
import type { ComputedPriceResponse } from '../typings/pricing'
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

/** Prices per trade policy from VTEX's computed prices (absent: no price there). */
export function toPriceFacts(
  computed: Array<[string, ComputedPriceResponse | null]>
): PriceFacts {
  const byTradePolicy: Record<string, number> = {}

  for (const [tradePolicy, price] of computed) {
    if (price && price.sellingPrice > 0)
      byTradePolicy[tradePolicy] = price.sellingPrice
  }

  return { byTradePolicy }
}

/**
 * The per-SKU reads, once for every channel: SKU context, the marketplace's own inventory, and the
 * computed price of each distinct trade policy that requires one. Only the context is read when the
 * SKU does not exist.
 */
export async function readSkuInputs(
  deps: Pick<EngineDeps, 'catalog' | 'logistics' | 'pricing'>,
  skuId: string,
  priceTradePolicies: string[]
): Promise<SkuInputs> {
  const context = await deps.catalog.skuContext(skuId)

  if (!context) return { sku: null, inventory: [], price: null }
  const [inventory, computed] = await Promise.all([
    deps.logistics.inventory(skuId),
    Promise.all(
      priceTradePolicies.map(
        async (tp): Promise<[string, ComputedPriceResponse | null]> => [
          tp,
          await deps.pricing.computed(skuId, tp),
        ]
      )
    ),
  ])

  return {
    sku: toSkuFacts(context),
    inventory: (inventory?.balance ?? []).map((b) => ({
      warehouseId: String(b.warehouseId),
      totalQuantity: Number(b.totalQuantity) || 0,
      reservedQuantity: Number(b.reservedQuantity) || 0,
      hasUnlimitedQuantity: b.hasUnlimitedQuantity === true,
    })),
    price: priceTradePolicies.length > 0 ? toPriceFacts(computed) : null,
  }
}
