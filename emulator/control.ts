import type { Emu } from './emu'
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
import { seedDemo, seedUsers } from './seed'
import type { SeedSpec } from './seed'
import { seedGenerated } from './seedGenerated'

/** Replaces the commerce data (catalog, logistics, pricing, affiliates); storage is kept. */
export function applySeed(emu: Emu, spec: SeedSpec) {
  const { state } = emu

  state.clearCommerce()
  seedUsers(state, emu.config.adminToken)
  if (spec.kind === 'demo') seedDemo(state, emu.baseUrl)
  else if (spec.kind === 'generated')
    seedGenerated(
      state,
      emu.baseUrl,
      Math.max(1, Math.floor(spec.skus)),
      spec.seed
    )
  emu.onChange()
}

export function resetAll(emu: Emu, spec: SeedSpec = emu.initialSeed) {
  emu.state.clearAll()
  applySeed(emu, spec)
  emu.faults.clear()
  emu.rateLimits.clear()
  emu.counters.reset()
  emu.effects.clearLog()
  emu.effects.config.enabled = emu.config.eventsEnabled
  emu.effects.config.affiliatesEnabled = true
  emu.effects.config.serviceUrl = emu.config.serviceUrl
  emu.violations = []
}

function parse(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {}
  const value = JSON.parse(body.toString('utf8')) as unknown

  if (!isObject(value)) fail(badRequest('Expected a JSON object body'))

  return value
}

function seedSpec(value: unknown): SeedSpec | null {
  if (value === 'demo' || value === 'none') return { kind: value }
  if (!isObject(value)) return null
  if (value.kind === 'demo' || value.kind === 'none')
    return { kind: value.kind }
  if (value.kind === 'generated' && Number(value.skus) > 0)
    return {
      kind: 'generated',
      skus: Number(value.skus),
      seed: value.seed === undefined ? undefined : Number(value.seed),
    }

  return null
}

function summary(emu: Emu) {
  const { state } = emu

  return {
    account: state.account,
    products: state.products.size,
    skus: state.skus.size,
    sellers: state.sellers.size,
    warehouses: state.warehouses.size,
    docks: state.docks.size,
    affiliates: state.affiliates.size,
    prices: state.prices.size,
    vbaseBuckets: state.vbase.size,
    dataEntities: Object.fromEntries(
      Array.from(state.md.entities, ([name, e]) => [name, e.docs.size])
    ),
  }
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

    case 'POST /_emulator/save':
      return (await emu.save())
        ? json(200, { ok: true })
        : error(
            409,
            'NoDataFile',
            'Start the emulator with --data <file> to persist'
          )

    case 'GET /_emulator/contract-violations':
      return json(200, emu.violations)

    case 'DELETE /_emulator/contract-violations':
      emu.violations = []

      return json(200, { ok: true })

    case 'POST /_emulator/users': {
      if (typeof body.token !== 'string' || typeof body.email !== 'string')
        return badRequest('token and email are required')
      emu.state.users.set(body.token, {
        token: body.token,
        email: body.email,
        userId: String(body.userId ?? `u-${body.token}`),
        admin: body.admin === true,
      })

      return json(200, { ok: true })
    }

    default:
      return notFound(`Control route ${route}`)
  }
}
