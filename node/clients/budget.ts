import { slot } from '../memory/tenantMemory'
import type { TenantMemory } from '../memory/tenantMemory'

/**
 * The operator's API budget, per account and upstream API, shared by every call this worker
 * process makes for that account (events and sweeps alike). A token bucket with a priority queue: sweep calls (LOW) wait
 * while event calls (HIGH) are queued, so sweeps yield to events.
 *
 * Why per process: IO runs several replicas and workers, and there is no cheap shared counter;
 * the settings divide the account budget by the expected process count (see README).
 */
export type Priority = 'HIGH' | 'LOW'

interface Waiter {
  resolve: () => void
  priority: Priority
}

export class TokenBucket {
  private tokens: number
  private last: number
  private readonly queue: Waiter[] = []
  private timer: NodeJS.Timeout | null = null
  private pausedUntil = 0

  constructor(
    private ratePerSecond: number,
    private readonly now: () => number = Date.now
  ) {
    this.tokens = Math.max(1, ratePerSecond)
    this.last = now()
  }

  public setRate(ratePerSecond: number) {
    this.ratePerSecond = ratePerSecond
  }

  /** Stop handing out tokens until `until` (a 429's Retry-After applies to every caller). */
  public pause(until: number) {
    this.pausedUntil = Math.max(this.pausedUntil, until)
  }

  public acquire(priority: Priority = 'HIGH'): Promise<void> {
    if (this.ratePerSecond <= 0) return Promise.resolve()

    return new Promise((resolve) => {
      const waiter = { resolve, priority }

      if (priority === 'HIGH') {
        const firstLow = this.queue.findIndex((w) => w.priority === 'LOW')

        this.queue.splice(
          firstLow === -1 ? this.queue.length : firstLow,
          0,
          waiter
        )
      } else {
        this.queue.push(waiter)
      }

      this.drain()
    })
  }

  private refill() {
    const now = this.now()
    const burst = Math.max(1, this.ratePerSecond)

    this.tokens = Math.min(
      burst,
      this.tokens + ((now - this.last) / 1000) * this.ratePerSecond
    )
    this.last = now
  }

  private drain() {
    if (this.timer) return
    const now = this.now()

    if (now < this.pausedUntil) {
      this.schedule(this.pausedUntil - now)

      return
    }

    this.refill()
    while (this.queue.length > 0 && this.tokens >= 1) {
      this.tokens -= 1
      this.queue.shift()?.resolve()
    }

    if (this.queue.length > 0) {
      this.schedule(Math.ceil(((1 - this.tokens) / this.ratePerSecond) * 1000))
    }
  }

  private schedule(ms: number) {
    this.timer = setTimeout(() => {
      this.timer = null
      this.drain()
    }, Math.max(1, ms))
  }
}

export type UpstreamApi =
  | 'catalog'
  | 'logistics'
  | 'pricing'
  | 'storage'
  | 'identity'
  | 'other'

/** Requests per second per worker process; 0 = no limit. Overridden by the app's settings. */
const DEFAULT_RATES: Record<UpstreamApi, number> = {
  catalog: 50,
  logistics: 50,
  pricing: 50,
  storage: 300,
  identity: 0,
  other: 0,
}

/**
 * Every upstream call, whatever its API, also takes a token here: an operator's budget is often
 * one number for the account ("100 requests/s"), and per-API rates alone make the slowest API set
 * the pace of a sweep whose mix differs from the one the rates were split by. 0 = no total limit.
 */
export const TOTAL = 'total'

type BucketKey = UpstreamApi | typeof TOTAL

const DEFAULTS: Record<BucketKey, number> = { ...DEFAULT_RATES, total: 0 }
/**
 * Per account: VTEX's rate limits and the operator's budget are an account's, so one account's
 * 429 storm pauses only its own buckets. Safe to lose: a dropped account's buckets start again
 * full at the default rates until its settings are applied again (at most a minute), and queued
 * callers keep the bucket they wait on.
 */
const BUCKETS = slot('budget-buckets', () => new Map<BucketKey, TokenBucket>())

/** The account's bucket of an API, or of the total (0 = unlimited), in this process. */
export function bucketFor(account: TenantMemory, api: BucketKey): TokenBucket {
  const own = account.get(BUCKETS)
  let bucket = own.get(api)

  if (!bucket) {
    bucket = new TokenBucket(DEFAULTS[api])
    own.set(api, bucket)
  }

  return bucket
}

/** Takes a token of the call's API, then one of the total; both queues put events first. */
export async function acquireBudget(
  account: TenantMemory,
  api: UpstreamApi,
  priority: Priority
) {
  await bucketFor(account, api).acquire(priority)
  await bucketFor(account, TOTAL).acquire(priority)
}

export function configureBudget(
  account: TenantMemory,
  rates: Partial<Record<BucketKey, number>>
) {
  for (const [api, rate] of Object.entries(rates)) {
    if (typeof rate === 'number' && rate >= 0)
      bucketFor(account, api as BucketKey).setRate(rate)
  }
}
