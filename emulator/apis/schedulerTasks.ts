import fs from 'node:fs'
import path from 'node:path'

import { isInstalled } from '../world/apps'
import type { Emu } from '../world/emu'
import { post } from '../server/delivery'

/**
 * The scheduler's running side: each account's tasks, their timers on cron's marks of VTEX's
 * clock, and the request each run sends to the worker as IO's router would (scheduler.ts is
 * the API that registers them).
 */
export interface Entry {
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

export const registry = (emu: Emu) => {
  let map = registries.get(emu)

  if (!map) {
    map = new Map()
    registries.set(emu, map)
  }

  return map
}

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
export function live(emu: Emu) {
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
export async function fire(emu: Emu, entry: Entry) {
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
export function runOnMarks(emu: Emu, entry: Entry) {
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
