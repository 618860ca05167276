import type { Ctx, RouteDef } from '../server/http'
import { badRequest, field, json, notFound } from '../server/http'
import type { Dock } from '../world/types'
import { CFG, objectBody, spec, toggle } from './logisticsConfig'

/** Loading docks: each lists the trade policies (salesChannels) its warehouses' stock reaches. */

export function dockOut(d: Dock) {
  return {
    id: d.id,
    name: d.name,
    priority: d.priority,
    dockTimeFake: d.dockTimeFake,
    timeFakeOverhead: d.timeFakeOverhead,
    salesChannels: d.salesChannels,
    salesChannel: d.salesChannel,
    freightTableIds: d.freightTableIds,
    wmsEndPoint: d.wmsEndPoint,
    pickupStoreInfo: {
      isPickupStore: false,
      storeId: null,
      friendlyName: null,
      address: null,
      additionalInfo: null,
      dockId: null,
      distance: null,
      businessHours: null,
      pickupHolidays: null,
      sellerId: null,
      isThirdPartyPickup: false,
    },
    pickupInStoreInfo: { isActice: false, additionalInfo: null },
    deliveryFromStoreInfo: {
      isActice: false,
      deliveryRadius: 0,
      deliveryFee: 0,
      deliveryTime: '00:00:00',
      maximumWeight: 0,
    },
    address: {
      postalCode: '',
      country: { acronym: 'BRA', name: 'Brazil' },
      city: '',
      state: '',
      neighborhood: '',
      street: '',
      number: '',
      complement: null,
      reference: null,
      location: { latitude: 0, longitude: 0 },
    },
    location: null,
    shippingRatesProviders: [],
    deliveryAgreementsIds: [],
    isActive: d.isActive,
  }
}

function saveDock(ctx: Ctx) {
  const body = objectBody(ctx)
  const id = String(field(body, 'id') ?? '')

  if (!id) return badRequest('id is required')
  const previous = ctx.emu.state.docks.get(id)
  const channels = (
    (field(body, 'salesChannels') as unknown[] | undefined) ??
    previous?.salesChannels ??
    []
  ).map(String)

  const dock: Dock = {
    id,
    name: String(field(body, 'name') ?? previous?.name ?? id),
    priority: Number(field(body, 'priority') ?? 0),
    dockTimeFake: String(field(body, 'dockTimeFake') ?? '1.00:00:00'),
    timeFakeOverhead: String(field(body, 'timeFakeOverhead') ?? '00:00:00'),
    salesChannels: channels,
    salesChannel: String(field(body, 'salesChannel') ?? channels[0] ?? ''),
    freightTableIds: (
      (field(body, 'freightTableIds') as unknown[] | undefined) ?? []
    ).map(String),
    wmsEndPoint:
      (field(body, 'wmsEndPoint') as string | null | undefined) ?? null,
    isActive: (field(body, 'isActive') ?? previous?.isActive ?? true) === true,
  }

  ctx.emu.state.docks.set(id, dock)
  ctx.emu.onChange()

  return json(200, true)
}

export const dockRoutes: RouteDef[] = [
  {
    api: 'logistics',
    method: 'GET',
    template: `${CFG}/docks`,
    spec: spec(`${CFG}/docks`),
    handler: (ctx) =>
      json(200, Array.from(ctx.emu.state.docks.values(), dockOut)),
  },
  {
    api: 'logistics',
    method: 'GET',
    template: `${CFG}/docks/{dockId}`,
    spec: spec(`${CFG}/docks/{dockId}`),
    handler: (ctx) => {
      const d = ctx.emu.state.docks.get(ctx.params.dockId)

      return d ? json(200, dockOut(d)) : notFound(`Dock ${ctx.params.dockId}`)
    },
  },
  {
    api: 'logistics',
    method: 'POST',
    template: `${CFG}/docks`,
    spec: spec(`${CFG}/docks`),
    handler: saveDock,
  },
  {
    api: 'logistics',
    method: 'DELETE',
    template: `${CFG}/docks/{dockId}`,
    spec: spec(`${CFG}/docks/{dockId}`),
    handler: (ctx) =>
      ctx.emu.state.docks.delete(ctx.params.dockId)
        ? (ctx.emu.onChange(), json(200, true))
        : notFound(`Dock ${ctx.params.dockId}`),
  },
  {
    api: 'logistics',
    method: 'POST',
    template: `${CFG}/docks/{dockId}/activation`,
    spec: spec(`${CFG}/docks/{dockId}/activation`),
    handler: (ctx) =>
      toggle(ctx, ctx.emu.state.docks, ctx.params.dockId, true, 204),
  },
  {
    api: 'logistics',
    method: 'POST',
    template: `${CFG}/docks/{dockId}/deactivation`,
    spec: spec(`${CFG}/docks/{dockId}/deactivation`),
    handler: (ctx) =>
      toggle(ctx, ctx.emu.state.docks, ctx.params.dockId, false, 204),
  },
]
