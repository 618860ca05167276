// The marketplace's own available quantity of one SKU for one channel (trade policy).
import type { Dock, InventoryBalance, Warehouse, WarehouseTrace } from './types'

export type DockIgnoredBecause = 'INACTIVE' | 'OTHER_TRADE_POLICY'

export interface AvailabilityResult {
  /** Sum over counted warehouses; null when a counted warehouse has unlimited inventory. */
  available: number | null
  /** One entry per warehouse that has a balance row or is reached by a serving dock, by id. */
  warehouses: WarehouseTrace[]
  /** Active docks serving the trade policy (the docks considered), by id. */
  docks: string[]
  /** The other docks and why they do not route stock to this channel. */
  docksIgnored: Array<{ dockId: string; because: DockIgnoredBecause }>
}

function quantity(value: number) {
  return Number.isFinite(value) && value > 0 ? value : 0
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * A warehouse counts when it is active and at least one active dock serving the trade policy reaches
 * it. Each counted warehouse adds max(0, total − reserved); unlimited inventory in a counted warehouse
 * makes the channel's availability unlimited (null). A balance row for a warehouse missing from the
 * warehouse list is shown but not counted (we cannot tell it is active). When a warehouse has several
 * balance rows the first wins: summing duplicates could invent stock.
 */
export function availableForChannel(
  salesChannel: string,
  warehouses: Warehouse[],
  docks: Dock[],
  inventory: InventoryBalance[]
): AvailabilityResult {
  const serving: Dock[] = []
  const docksIgnored: AvailabilityResult['docksIgnored'] = []

  for (const dock of docks) {
    if (!dock.isActive) {
      docksIgnored.push({ dockId: dock.id, because: 'INACTIVE' })
    } else if (
      !dock.salesChannels.some((sc) => sc.trim() === salesChannel.trim())
    ) {
      docksIgnored.push({ dockId: dock.id, because: 'OTHER_TRADE_POLICY' })
    } else {
      serving.push(dock)
    }
  }

  const balances = new Map<string, InventoryBalance>()

  for (const row of inventory) {
    if (!balances.has(row.warehouseId)) balances.set(row.warehouseId, row)
  }

  const known = new Map(warehouses.map((w) => [w.id, w] as const))
  const ids = new Set<string>(balances.keys())

  for (const dock of serving) {
    for (const id of dock.warehouseIds) ids.add(id)
  }

  const trace: WarehouseTrace[] = [...ids].sort(byId).map((warehouseId) => {
    const warehouse = known.get(warehouseId)
    const row = balances.get(warehouseId)
    const total = quantity(row?.totalQuantity ?? 0)
    const reserved = quantity(row?.reservedQuantity ?? 0)
    const reachedByDocks = serving
      .filter((dock) => dock.warehouseIds.includes(warehouseId))
      .map((dock) => dock.id)
      .sort(byId)

    const active = warehouse?.isActive === true

    return {
      warehouseId,
      name: warehouse?.name ?? null,
      active,
      reachedByDocks,
      counted: active && reachedByDocks.length > 0,
      total,
      reserved,
      available: Math.max(0, total - reserved),
      unlimited: row?.hasUnlimitedQuantity === true,
    }
  })

  const counted = trace.filter((w) => w.counted)
  const available = counted.some((w) => w.unlimited)
    ? null
    : counted.reduce((sum, w) => sum + w.available, 0)

  return {
    available,
    warehouses: trace,
    docks: serving.map((dock) => dock.id).sort(byId),
    docksIgnored: docksIgnored.sort((a, b) => byId(a.dockId, b.dockId)),
  }
}
