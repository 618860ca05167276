// Measures VTEX's clock from the `Date` header of its answers, per account, so the duplicate
// margin (services/evaluation/evaluate.ts) follows the skew between VTEX's DateModified and this worker's
// reads. Only the tightest bound of the last minutes is kept: a few numbers per account.
import type { InstanceOptions } from '@vtex/api'

import { behindBound, tightest } from '../domain/clock'
import { slot } from '../memory/tenantMemory'
import type { TenantMemory } from '../memory/tenantMemory'

/**
 * Samples are kept per 15 s slot, the last two slots: a bound is only true of its moment, so a
 * skew that grows shows within 30 s, while a slot's many answers (every evaluation reads the
 * catalog) bring its minimum near the true skew despite `Date`'s whole seconds. A measurement
 * older than STALE_MS is dropped (the margin goes back to its base).
 */
const SLOT_MS = 15_000
const SLOTS = 2
const STALE_MS = 10 * 60_000
/** `Date` has whole seconds; an answer's latency adds to a bound (a slow one resets safely). */
const DATE_RESOLUTION_MS = 1000
const LATENCY_SLACK_MS = 250

interface Slot {
  at: number
  min: number
}

export class AccountClock {
  private readonly slots: Slot[] = []

  /** Records an answer's `Date` header received at `receivedAt` (this worker's epoch ms). */
  public record(dateHeader: unknown, receivedAt: number) {
    if (typeof dateHeader !== 'string') return
    const bound = behindBound(dateHeader, receivedAt)

    if (bound === null) return
    const held = this.behindMs(receivedAt)

    // With a steady clock every bound lies within a second (plus latency) of the others: one
    // further out means VTEX's clock moved back, and older bounds no longer hold.
    if (held !== null && bound > held + DATE_RESOLUTION_MS + LATENCY_SLACK_MS)
      this.slots.length = 0
    const at = Math.floor(receivedAt / SLOT_MS) * SLOT_MS
    const last = this.slots[this.slots.length - 1]

    if (last?.at === at) last.min = Math.min(last.min, bound)
    else {
      this.slots.push({ at, min: bound })
      if (this.slots.length > SLOTS) this.slots.shift()
    }
  }

  /** How far VTEX's clock is behind at most (ms, negative when ahead), or null when unmeasured. */
  public behindMs(now: number): number | null {
    const current = Math.floor(now / SLOT_MS) * SLOT_MS
    const recent = this.slots.filter((s) => s.at >= current - SLOT_MS)
    const newest = this.slots[this.slots.length - 1]

    if (recent.length) return tightest(recent.map((s) => s.min))

    // Nothing in the last half-minute: the last measurement, while it is not stale.
    return newest && now - newest.at < STALE_MS ? newest.min : null
  }
}

/**
 * Per account, in the account's memory. Safe to lose: a dropped clock is
 * measured again from the account's next answers, and an unmeasured clock makes no claim.
 */
const CLOCK = slot('vtex-clock', () => new AccountClock())

export function clockOf(account: TenantMemory): AccountClock {
  return account.get(CLOCK)
}

/** Adds the measuring middleware to a client's options (answers from a cache are skipped). */
export function measuringClock(
  clock: AccountClock,
  options?: InstanceOptions
): InstanceOptions {
  return {
    ...options,
    middlewares: [
      ...(options?.middlewares ?? []),
      async (ctx, next) => {
        await next()
        if (ctx.cacheHit || ctx.memoizedHit || ctx.inflightHit) return
        clock.record(ctx.response?.headers?.date, Date.now())
      },
    ],
  }
}
