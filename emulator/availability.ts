import type { State } from './state'
import { UNLIMITED_QUANTITY } from './state'

/**
 * Warehouses whose stock reaches trade policy `sc`: the warehouse is active and linked to at
 * least one active dock that lists `sc` (VTEX: warehouse -> dock -> trade policy). With
 * `sc` null every active warehouse counts (the account-wide view).
 */
export function warehousesFor(state: State, sc: string | null): Set<string> {
  const result = new Set<string>()

  for (const warehouse of state.warehouses.values()) {
    if (!warehouse.isActive) continue
    const reaches = warehouse.warehouseDocks.some((link) => {
      const dock = state.docks.get(link.dockId)

      return (
        !!dock &&
        dock.isActive &&
        (sc === null || dock.salesChannels.includes(sc))
      )
    })

    if (reaches) result.add(warehouse.id)
  }

  return result
}

/** The marketplace's own available quantity of a SKU (total - reserved, or unlimited). */
export function availableFor(
  state: State,
  skuId: string,
  sc: string | null,
  reachable: Set<string> = warehousesFor(state, sc)
): number {
  const rows = state.inventory.get(skuId)

  if (!rows) return 0
  let sum = 0

  for (const [warehouseId, balance] of rows) {
    if (!reachable.has(warehouseId)) continue
    if (balance.unlimited) return UNLIMITED_QUANTITY
    sum += Math.max(0, balance.totalQuantity - balance.reservedQuantity)
  }

  return sum
}

/** Price of a SKU in a trade policy, or null (table "1" falls back to the base price). */
export function priceFor(
  state: State,
  skuId: string,
  tradePolicy: string
): { sellingPrice: number; listPrice: number; costPrice: number } | null {
  const price = state.prices.get(skuId)

  if (!price) return null
  const fixed = price.fixedPrices.find(
    (row) => row.tradePolicyId === tradePolicy && row.minQuantity <= 1
  )

  const listPrice = (value: number) =>
    fixed?.listPrice ?? price.listPrice ?? value

  if (fixed) {
    return {
      sellingPrice: fixed.value,
      listPrice: listPrice(fixed.value),
      costPrice: price.costPrice ?? 0,
    }
  }

  // Only the main table follows the base price; other tables need their own fixed price,
  // which is what makes "priced in 1 and 2 but not in 3" expressible.
  if (tradePolicy === '1' && price.basePrice != null) {
    return {
      sellingPrice: price.basePrice,
      listPrice: listPrice(price.basePrice),
      costPrice: price.costPrice ?? 0,
    }
  }

  return null
}
