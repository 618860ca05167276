import type { Ctx, RouteDef } from '../server/http'
import {
  badRequest,
  bodyOf,
  empty,
  isObject,
  json,
  notFound,
} from '../server/http'
import type { Entry } from './schedulerTasks'
import { fire, live, registry, runOnMarks } from './schedulerTasks'

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
const keyOf = (ctx: Ctx, id: string) =>
  `${ctx.params.workspace}/${ctx.params.app}/${id}`

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
