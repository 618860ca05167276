import { warehousesFor } from '../world/availability'
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
import type { Balance, Reservation } from '../world/types'
import { balanceOf, changeStock, INV, spec } from './logistics'

/** Inventory reservations: reserved units count against availability until cancelled. */

function reservationOut(r: Reservation) {
  const { items, request, ...rest } = r

  return {
    ...rest,
    SlaRequest: items.map((i) => ({
      item: { id: i.skuId, quantity: i.quantity },
      wareHouseId: i.warehouseId,
      dockId: i.dockId,
    })),
    Errors: null,
    IsSucess: true,
  }
}

function releaseReservation(ctx: Ctx, r: Reservation, status: number) {
  if (r.Status === 3 || r.Status === 4 || r.Status === 5) return
  for (const item of r.items) {
    changeStock(ctx, item.skuId, () => {
      const balance = balanceOf(ctx, item.skuId, item.warehouseId, false)

      if (!balance) return false
      balance.reservedQuantity = Math.max(
        0,
        balance.reservedQuantity - item.quantity
      )

      return true
    })
  }

  r.Status = status
  r.CanceledDateUtc = new Date().toISOString()
  r.LastUpdateDateUtc = r.CanceledDateUtc
}

function reserve(ctx: Ctx) {
  const { state } = ctx.emu
  const body = bodyOf(ctx)

  if (!isObject(body)) return badRequest('Expected a JSON object body')
  const salesChannel = String(field(body, 'salesChannel') ?? '1')
  const options = field(body, 'deliveryItemOptions')

  if (!Array.isArray(options))
    return badRequest('deliveryItemOptions is required')
  const reachable = warehousesFor(state, salesChannel)
  const now = new Date().toISOString()
  const lockId = String(
    field(body, 'lockId') ??
      `lock-${Date.now().toString(36)}-${state.reservations.size + 1}`
  )

  const reservation: Reservation = {
    LockId: lockId,
    SalesChannel: salesChannel,
    Status: 1,
    ReservationDateUtc: now,
    LastUpdateDateUtc: now,
    MaximumConfirmationDateUtc: new Date(Date.now() + 3600_000).toISOString(),
    AuthorizedDateUtc: now,
    ConfirmedDateUtc: '',
    CanceledDateUtc: '',
    items: [],
    request: body,
  }

  for (const option of options as Array<Record<string, unknown>>) {
    const item = (option.item ?? {}) as Record<string, unknown>
    const skuId = String(item.id ?? '')
    const quantity = Number(item.quantity ?? 0)
    const rows = state.inventory.get(skuId)
    // Without an explicit warehouse, reserve in the first reachable warehouse with enough stock.
    const warehouseId =
      (option.wareHouseId as string | null | undefined) ??
      Array.from(rows?.entries() ?? []).find(
        ([w, b]) =>
          reachable.has(w) &&
          (b.unlimited || b.totalQuantity - b.reservedQuantity >= quantity)
      )?.[0]

    if (!warehouseId || !skuId || !(quantity > 0))
      return badRequest(`Cannot reserve ${quantity} of SKU ${skuId}`)
    reservation.items.push({
      skuId,
      warehouseId,
      dockId: String(option.dockId ?? ''),
      quantity,
    })
  }

  for (const item of reservation.items) {
    changeStock(ctx, item.skuId, () => {
      const balance = balanceOf(
        ctx,
        item.skuId,
        item.warehouseId,
        true
      ) as Balance

      balance.reservedQuantity += item.quantity

      return true
    })
  }

  state.reservations.set(lockId, reservation)
  ctx.emu.onChange()

  return json(200, reservationOut(reservation))
}

export const reservationRoutes: RouteDef[] = [
  {
    api: 'logistics',
    method: 'POST',
    template: `${INV}/reservations`,
    spec: spec(`${INV}/reservations`),
    handler: reserve,
  },
  {
    api: 'logistics',
    method: 'GET',
    template: `${INV}/reservations/{reservationId}`,
    spec: spec(`${INV}/reservations/{reservationId}`),
    handler: (ctx) => {
      const r = ctx.emu.state.reservations.get(ctx.params.reservationId)

      return r
        ? json(200, reservationOut(r))
        : notFound(`Reservation ${ctx.params.reservationId}`)
    },
  },
  ...(['confirm', 'acknowledge', 'cancel'] as const).map(
    (action): RouteDef => ({
      api: 'logistics',
      method: 'POST',
      template: `${INV}/reservations/{reservationId}/${action}`,
      spec: spec(`${INV}/reservations/{reservationId}/${action}`),
      handler: (ctx) => {
        const r = ctx.emu.state.reservations.get(ctx.params.reservationId)

        if (!r) return notFound(`Reservation ${ctx.params.reservationId}`)
        if (action === 'cancel') releaseReservation(ctx, r, 5)
        else if (action === 'confirm' && r.Status === 1) {
          r.Status = 2
          r.ConfirmedDateUtc = new Date().toISOString()
        }

        ctx.emu.onChange()

        return empty(200)
      },
    })
  ),
]
