import type { IOContext } from '@vtex/api'

import type { Clients } from '../../clients'
import { slot } from '../../memory/tenantMemory'
import type { Log } from '../shared/deps'
import { engineDeps } from '../compose'
import {
  PENDING_GRACE_MS,
  settleInBackground,
} from '../enforcement/pendingWrites'
import { expireDue } from './expiries'
import { settleUnsettledInBackground } from '../evaluation/settleTick'
import { attentionInBackground } from '../attention/tick'
import { recordTrendsInBackground } from '../trends/record'
import type { TickTarget } from './register'
import { tick } from './runner'
import { DEFAULT_TUNING } from './types'
import type { SweepEnv, SweepTuning } from './types'

const positive = (value: string | undefined, fallback: number) => {
  const n = Number(value)

  return Number.isInteger(n) && n > 0 ? n : fallback
}

/** Where vtex.scheduler sends this account and workspace's tick, and the app it is filed under. */
export const tickTarget = (vtex: IOContext): TickTarget => ({
  account: vtex.account,
  workspace: vtex.workspace,
  appName: (process.env.VTEX_APP_ID ?? '').split('@')[0],
})

/** Tunables from the environment (tests and local runs shorten them; IO uses the defaults). */
function tuningFromEnv(env = process.env): SweepTuning {
  return {
    pageSize: positive(env.RECONCILE_PAGE_SIZE, DEFAULT_TUNING.pageSize),
    checkpointEvery: positive(
      env.RECONCILE_CHECKPOINT_EVERY,
      DEFAULT_TUNING.checkpointEvery
    ),
    concurrency: positive(
      env.RECONCILE_CONCURRENCY,
      DEFAULT_TUNING.concurrency
    ),
    lockMs: positive(env.RECONCILE_LOCK_MS, DEFAULT_TUNING.lockMs),
    rateLimitedAttempts: DEFAULT_TUNING.rateLimitedAttempts,
  }
}

/** How old a pending catalog write must be before a tick settles it (tests shorten it). */
function pendingGraceFromEnv(env = process.env): number {
  return positive(env.PENDING_WRITE_GRACE_MS, PENDING_GRACE_MS)
}

/**
 * What every tick does besides the sweeps: settle catalog writes and decisions left pending, and
 * record the day's trend points.
 */
export function settleAfterTick(clients: Clients, log: Log) {
  const deps = engineDeps(clients, log)

  settleInBackground(deps, pendingGraceFromEnv())
  settleUnsettledInBackground(deps)
  // What needs attention: the daily share points, and the day's e-mails (addresses set).
  attentionInBackground({
    ...deps,
    mail: clients.mail,
    tenant: clients.stateDocs.tenant,
  })
  // Overrides whose expiry passed with no timer (a restart), and timers for the next ones.
  expireDue(deps).catch((error) =>
    log.warn({ message: 'override-expire-failed', error: String(error) })
  )
  // The overview's trends: each channel's point, on the day's first tick only.
  recordTrendsInBackground(deps)
}

export function sweepEnv(clients: Clients, log: Log): SweepEnv {
  return {
    deps: { ...engineDeps(clients, log), catalog: clients.catalog },
    tuning: tuningFromEnv(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  }
}

/**
 * The local tickers, per account and workspace (each is scheduled on its own, as vtex.scheduler
 * does). Safe to lose: a dropped tenant's timer is cancelled and its next request to a
 * reconciliation edge starts it again.
 */
const TICKER = slot<{ timer: NodeJS.Timeout | null }>(
  'local-ticker',
  () => ({ timer: null }),
  (dropped) => {
    if (dropped.timer) clearInterval(dropped.timer)
    dropped.timer = null
  }
)

/**
 * Local stand-in for vtex.scheduler: with RECONCILE_LOCAL_TICK_MS set, a tenant's first request
 * that reaches a reconciliation edge starts a timer that ticks that tenant with that request's
 * clients (resume a dead worker's run, start a due scheduled sweep). Unset in IO, where the
 * scheduler calls the tick route.
 */
export function ensureLocalTicker(clients: Clients, log: Log) {
  const every = positive(process.env.RECONCILE_LOCAL_TICK_MS, 0)

  if (!every) return
  const { account, workspace } = clients.stateDocs.tenant
  const own = clients.memory.workspace(account, workspace).get(TICKER)

  if (own.timer) return
  own.timer = setInterval(() => {
    tick(sweepEnv(clients, log)).catch((error) =>
      log.warn({ message: 'reconcile-tick-failed', error: String(error) })
    )
    settleAfterTick(clients, log)
  }, every)
  own.timer.unref()
}
