// An override ends when it says: nothing else re-evaluates a SKU at that moment (no event comes,
// and the scheduler's tick runs every 10 minutes). Each override with an expiry is kept in a
// durable index in VBase, and a timer per override in this process, keyed by account and
// workspace, fires at the expiry: the override is removed from the SKU's state, the audit says it
// expired, and the SKU is evaluated. The tick reads the index: it expires what is due (a worker
// restarted or recycled) and arms timers for what expires before the next tick, in whichever
// process it runs; a worker also arms them from the index on its first event. A timer that
// fires in two processes expires the override once (a conditional write on the SKU's state
// that checks the very expiry, and a deterministic audit id).
import { overrideState } from '../../domain'
import type { Override } from '../../domain/types'
import type { EngineDeps } from '../shared/deps'
import { slot } from '../../memory/tenantMemory'
import { evaluate } from '../evaluation/engine'
import { skuStore } from '../shared/stores/states'
import { overrideExpired } from '../projection/operatorEntries'
import { expiryStore } from '../shared/stores/settle'
import type { Expiry } from '../shared/stores/settle'

/** Ticks come every 10 minutes: a timer is armed for what expires before the one after next. */
const ARM_HORIZON_MS = 21 * 60_000
/** Timers per account and workspace at most; the rest waits for a tick to arm them. */
const MAX_TIMERS = 10_000

const keyOf = (skuId: string, channel: string) => `${skuId}\n${channel}`

interface TenantTimers {
  /** override -> its timer. */
  timers: Map<string, NodeJS.Timeout>
  /** Whether this process has read the tenant's index since it started (or kept it). */
  armed: boolean
}

/**
 * In the tenant's memory. Safe to lose: a dropped tenant's timers are cancelled and
 * `armed` goes with them, so its next event (or the tick) reads the durable index and arms them
 * again; an override past its expiry is ignored by the next evaluation meanwhile.
 */
const TIMERS = slot<TenantTimers>(
  'override-expiry-timers',
  () => ({ timers: new Map(), armed: false }),
  (dropped) => {
    for (const timer of dropped.timers.values()) clearTimeout(timer)
    dropped.timers.clear()
  }
)

/**
 * Records (or, with no expiry, forgets) the override's expiry in the index and arms its timer.
 * Called after the override is stored, so a refused index write does not fail the operator's
 * request: this process's timer still ends it, and if that process goes, the next evaluation of
 * the SKU ignores an expired override anyway (`activeOverride`).
 */
export async function trackExpiry(
  deps: EngineDeps,
  skuId: string,
  channel: string,
  expiresAt: string | null
) {
  const key = keyOf(skuId, channel)

  await expiryStore(deps.docs)
    .update((index) => {
      const current = index.entries[key]

      if (!expiresAt && !current) return null
      if (current?.expiresAt === expiresAt) return null
      const entries = { ...index.entries }

      if (expiresAt) entries[key] = { skuId, channel, expiresAt }
      else delete entries[key]

      return { entries }
    })
    .catch((error) =>
      deps.log.warn({
        message: 'override-track-failed',
        skuId,
        channel,
        error: String(error),
      })
    )
  disarm(deps, key)
  if (expiresAt) arm(deps, { skuId, channel, expiresAt })
}

function disarm(deps: EngineDeps, key: string) {
  const perTenant = deps.memory.get(TIMERS).timers
  const timer = perTenant.get(key)

  if (timer) clearTimeout(timer)
  perTenant.delete(key)
}

function arm(deps: EngineDeps, expiry: Expiry) {
  const delay = Date.parse(expiry.expiresAt) - deps.now().getTime()

  if (Number.isNaN(delay) || delay > ARM_HORIZON_MS) return
  const perTenant = deps.memory.get(TIMERS).timers
  const key = keyOf(expiry.skuId, expiry.channel)

  if (perTenant.has(key) || perTenant.size >= MAX_TIMERS) return
  perTenant.set(
    key,
    setTimeout(() => {
      perTenant.delete(key)
      expire(deps, expiry).catch((error) =>
        deps.log.warn({
          message: 'override-expire-failed',
          skuId: expiry.skuId,
          channel: expiry.channel,
          error: String(error),
        })
      )
    }, Math.max(0, delay)).unref()
  )
}

/**
 * Ends the override if it is still the one that expires then: removed from the SKU's state,
 * audited as expired, the SKU evaluated; the index entry goes once that is stored.
 */
export async function expire(deps: EngineDeps, expiry: Expiry) {
  const { skuId, channel, expiresAt } = expiry
  const now = deps.now()
  let ended: Override | null = null
  const updated = await skuStore(deps.docs).update(skuId, (state) => {
    const override = state.overrides[channel] ?? null

    ended = null
    if (override?.expiresAt !== expiresAt) return null
    if (overrideState(override, now.toISOString()) !== 'EXPIRED') return null
    ended = override
    const overrides = { ...state.overrides }

    delete overrides[channel]

    return { ...state, dirty: true, overrides }
  })

  if (updated && ended) {
    const override = ended as Override

    await deps.audit.append(
      overrideExpired({
        skuId,
        channel,
        productId: updated.productId,
        fromStatus: updated.decisions[channel]?.status ?? null,
        expiresAt,
        action: override.action,
        by: override.by,
      })
    )
    deps.log.info({ message: 'override-expire-done', skuId, channel })
    await evaluate(deps, skuId, { cause: 'SYSTEM' })
  } else if (Date.parse(expiresAt) > now.getTime()) {
    // Too early (another clock, or a timer that fired ahead): try again then.
    arm(deps, expiry)

    return
  }

  // Expired, replaced or cleared: the index no longer needs it (unless replaced meanwhile).
  await expiryStore(deps.docs).update((index) => {
    const key = keyOf(skuId, channel)

    if (index.entries[key]?.expiresAt !== expiresAt) return null
    const entries = { ...index.entries }

    delete entries[key]

    return { entries }
  })
}

/** The tick's part: expire what is due, arm timers for what expires before the next ticks. */
export async function expireDue(deps: EngineDeps) {
  const { value } = await expiryStore(deps.docs).read()

  deps.memory.get(TIMERS).armed = true
  const now = deps.now().getTime()
  let expired = 0

  for (const expiry of Object.values(value.entries)) {
    if (Date.parse(expiry.expiresAt) <= now) {
      expired += 1
      await expire(deps, expiry).catch((error) =>
        deps.log.warn({
          message: 'override-expire-failed',
          skuId: expiry.skuId,
          channel: expiry.channel,
          error: String(error),
        })
      )
    } else arm(deps, expiry)
  }

  return { expired }
}

/** Once per process and tenant (its first event): arm from the index, in the background. */
export function armExpiriesOnce(deps: EngineDeps) {
  const own = deps.memory.get(TIMERS)

  if (own.armed) return
  own.armed = true
  expireDue(deps).catch((error) => {
    own.armed = false
    deps.log.warn({ message: 'override-arm-failed', error: String(error) })
  })
}
