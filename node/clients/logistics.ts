import type { InstanceOptions, IOContext } from '@vtex/api'
import { Logistics } from '@vtex/clients'

import { asApp } from './options'
import { accountMemoryOf } from './memory'
import { upstreamFor } from './resilience'
import type { Upstream } from './resilience'
import type {
  DockResponse,
  InventoryResponse,
  WarehouseResponse,
} from '../typings/logistics'
import { nullOn404 } from './catalog'
import type { Dock, InventoryBalance, Warehouse } from '../domain/types'

/** A warehouse and the docks it lists (`warehouseDocks`), ids as strings. */
export type WarehouseDocks = Warehouse & { dockIds: string[] }

/** A dock as its own answer says it: the warehouses it reaches are on the warehouses' side. */
export type DockAlone = Omit<Dock, 'warehouseIds'>

export const warehouseOf = (w: WarehouseResponse): WarehouseDocks => ({
  id: String(w.id),
  name: w.name ?? null,
  isActive: w.isActive !== false,
  dockIds: (w.warehouseDocks ?? []).map((d) => String(d.dockId)),
})

/** Trade policies from `salesChannels`, or the single `salesChannel` some docks carry. */
export const dockOf = (d: DockResponse): DockAlone => ({
  id: String(d.id),
  name: d.name ?? null,
  isActive: d.isActive !== false,
  salesChannels: (
    d.salesChannels ?? (d.salesChannel ? [d.salesChannel] : [])
  ).map(String),
})

/** The inventory's balances in domain terms (none: the SKU has no inventory, a 404). */
export function balancesOf(
  inventory: InventoryResponse | null
): InventoryBalance[] {
  return (inventory?.balance ?? []).map((b) => ({
    warehouseId: String(b.warehouseId),
    totalQuantity: Number(b.totalQuantity) || 0,
    reservedQuantity: Number(b.reservedQuantity) || 0,
    hasUnlimitedQuantity: b.hasUnlimitedQuantity === true,
  }))
}

/** The marketplace's own logistics: warehouses, docks and inventory. */
export class LogisticsClient extends Logistics {
  /** Budget and circuits of this client's account. */
  private get upstream(): Upstream {
    return upstreamFor(accountMemoryOf(this))
  }

  constructor(ctx: IOContext, options?: InstanceOptions) {
    super(ctx, asApp(ctx, options))
  }

  /** The SKU's balance per warehouse of the marketplace's own inventory. */
  public async inventory(skuId: string): Promise<InventoryBalance[]> {
    const inventory = await this.upstream('logistics', () =>
      this.http.get<InventoryResponse>(
        `/api/logistics/pvt/inventory/skus/${encodeURIComponent(skuId)}`,
        {
          metric: 'logistics-inventory-sku',
        }
      )
    ).catch(nullOn404)

    return balancesOf(inventory)
  }

  public async warehouses(): Promise<WarehouseDocks[]> {
    const rows = await this.upstream('logistics', () =>
      this.http.get<WarehouseResponse[]>(
        '/api/logistics/pvt/configuration/warehouses',
        {
          metric: 'logistics-warehouses',
        }
      )
    )

    return rows.map(warehouseOf)
  }

  public async docks(): Promise<DockAlone[]> {
    const rows = await this.upstream('logistics', () =>
      this.http.get<DockResponse[]>('/api/logistics/pvt/configuration/docks', {
        metric: 'logistics-docks',
      })
    )

    return rows.map(dockOf)
  }
}
