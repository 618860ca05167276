import { mailOf } from '../apis/mail'
import { appLifecycle } from '../world/apps'
import type { Emu } from '../world/emu'
import type { FaultSpec } from './faults'
import type { Reply } from './http'
import {
  badRequest,
  error,
  fail,
  isObject,
  json,
  notFound,
  ReplyError,
} from './http'
import { applySeed, resetAll, seedSpec, summary } from './lifecycle'
import { OPERATOR_ROLE } from '../seed/seedBase'
import type { Grant } from '../world/types'

function parse(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {}
  const value = JSON.parse(body.toString('utf8')) as unknown

  if (!isObject(value)) fail(badRequest('Expected a JSON object body'))

  return value
}

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

/** The `/_emulator/` control API: JSON in, JSON out, no auth. */
export async function handleControl(
  emu: Emu,
  method: string,
  path: string,
  query: URLSearchParams,
  raw: Buffer
): Promise<Reply> {
  let body: Record<string, unknown>

  try {
    body = parse(raw)
  } catch (err) {
    return err instanceof ReplyError
      ? err.reply
      : badRequest('Malformed JSON body')
  }

  const route = `${method} ${path.replace(/\/+$/, '')}`
  const inbox =
    /^(GET|DELETE|POST) \/_emulator\/affiliates\/([^/]+)\/inbox$/.exec(route)

  if (inbox) {
    const id = decodeURIComponent(inbox[2]).toUpperCase()

    if (inbox[1] === 'GET') return json(200, emu.state.inboxes.get(id) ?? [])
    if (inbox[1] === 'DELETE') emu.state.inboxes.delete(id)
    else emu.state.inboxes.set(id, [...(emu.state.inboxes.get(id) ?? []), body])

    return json(200, { ok: true })
  }

  // The mail service's outbox: what the app sent, for tests and demos (apis/mail.ts).
  if (route === 'GET /_emulator/mail/outbox')
    return json(200, mailOf(emu).outbox)
  if (route === 'DELETE /_emulator/mail/outbox') {
    mailOf(emu).outbox.length = 0

    return json(200, { ok: true })
  }

  const lifecycle = /^POST \/_emulator\/apps\/(install|uninstall)$/.exec(route)

  if (lifecycle) return appLifecycle(emu, lifecycle[1], body)

  const offer = /^POST \/_emulator\/sellers\/([^/]+)\/offers\/([^/]+)$/.exec(
    route
  )

  if (offer) {
    // Seller-side change: no broadcaster event (the broadcaster only reports the account's own changes).
    const binding = emu.state.bindingBySellerSku(
      decodeURIComponent(offer[1]),
      decodeURIComponent(offer[2])
    )

    if (!binding)
      return notFound(`Seller SKU ${offer[2]} of seller ${offer[1]}`)
    const current = binding.offer ?? { quantity: 0, price: 0 }

    binding.offer = {
      quantity:
        typeof body.quantity === 'number' ? body.quantity : current.quantity,
      price: typeof body.price === 'number' ? body.price : current.price,
    }
    emu.onChange()

    return json(200, { ...binding.offer, skuId: binding.StockKeepingUnitId })
  }

  switch (route) {
    case 'GET /_emulator/health':
      return json(200, {
        ok: true,
        url: emu.baseUrl,
        uptimeSeconds: Math.round(process.uptime()),
        ...summary(emu),
      })

    case 'GET /_emulator/state':
      return json(200, summary(emu))

    case 'POST /_emulator/reset': {
      const spec =
        body.seed === undefined ? emu.initialSeed : seedSpec(body.seed)

      if (!spec)
        return badRequest('seed must be demo, none or {kind:"generated", skus}')
      resetAll(emu, spec)

      return json(200, { ok: true, ...summary(emu) })
    }

    case 'POST /_emulator/seed': {
      const spec = seedSpec(body)

      if (!spec)
        return badRequest(
          'Expected {kind:"demo"|"none"} or {kind:"generated", skus, seed?}'
        )
      const started = Date.now()

      applySeed(emu, spec)

      return json(200, { ok: true, ms: Date.now() - started, ...summary(emu) })
    }

    case 'GET /_emulator/events':
      return json(200, {
        ...emu.effects.config,
        logSize: emu.effects.log.length,
      })

    case 'POST /_emulator/events': {
      const { config } = emu.effects

      if (typeof body.enabled === 'boolean') config.enabled = body.enabled
      if (typeof body.affiliatesEnabled === 'boolean')
        config.affiliatesEnabled = body.affiliatesEnabled
      if (typeof body.serviceUrl === 'string')
        config.serviceUrl = body.serviceUrl
      if (typeof body.retryDelayMs === 'number')
        config.retryDelayMs = body.retryDelayMs
      if (typeof body.clockOffsetMs === 'number')
        config.clockOffsetMs = body.clockOffsetMs

      return json(200, { ...config })
    }

    case 'GET /_emulator/events/log': {
      const kind = query.get('kind')
      const since = Number(query.get('since') ?? 0)
      const limit = Number(query.get('limit') ?? 1000)
      const entries = emu.effects.log.filter(
        (e) => (!kind || e.kind === kind) && e.seq > since
      )

      return json(200, entries.slice(-limit))
    }

    case 'DELETE /_emulator/events/log':
      emu.effects.clearLog()

      return json(200, { ok: true })

    case 'POST /_emulator/events/flush':
      await emu.effects.idle()

      return json(200, { ok: true })

    case 'GET /_emulator/faults':
      return json(200, emu.faults.list())

    case 'POST /_emulator/faults': {
      if (typeof body.match !== 'string') return badRequest('match is required')
      try {
        return json(
          200,
          (({ test, ...rest }) => rest)(
            emu.faults.add(body as unknown as FaultSpec)
          )
        )
      } catch (err) {
        return badRequest(`Invalid match: ${(err as Error).message}`)
      }
    }

    case 'DELETE /_emulator/faults':
      emu.faults.clear()

      return json(200, { ok: true })

    case 'GET /_emulator/ratelimit':
      return json(200, emu.rateLimits.list())

    case 'POST /_emulator/ratelimit':
      emu.rateLimits.set(
        typeof body.api === 'string' ? body.api : '*',
        Number(body.perSecond)
      )

      return json(200, emu.rateLimits.list())

    case 'DELETE /_emulator/ratelimit':
      emu.rateLimits.clear()

      return json(200, { ok: true })

    case 'GET /_emulator/counters':
      return json(200, emu.counters.snapshot())

    case 'POST /_emulator/counters/reset':
      emu.counters.reset()

      return json(200, { ok: true })

    case 'POST /_emulator/logistics':
      emu.inventoryLock.windowMs = Math.max(0, Number(body.lockWindowMs ?? 0))
      emu.inventoryLock.lastWrite.clear()

      return json(200, { lockWindowMs: emu.inventoryLock.windowMs })

    case 'POST /_emulator/save':
      return (await emu.save())
        ? json(200, { ok: true })
        : error(
            409,
            'NoDataFile',
            'Start the emulator with --data <file> to persist'
          )

    case 'GET /_emulator/masterdata/unindexed':
      return json(200, emu.state.md.limits.report())

    case 'DELETE /_emulator/masterdata/unindexed':
      emu.state.md.limits.unindexed.clear()

      return json(200, { ok: true })

    case 'GET /_emulator/contract-violations':
      return json(200, emu.violations)

    case 'DELETE /_emulator/contract-violations':
      emu.violations = []

      return json(200, { ok: true })

    // What IO's router puts in x-vtex-credential for the app: harnesses playing the router read it.
    case 'GET /_emulator/app-token':
      return json(200, {
        token: emu.app.token,
        appId: emu.app.appId,
        account: emu.app.account,
      })

    case 'GET /_emulator/egress':
      return json(200, { blocked: emu.egress.blocked, log: emu.egress.log })

    case 'GET /_emulator/refusals':
      return json(200, emu.refusals)

    case 'DELETE /_emulator/refusals':
      emu.refusals = []

      return json(200, { ok: true })

    case 'DELETE /_emulator/egress':
      emu.egress = { blocked: 0, log: [] }

      return json(200, { ok: true })

    case 'POST /_emulator/users': {
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
    }

    default:
      return notFound(`Control route ${route}`)
  }
}
