import { randomBytes, timingSafeEqual } from 'crypto'

import type { ScheduleEntry } from '../../clients/scheduler'
import type { EngineDeps } from '../shared/deps'
import { tickStore } from '../shared/stores/reconcile'

const DAY_MS = 24 * 60 * 60_000

export const TICK_HEADER = 'x-stock-gate-tick'
export const SCHEDULE_ID = 'stock-gate-reconcile-tick'
// The tick decides what is due from the operator's schedule; the scheduler only needs a cadence.
// service.json's `ttl` (60 minutes idle before IO may recycle an instance) is set well above it:
// a sweep runs after its tick's request, and IO does not count that as activity (README).
const EVERY = '*/10 * * * *'

/**
 * IO tells an app it was installed (the `apps` `setup` event) but sends nothing on uninstall,
 * and an uninstalled app's route only answers 404. So the task is registered for a week and
 * the tick extends it once a day: an installed app's task never ends, an uninstalled one's
 * ends within a week.
 */
export const LEASE_MS = 7 * DAY_MS
const RENEW_AFTER_MS = DAY_MS

type Deps = Pick<EngineDeps, 'docs' | 'log'>
type Scheduler = { upsert(app: string, entry: ScheduleEntry): Promise<void> }
export interface TickTarget {
  account: string
  workspace: string
  appName: string
}

async function tickSecret(deps: Pick<EngineDeps, 'docs'>): Promise<string> {
  const doc = await tickStore(deps.docs).update((current) =>
    current.secret
      ? null
      : { ...current, secret: randomBytes(24).toString('base64url') }
  )

  if (doc?.secret) return doc.secret
  const { value } = await tickStore(deps.docs).read()

  return value.secret ?? ''
}

/** Whether an app id (`vendor.name@version`, or without version) names this app. */
export function isThisApp(appId: string | undefined, thisAppId: string) {
  const name = (id: string) => id.split('@')[0]

  return Boolean(appId) && name(appId ?? '') === name(thisAppId)
}

/**
 * Registers the tick with vtex.scheduler: an upsert by id, so a second install, an update or
 * a renewal replaces the one task. The scheduled request carries a secret the tick route
 * checks, because the route is public for the scheduler to reach it. Throws when the scheduler
 * refuses, so that IO retries the install event.
 */
export async function registerTick(
  deps: Deps,
  scheduler: Scheduler,
  target: TickTarget,
  now = Date.now()
) {
  const secret = await tickSecret(deps)
  const until = new Date(now + LEASE_MS).toISOString()

  await scheduler.upsert(target.appName, {
    id: SCHEDULE_ID,
    scheduler: { expression: EVERY, endDate: until },
    request: {
      uri: `https://${target.workspace}--${target.account}.myvtex.com/_v/marketplace-stock-gate/reconcile/tick`,
      method: 'POST',
      headers: { [TICK_HEADER]: secret },
      body: null,
    },
  })
  await tickStore(deps.docs).update((current) => ({ ...current, until }))
  deps.log.info({ message: 'reconcile-schedule-register-done', until })
}

/** The tick's part of the lease: registers again once a day. Never fails the tick. */
export async function renewTickIfDue(
  deps: Deps,
  scheduler: Scheduler,
  target: TickTarget,
  now = Date.now()
): Promise<boolean> {
  try {
    const { value } = await tickStore(deps.docs).read()

    const until = value.until ? Date.parse(value.until) : 0

    if (until - now > LEASE_MS - RENEW_AFTER_MS) return false
    await registerTick(deps, scheduler, target, now)

    return true
  } catch (error) {
    deps.log.warn({
      message: 'reconcile-schedule-renew-failed',
      error: String((error as { message?: string })?.message ?? error),
    })

    return false
  }
}

/** Whether a tick request carries the registered secret. */
export async function validTick(
  deps: Pick<EngineDeps, 'docs'>,
  presented: string | undefined
): Promise<boolean> {
  if (!presented) return false
  const { value } = await tickStore(deps.docs).read()

  if (!value.secret) return false
  const a = Buffer.from(value.secret)
  const b = Buffer.from(presented)

  return a.length === b.length && timingSafeEqual(a, b)
}
