import fs from 'node:fs'
import path from 'node:path'

import { isInstalled } from '../world/apps'
import type { Emu } from '../world/emu'
import type { Ctx, RouteDef } from '../server/http'
import {
  badRequest,
  bodyOf,
  empty,
  isObject,
  json,
  notFound,
} from '../server/http'
import { post } from '../server/delivery'

/**
 * vtex.scheduler as an app sees it: PUT/POST `/api/scheduler/{workspace}/{app}?version=4` upserts
 * an entry by id, GET lists or reads, DELETE removes. The emulator then plays the scheduler:
 * an entry whose cron expression is `*\/N * * * *` (every N minutes, on the clock's N-minute marks
 * as cron runs it; other expressions every 60 minutes) sends its request to the local worker as IO's router would (public routes matched
 * against node/service.json give x-colossus-route-id and x-colossus-params). An entry past its
 * `scheduler.endDate` (on VTEX's clock: the emulator's time plus `clockOffsetMs`) is dropped,
 * neither sent nor listed; a call to an app uninstalled from the workspace (emulator/world/apps.ts)
 * is answered 404, as IO's router answers for a route no installed app declares.
 * Emulator-only: `POST /api/scheduler/{workspace}/{app}/{id}/run` sends it now (for tests and
 * demos).
 */
interface Entry {
  id: string
  app: string
  workspace: string
  expression: string
  /** Epoch ms of scheduler.endDate; null: none given. */
  endsAt: number | null
  request: { uri: string; method: string; headers: Record<string, string> }
  timer: NodeJS.Timeout | null
  runs: Array<{ at: string; status: number | string }>
}

const registries = new WeakMap<Emu, Map<string, Entry>>()
const registry = (emu: Emu) => {
  let map = registries.get(emu)

  if (!map) {
    map = new Map()
    registries.set(emu, map)
  }

  return map
}

const keyOf = (ctx: Ctx, id: string) =>
  `${ctx.params.workspace}/${ctx.params.app}/${id}`

interface PublicRoute {
  id: string
  regex: RegExp
  names: string[]
}

let publicRoutes: PublicRoute[] | null = null

function routesOfService(): PublicRoute[] {
  if (publicRoutes) return publicRoutes
  try {
    const file = path.resolve(__dirname, '..', '..', 'node', 'service.json')
    const service = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      routes?: Record<string, { path: string; public?: boolean }>
    }

    publicRoutes = Object.entries(service.routes ?? {})
      .filter(([, r]) => r.public)
      .map(([id, r]) => {
        const names: string[] = []
        const source = r.path.replace(/:(\w+)/g, (_m, name: string) => {
          names.push(name)

          return '([^/]+)'
        })

        return { id, regex: new RegExp(`^${source}$`), names }
      })
  } catch {
    publicRoutes = []
  }

  return publicRoutes
}

const vtexNow = (emu: Emu) => Date.now() + emu.effects.config.clockOffsetMs

/** Drops the entries past their endDate; what is left is what the scheduler still runs. */
function live(emu: Emu) {
  const map = registry(emu)

  for (const [key, entry] of map) {
    if (entry.endsAt !== null && entry.endsAt <= vtexNow(emu)) {
      if (entry.timer) clearInterval(entry.timer)
      map.delete(key)
    }
  }

  return map
}

/** Sends an entry's request to the worker the way IO's router forwards it. */
async function fire(emu: Emu, entry: Entry) {
  if (!live(emu).has(`${entry.workspace}/${entry.app}/${entry.id}`))
    return 'ended'
  if (!isInstalled(emu, entry.app, entry.workspace)) {
    entry.runs = [
      ...entry.runs.slice(-19),
      { at: new Date().toISOString(), status: 404 },
    ]

    return 404
  }

  const target = new URL(entry.request.uri)
  const service = emu.effects.config.serviceUrl.replace(/\/$/, '')
  const route = routesOfService().find((r) => r.regex.test(target.pathname))
  const headers: Record<string, string> = {
    ...entry.request.headers,
    'x-vtex-account': emu.effects.config.account,
    'x-vtex-workspace': entry.workspace,
    'x-vtex-credential': emu.effects.config.credential,
  }

  let url = `${service}/${emu.effects.config.account}/${entry.workspace}${target.pathname}`

  if (route) {
    const match = route.regex.exec(target.pathname) ?? []

    url = `${service}${target.pathname}`
    headers['x-colossus-route-id'] = route.id
    headers['x-colossus-params'] = new URLSearchParams(
      Object.fromEntries(route.names.map((n, i) => [n, match[i + 1] ?? '']))
    ).toString()
  }

  const status = await post(`${url}${target.search}`, {}, headers).catch(
    (error: Error) => error.message
  )

  entry.runs = [
    ...entry.runs.slice(-19),
    { at: new Date().toISOString(), status },
  ]

  return status
}

/** Stops every task of this account's scheduler: a closed emulator sends no more ticks. */
export function stopScheduler(emu: Emu) {
  for (const entry of registry(emu).values())
    if (entry.timer) clearTimeout(entry.timer)
  registry(emu).clear()
}

/** How long from `now` (epoch ms) to the next mark of a task run every `everyMs`. */
export function untilNextMark(now: number, everyMs: number) {
  return everyMs - (now % everyMs)
}

/**
 * Runs the task on its cron's marks of VTEX's clock: `*\/10 * * * *` at :00, :10, :20..., so a
 * task registered at 12:03 first runs at 12:10, as VTEX's scheduler does, not 10 minutes after
 * its registration. (Epoch ms are whole hours apart, so the marks of an N that divides 60 are
 * cron's; another N drifts from cron's reset at each hour, which the app does not use.)
 */
function runOnMarks(emu: Emu, entry: Entry) {
  const every = minutesOf(entry.expression) * 60_000
  const run = () => {
    fire(emu, entry).catch(() => undefined)
  }

  entry.timer = setTimeout(() => {
    run()
    entry.timer = setInterval(run, every)
    entry.timer.unref()
  }, untilNextMark(vtexNow(emu), every))
  entry.timer.unref()
}

function minutesOf(expression: string) {
  const every = /^\*\/(\d+) \* \* \* \*$/.exec(expression.trim())

  return every ? Math.max(1, Number(every[1])) : 60
}

function out(entry: Entry) {
  return {
    id: entry.id,
    scheduler: {
      expression: entry.expression,
      endDate:
        entry.endsAt === null ? null : new Date(entry.endsAt).toISOString(),
    },
    request: entry.request,
    lastRuns: entry.runs,
  }
}

function upsert(ctx: Ctx) {
  const body = bodyOf<Record<string, unknown>>(ctx)

  if (!isObject(body) || !isObject(body.request) || !isObject(body.scheduler))
    return badRequest('request and scheduler are required')
  const request = body.request as Record<string, unknown>
  const { expression: rawExpression, endDate } = body.scheduler as Record<
    string,
    unknown
  >

  const expression = String(rawExpression ?? '')
  const endsAt = typeof endDate === 'string' ? Date.parse(endDate) : null

  if (endsAt !== null && Number.isNaN(endsAt))
    return badRequest('scheduler.endDate must be a date')

  if (typeof request.uri !== 'string' || !expression)
    return badRequest('request.uri and scheduler.expression are required')
  const id = typeof body.id === 'string' && body.id ? body.id : `s${Date.now()}`
  const map = registry(ctx.emu)
  const key = keyOf(ctx, id)
  const previous = map.get(key)

  if (previous?.timer) clearInterval(previous.timer)
  const entry: Entry = {
    id,
    app: ctx.params.app,
    workspace: ctx.params.workspace,
    expression,
    endsAt,
    request: {
      uri: request.uri,
      method: String(request.method ?? 'POST'),
      headers: isObject(request.headers)
        ? (Object.fromEntries(
            Object.entries(request.headers).map(([k, v]) => [k, String(v)])
          ) as Record<string, string>)
        : {},
    },
    timer: null,
    runs: previous?.runs ?? [],
  }

  if (ctx.emu.config.scheduler !== 'manual') runOnMarks(ctx.emu, entry)
  map.set(key, entry)

  return json(200, out(entry))
}

export const schedulerRoutes: RouteDef[] = [
  {
    api: 'apps',
    method: 'PUT',
    template: '/api/scheduler/{workspace}/{app}',
    handler: upsert,
  },
  {
    api: 'apps',
    method: 'POST',
    template: '/api/scheduler/{workspace}/{app}',
    handler: upsert,
  },
  {
    api: 'apps',
    method: 'GET',
    template: '/api/scheduler/{workspace}/{app}',
    handler: (ctx) =>
      json(
        200,
        [...live(ctx.emu).values()]
          .filter(
            (e) =>
              e.app === ctx.params.app && e.workspace === ctx.params.workspace
          )
          .map(out)
      ),
  },
  {
    api: 'apps',
    method: 'GET',
    template: '/api/scheduler/{workspace}/{app}/{id}',
    handler: (ctx) => {
      const entry = live(ctx.emu).get(keyOf(ctx, ctx.params.id))

      return entry
        ? json(200, out(entry))
        : notFound(`Scheduler ${ctx.params.id}`)
    },
  },
  {
    api: 'apps',
    method: 'DELETE',
    template: '/api/scheduler/{workspace}/{app}/{id}',
    handler: (ctx) => {
      const map = live(ctx.emu)
      const entry = map.get(keyOf(ctx, ctx.params.id))

      if (!entry) return notFound(`Scheduler ${ctx.params.id}`)
      if (entry.timer) clearInterval(entry.timer)
      map.delete(keyOf(ctx, ctx.params.id))

      return empty(204)
    },
  },
  {
    api: 'apps',
    method: 'POST',
    template: '/api/scheduler/{workspace}/{app}/{id}/run',
    handler: async (ctx) => {
      const entry = live(ctx.emu).get(keyOf(ctx, ctx.params.id))

      if (!entry) return notFound(`Scheduler ${ctx.params.id}`)

      return json(200, { status: await fire(ctx.emu, entry) })
    },
  },
]
