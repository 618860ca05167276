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
  const now = Date.now()
  const fixed = price.fixedPrices.find(
    (row) =>
      row.tradePolicyId === tradePolicy &&
      row.minQuantity <= 1 &&
      (!row.dateRange ||
        ((!row.dateRange.from || Date.parse(row.dateRange.from) <= now) &&
          (!row.dateRange.to || now < Date.parse(row.dateRange.to))))
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

  // As in VTEX, a table with no fixed price in force computes its price from the base price
  // (rules change the amount, not whether there is one): only a SKU without a base price can be
  // priced in some trade policies and not in others.
  if (price.basePrice != null && price.basePrice > 0) {
    return {
      sellingPrice: price.basePrice,
      listPrice: listPrice(price.basePrice),
      costPrice: price.costPrice ?? 0,
    }
  }

  return null
}
