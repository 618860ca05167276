import { randomBytes, timingSafeEqual } from 'crypto'

import type { ScheduleEntry } from '../../clients/scheduler'
import type { EngineDeps } from '../deps'
import { BUCKET_RECONCILE } from './types'

const SECRET_PATH = 'tick-secret'

export const TICK_HEADER = 'x-stock-gate-tick'
export const SCHEDULE_ID = 'stock-gate-reconcile-tick'
// The tick decides what is due from the operator's schedule; the scheduler only needs a cadence.
// service.json's `ttl` (60 minutes idle before IO may recycle an instance) is set well above it:
// a sweep runs after its tick's request, and IO does not count that as activity (README).
const EVERY = '*/10 * * * *'

type Deps = Pick<EngineDeps, 'docs' | 'log'>

async function tickSecret(deps: Pick<EngineDeps, 'docs'>): Promise<string> {
  const doc = await deps.docs.update<{ secret: string | null }>(
    BUCKET_RECONCILE,
    SECRET_PATH,
    () => ({ secret: null }),
    (current) =>
      current.secret ? null : { secret: randomBytes(24).toString('base64url') }
  )

  if (doc?.secret) return doc.secret
  const { value } = await deps.docs.read<{ secret: string | null }>(
    BUCKET_RECONCILE,
    SECRET_PATH,
    () => ({ secret: null })
  )

  return value.secret ?? ''
}

let registered = false
let nextAttempt = 0
const RETRY_MS = 10 * 60_000

/** Whether `ensureScheduled` has anything to do now (callers skip building its clients). */
export function schedulingDue() {
  return !registered && Date.now() >= nextAttempt
}

/**
 * Registers the tick with vtex.scheduler once per process (an upsert by id, so replicas doing it
 * again change nothing). The scheduled request carries a secret the tick route checks, because
 * the route is public for the scheduler to reach it.
 */
export async function ensureScheduled(
  deps: Deps,
  scheduler: { upsert(app: string, entry: ScheduleEntry): Promise<void> },
  target: { account: string; workspace: string; appName: string }
) {
  if (registered || Date.now() < nextAttempt) return
  nextAttempt = Date.now() + RETRY_MS
  try {
    const secret = await tickSecret(deps)

    await scheduler.upsert(target.appName, {
      id: SCHEDULE_ID,
      scheduler: { expression: EVERY, endDate: '2099-12-31T23:59:59Z' },
      request: {
        uri: `https://${target.workspace}--${target.account}.myvtex.com/_v/marketplace-stock-gate/reconcile/tick`,
        method: 'POST',
        headers: { [TICK_HEADER]: secret },
        body: null,
      },
    })
    registered = true
    deps.log.info({ message: 'reconcile-schedule-register-done' })
  } catch (error) {
    // Retried on an admin call 10 minutes later; sweeps still run when started by hand.
    deps.log.warn({
      message: 'reconcile-schedule-register-failed',
      error: String((error as { message?: string })?.message ?? error),
    })
  }
}

/** Whether a tick request carries the registered secret. */
export async function validTick(
  deps: Pick<EngineDeps, 'docs'>,
  presented: string | undefined
): Promise<boolean> {
  if (!presented) return false
  const { value } = await deps.docs.read<{ secret: string | null }>(
    BUCKET_RECONCILE,
    SECRET_PATH,
    () => ({ secret: null })
  )

  if (!value.secret) return false
  const a = Buffer.from(value.secret)
  const b = Buffer.from(presented)

  return a.length === b.length && timingSafeEqual(a, b)
}
