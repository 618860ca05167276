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
import type { InventoryBalance } from '../domain/types'

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

  public async warehouses(): Promise<WarehouseResponse[]> {
    return this.upstream('logistics', () =>
      this.http.get<WarehouseResponse[]>(
        '/api/logistics/pvt/configuration/warehouses',
        {
          metric: 'logistics-warehouses',
        }
      )
    )
  }

  public async docks(): Promise<DockResponse[]> {
    return this.upstream('logistics', () =>
      this.http.get<DockResponse[]>('/api/logistics/pvt/configuration/docks', {
        metric: 'logistics-docks',
      })
    )
  }
}
