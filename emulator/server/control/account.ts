import { appLifecycle } from '../../world/apps'
import { OPERATOR_ROLE } from '../../seed/seedBase'
import type { Grant } from '../../world/types'
import type { ControlRouteDef } from '../http'
import { badRequest, error, isObject, json, notFound } from '../http'
import { applySeed, resetAll, seedSpec, summary } from '../lifecycle'

/** A user's roles: `roles: [{productCode, resourceCode}]`, or `admin: true` for the operators' role. */
function grantsOf(body: Record<string, unknown>): Grant[] {
  const roles = Array.isArray(body.roles)
    ? body.roles.filter(
        (r): r is Grant =>
          isObject(r) &&
          typeof r.productCode === 'string' &&
          typeof r.resourceCode === 'string'
      )
    : []

  return body.admin === true ? [OPERATOR_ROLE, ...roles] : roles
}

/** The account's data and its app: seed, reset, save, users, sellers' offers, install. */
export const accountRoutes: ControlRouteDef[] = [
  {
    method: 'GET',
    template: '/_emulator/health',
    handler: ({ emu }) =>
      json(200, {
        ok: true,
        url: emu.baseUrl,
        uptimeSeconds: Math.round(process.uptime()),
        ...summary(emu),
      }),
  },
  {
    method: 'GET',
    template: '/_emulator/state',
    handler: ({ emu }) => json(200, summary(emu)),
  },
  {
    method: 'POST',
    template: '/_emulator/reset',
    handler: ({ emu, body }) => {
      const spec =
        body.seed === undefined ? emu.initialSeed : seedSpec(body.seed)

      if (!spec)
        return badRequest(
          'seed must be demo, none or {kind:"generated", skus, seed?, channels?}'
        )
      resetAll(emu, spec)

      return json(200, { ok: true, ...summary(emu) })
    },
  },
  {
    method: 'POST',
    template: '/_emulator/seed',
    handler: ({ emu, body }) => {
      const spec = seedSpec(body)

      if (!spec)
        return badRequest(
          'Expected {kind:"demo"|"none"} or {kind:"generated", skus, seed?, channels?}'
        )
      const started = Date.now()

      applySeed(emu, spec)

      return json(200, { ok: true, ms: Date.now() - started, ...summary(emu) })
    },
  },
  {
    method: 'POST',
    template: '/_emulator/save',
    handler: async ({ emu }) =>
      (await emu.save())
        ? json(200, { ok: true })
        : error(
            409,
            'NoDataFile',
            'Start the emulator with --data <file> to persist'
          ),
  },
  {
    method: 'POST',
    template: '/_emulator/users',
    handler: ({ emu, body }) => {
      if (typeof body.token !== 'string' || typeof body.email !== 'string')
        return badRequest('token and email are required')
      emu.state.users.set(body.token, {
        token: body.token,
        email: body.email,
        userId: String(body.userId ?? `u-${body.token}`),
        roles: grantsOf(body),
        // `roles` entries that are strings name resources for API calls; objects, granted pairs.
        resources: Array.isArray(body.roles)
          ? body.roles.filter((r): r is string => typeof r === 'string')
          : undefined,
      })

      return json(200, { ok: true })
    },
  },
  {
    method: 'POST',
    template: '/_emulator/sellers/{sellerId}/offers/{sellerSkuId}',
    handler: ({ emu, body, params }) => {
      // Seller-side change: no broadcaster event (the broadcaster only reports the account's own changes).
      const binding = emu.state.bindingBySellerSku(
        params.sellerId,
        params.sellerSkuId
      )

      if (!binding)
        return notFound(
          `Seller SKU ${params.sellerSkuId} of seller ${params.sellerId}`
        )
      const current = binding.offer ?? { quantity: 0, price: 0 }

      binding.offer = {
        quantity:
          typeof body.quantity === 'number' ? body.quantity : current.quantity,
        price: typeof body.price === 'number' ? body.price : current.price,
      }
      emu.onChange()

      return json(200, { ...binding.offer, skuId: binding.StockKeepingUnitId })
    },
  },
  {
    method: 'POST',
    template: '/_emulator/apps/install',
    handler: ({ emu, body }) => appLifecycle(emu, 'install', body),
  },
  {
    method: 'POST',
    template: '/_emulator/apps/uninstall',
    handler: ({ emu, body }) => appLifecycle(emu, 'uninstall', body),
  },
  // What IO's router puts in x-vtex-credential for the app: harnesses playing the router read it.
  {
    method: 'GET',
    template: '/_emulator/app-token',
    handler: ({ emu }) =>
      json(200, {
        token: emu.app.token,
        appId: emu.app.appId,
        account: emu.app.account,
      }),
  },
]
