/** Fault injection, per-API token-bucket rate limits and per-endpoint request counters. */

export interface FaultSpec {
  match: string
  status?: number
  body?: unknown
  latencyMs?: number
  retryAfter?: number
  reset?: boolean
  times?: number
}

export interface Fault extends FaultSpec {
  id: number
  hits: number
  test: (subject: string) => boolean
}

/** `/regex/flags` is a regular expression; anything else is a glob (`*` = any text) on the whole subject. */
export function matcher(pattern: string): (subject: string) => boolean {
  const re = /^\/(.*)\/([a-z]*)$/.exec(pattern)

  if (re) {
    const regex = new RegExp(re[1], re[2])

    return (subject) => regex.test(subject)
  }

  const body = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*')

  const glob = new RegExp(`^${body}$`, 'i')

  return (subject) => glob.test(subject)
}

export class Faults {
  public faults: Fault[] = []
  private nextId = 1

  public add(spec: FaultSpec): Fault {
    const fault: Fault = {
      ...spec,
      id: this.nextId++,
      hits: 0,
      test: matcher(spec.match),
    }

    this.faults.push(fault)

    return fault
  }

  /** The first live fault matching any of the subjects; consumes one of its `times`. */
  public take(subjects: string[]): Fault | undefined {
    const fault = this.faults.find((f) => subjects.some((s) => f.test(s)))

    if (!fault) return undefined
    fault.hits += 1
    if (fault.times !== undefined && fault.hits >= fault.times) {
      this.faults = this.faults.filter((f) => f !== fault)
    }

    return fault
  }

  public list() {
    return this.faults.map(({ test, ...rest }) => rest)
  }

  public clear() {
    this.faults = []
  }
}

interface Bucket {
  perSecond: number
  tokens: number
  updated: number
}

export class RateLimits {
  private buckets = new Map<string, Bucket>()

  public set(api: string, perSecond: number) {
    if (!(perSecond > 0)) this.buckets.delete(api)
    else
      this.buckets.set(api, {
        perSecond,
        tokens: perSecond,
        updated: Date.now(),
      })
  }

  /**
   * Seconds to wait, or 0 when the request fits the budget. `*` is the account's budget over
   * every API but `identity`: VTEX ID and License Manager keep limits of their own, and IO's
   * `@auth` directive calls both on every GraphQL field with no retry, so lumping them into the
   * commerce APIs' budget would refuse an operator's page whenever a sweep spends the budget,
   * which VTEX does not do. A limit set on `identity` itself still applies.
   */
  public take(api: string, now = Date.now()): number {
    const bucket =
      this.buckets.get(api) ??
      (api === 'identity' ? undefined : this.buckets.get('*'))

    if (!bucket) return 0
    bucket.tokens = Math.min(
      bucket.perSecond,
      bucket.tokens + ((now - bucket.updated) / 1000) * bucket.perSecond
    )
    bucket.updated = now
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1

      return 0
    }

    return Math.max(1, Math.ceil((1 - bucket.tokens) / bucket.perSecond))
  }

  public list() {
    return Object.fromEntries(
      Array.from(this.buckets, ([api, b]) => [api, { perSecond: b.perSecond }])
    )
  }

  public clear() {
    this.buckets.clear()
  }
}

export class Counters {
  public endpoints = new Map<string, number>()
  public totals = new Map<string, number>()
  public statuses = new Map<string, number>()

  public count(api: string, key: string, status: number) {
    this.endpoints.set(key, (this.endpoints.get(key) ?? 0) + 1)
    this.totals.set(api, (this.totals.get(api) ?? 0) + 1)
    const statusKey = `${api} ${status}`

    this.statuses.set(statusKey, (this.statuses.get(statusKey) ?? 0) + 1)
  }

  public snapshot() {
    let total = 0

    for (const n of this.totals.values()) total += n

    return {
      endpoints: Object.fromEntries(this.endpoints),
      totals: Object.fromEntries(this.totals),
      statuses: Object.fromEntries(this.statuses),
      total,
    }
  }

  public reset() {
    this.endpoints.clear()
    this.totals.clear()
    this.statuses.clear()
  }
}
