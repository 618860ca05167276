import type { Ctx, RouteDef } from '../server/http'
import {
  badRequest,
  bodyOf,
  empty,
  fail,
  field,
  isObject,
  json,
  notFound,
} from '../server/http'
import type { Warehouse } from '../world/types'

export const spec = (path: string) => ({ file: 'Logistics API', path })
export const CFG = '/api/logistics/pvt/configuration'

export function warehouseOut(w: Warehouse) {
  return {
    id: w.id,
    name: w.name,
    warehouseDocks: w.warehouseDocks.map(({ dockId, time, cost }) => ({
      dockId,
      time,
      cost,
    })),
    pickupPointIds: w.pickupPointIds,
    priority: w.priority,
    isActive: w.isActive,
  }
}

export function objectBody(ctx: Ctx): Record<string, unknown> {
  const body = bodyOf(ctx)

  if (!isObject(body)) fail(badRequest('Expected a JSON object body'))

  return body
}

function saveWarehouse(ctx: Ctx) {
  const body = objectBody(ctx)
  const id = String(field(body, 'id') ?? '')

  if (!id) return badRequest('id is required')
  const previous = ctx.emu.state.warehouses.get(id)
  const docks =
    (field(body, 'warehouseDocks') as
      | Array<Record<string, unknown>>
      | undefined) ?? []

  const warehouse: Warehouse = {
    id,
    name: String(field(body, 'name') ?? previous?.name ?? id),
    warehouseDocks: docks.map((d) => ({
      dockId: String(d.dockId),
      name: d.name as string | undefined,
      time: String(d.time ?? '00:00:00'),
      cost: Number(d.cost ?? 0),
    })),
    pickupPointIds:
      (field(body, 'pickupPointIds') as string[] | undefined) ?? [],
    priority: Number(field(body, 'priority') ?? 0),
    isActive: (field(body, 'isActive') ?? previous?.isActive ?? true) === true,
  }

  ctx.emu.state.warehouses.set(id, warehouse)
  ctx.emu.onChange()

  return empty(200)
}

export function toggle<T extends { isActive: boolean }>(
  ctx: Ctx,
  map: Map<string, T>,
  id: string,
  active: boolean,
  status: number
) {
  const item = map.get(id)

  if (!item) return notFound(id)
  item.isActive = active
  ctx.emu.onChange()

  return empty(status)
}

export const logisticsConfigRoutes: RouteDef[] = [
  {
    api: 'logistics',
    method: 'GET',
    template: `${CFG}/warehouses`,
    spec: spec(`${CFG}/warehouses`),
    handler: (ctx) =>
      json(200, Array.from(ctx.emu.state.warehouses.values(), warehouseOut)),
  },
  {
    api: 'logistics',
    method: 'GET',
    template: `${CFG}/warehouses/{warehouseId}`,
    spec: spec(`${CFG}/warehouses/{warehouseId}`),
    handler: (ctx) => {
      const w = ctx.emu.state.warehouses.get(ctx.params.warehouseId)

      return w
        ? json(200, warehouseOut(w))
        : notFound(`Warehouse ${ctx.params.warehouseId}`)
    },
  },
  {
    api: 'logistics',
    method: 'POST',
    template: `${CFG}/warehouses`,
    spec: spec(`${CFG}/warehouses`),
    handler: saveWarehouse,
  },
  {
    api: 'logistics',
    method: 'DELETE',
    template: `${CFG}/warehouses/{warehouseId}`,
    spec: spec(`${CFG}/warehouses/{warehouseId}`),
    handler: (ctx) =>
      ctx.emu.state.warehouses.delete(ctx.params.warehouseId)
        ? (ctx.emu.onChange(), empty(200))
        : notFound(`Warehouse ${ctx.params.warehouseId}`),
  },
  {
    api: 'logistics',
    method: 'POST',
    template: `${CFG}/warehouses/{warehouseId}/activation`,
    spec: spec(`${CFG}/warehouses/{warehouseId}/activation`),
    handler: (ctx) =>
      toggle(ctx, ctx.emu.state.warehouses, ctx.params.warehouseId, true, 200),
  },
  {
    api: 'logistics',
    method: 'POST',
    template: `${CFG}/warehouses/{warehouseId}/deactivation`,
    spec: spec(`${CFG}/warehouses/{warehouseId}/deactivation`),
    handler: (ctx) =>
      toggle(ctx, ctx.emu.state.warehouses, ctx.params.warehouseId, false, 200),
  },
]
