import type { Ctx, RouteDef } from '../server/http'
import {
  badRequest,
  bodyOf,
  empty,
  field,
  isObject,
  json,
  notFound,
} from '../server/http'
import { UNLIMITED_QUANTITY } from '../world/state'
import type { Balance } from '../world/types'

export const spec = (path: string) => ({ file: 'Logistics API', path })
export const INV = '/api/logistics/pvt/inventory'

export function balanceOf(
  ctx: Ctx,
  skuId: string,
  warehouseId: string,
  create: boolean
): Balance | undefined {
  const { inventory } = ctx.emu.state
  let rows = inventory.get(skuId)

  if (!rows && create) {
    rows = new Map()
    inventory.set(skuId, rows)
  }

  let balance = rows?.get(warehouseId)

  if (!balance && create && rows) {
    balance = {
      totalQuantity: 0,
      reservedQuantity: 0,
      unlimited: false,
      leadTime: '00:00:00',
      dateUtcOnBalanceSystem: null,
    }
    rows.set(warehouseId, balance)
  }

  return balance
}

/** Applies an inventory change and emits the stock side effects when availability moved. */
export function changeStock(ctx: Ctx, skuId: string, mutate: () => boolean) {
  const before = ctx.emu.effects.captureStock(skuId)

  if (mutate()) {
    ctx.emu.effects.stockChanged(skuId, before)
    ctx.emu.onChange()
  }
}

function putBalance(ctx: Ctx, quantityOnly: boolean) {
  const { skuId, warehouseId } = ctx.params
  const { state } = ctx.emu
  const body = bodyOf(ctx)

  if (!isObject(body)) return badRequest('Expected a JSON object body')
  if (!state.warehouses.has(warehouseId))
    return badRequest(`Warehouse ${warehouseId} not found`)
  if (!state.skus.has(Number(skuId)))
    return badRequest(`SKU ${skuId} not found`)
  const lock = ctx.emu.inventoryLock
  const key = `${ctx.account}_item_logistics_${skuId}_${warehouseId}`
  const now = Date.now()

  if (
    lock.windowMs > 0 &&
    now - (lock.lastWrite.get(key) ?? -Infinity) < lock.windowMs
  ) {
    return { status: 423, raw: `Unable to acquire lock for key: ${key}.` }
  }

  if (lock.windowMs > 0) lock.lastWrite.set(key, now)
  const quantity = Number(field(body, 'quantity') ?? 0)

  if (!Number.isInteger(quantity) || quantity < 0)
    return badRequest('quantity must be a non-negative integer')
  changeStock(ctx, skuId, () => {
    const balance = balanceOf(ctx, skuId, warehouseId, true) as Balance
    const unlimited = field(body, 'unlimitedQuantity') === true
    const changed =
      balance.totalQuantity !== quantity || balance.unlimited !== unlimited

    balance.totalQuantity = quantity
    balance.unlimited = unlimited
    // Omitting leadTime on PUT resets it to zero, as VTEX documents.
    if (!quantityOnly)
      balance.leadTime = String(field(body, 'leadTime') ?? '00:00:00')
    balance.dateUtcOnBalanceSystem =
      (field(body, 'dateUtcOnBalanceSystem') as string | undefined) ??
      balance.dateUtcOnBalanceSystem

    return changed
  })

  return quantityOnly ? empty(204) : json(200, true)
}

export const logisticsRoutes: RouteDef[] = [
  {
    api: 'logistics',
    method: 'GET',
    template: `${INV}/skus/{skuId}`,
    spec: spec(`${INV}/skus/{skuId}`),
    handler: (ctx) => {
      const { state } = ctx.emu
      const rows =
        state.inventory.get(ctx.params.skuId) ?? new Map<string, Balance>()

      const balance = Array.from(rows, ([warehouseId, b]) => ({
        warehouseId,
        warehouseName: state.warehouses.get(warehouseId)?.name ?? warehouseId,
        totalQuantity: b.unlimited ? UNLIMITED_QUANTITY : b.totalQuantity,
        reservedQuantity: b.reservedQuantity,
        hasUnlimitedQuantity: b.unlimited,
        timeToRefill: null,
        dateOfSupplyUtc: null,
        leadTime: b.leadTime,
      }))

      return json(200, { skuId: ctx.params.skuId, balance })
    },
  },
  {
    api: 'logistics',
    method: 'GET',
    template: `${INV}/items/{skuId}/warehouses/{warehouseId}`,
    spec: spec(`${INV}/items/{skuId}/warehouses/{warehouseId}`),
    handler: (ctx) => {
      const { state } = ctx.emu
      const { skuId, warehouseId } = ctx.params
      const warehouse = state.warehouses.get(warehouseId)
      const b = balanceOf(ctx, skuId, warehouseId, false)

      if (!warehouse) return notFound(`Warehouse ${warehouseId}`)
      const rows = warehouse.warehouseDocks.map((link) => {
        const dock = state.docks.get(link.dockId)
        const total = b
          ? b.unlimited
            ? UNLIMITED_QUANTITY
            : b.totalQuantity
          : 0

        const reserved = b?.reservedQuantity ?? 0

        return {
          skuId,
          warehouseId,
          dockId: link.dockId,
          totalQuantity: total,
          reservedQuantity: reserved,
          availableQuantity: Math.max(0, total - reserved),
          isUnlimited: b?.unlimited ?? false,
          salesChannel: dock?.salesChannels ?? [],
          deliveryChannel: ['delivery'],
          // typed as plain strings by this route's schema
          timeToRefill: '',
          dateOfSupplyUtc: '',
          keepSellingAfterExpiration: false,
          transfer: '',
        }
      })

      return json(200, rows)
    },
  },
  {
    api: 'logistics',
    method: 'PUT',
    template: `${INV}/skus/{skuId}/warehouses/{warehouseId}`,
    spec: spec(`${INV}/skus/{skuId}/warehouses/{warehouseId}`),
    handler: (ctx) => putBalance(ctx, false),
  },
  {
    api: 'logistics',
    method: 'PATCH',
    template: `${INV}/skus/{skuId}/warehouses/{warehouseId}/quantity`,
    spec: spec(`${INV}/skus/{skuId}/warehouses/{warehouseId}/quantity`),
    handler: (ctx) => putBalance(ctx, true),
  },
]
