// Records each channel's daily point on the scheduler's tick: the first tick of a UTC day counts
// what the overview shows and writes it; every later tick that day writes nothing.
import { compareAndSwap } from '../../clients/stateDocs'
import { dayOf, hasDay, withPoint } from '../../domain/trends'
import type { TrendDoc, TrendPoint } from '../../domain/trends'
import { slot } from '../../memory/tenantMemory'
import type { EngineDeps } from '../shared/deps'
import { channels, readSettings } from '../shared/reference'
import { firstSweep } from '../reconcile/runs'
import { channelCounts, medianLatencySeconds } from '../operator/summary'
import { trendStore } from '../shared/stores/trends'

type Deps = Pick<
  EngineDeps,
  | 'docs'
  | 'projection'
  | 'audit'
  | 'now'
  | 'log'
  | 'memory'
  | 'affiliates'
  | 'tenant'
>

/**
 * The day this process last saw each channel's point stored, and whether a recording is running.
 * Safe to lose: it only spares the tick's read of a document already holding today's point.
 */
const RECORDED = slot('trends-recorded', () => ({
  days: new Map<string, string>(),
  running: false,
}))

async function pointOf(
  deps: Deps,
  channel: string,
  day: string
): Promise<TrendPoint> {
  const [counts, latency] = await Promise.all([
    channelCounts(deps, channel),
    medianLatencySeconds(deps, channel),
  ])

  const of = (status: string) =>
    counts.byStatus.find((s) => s.status === status)?.count ?? 0

  return {
    day,
    total: counts.total,
    exposed: of('EXPOSED'),
    withheld: of('WITHHELD'),
    byReason: Object.fromEntries(
      counts.byReason.map((r) => [r.reason, r.count])
    ),
    medianLatencySeconds: latency,
  }
}

/**
 * Adds today's point to each channel that lacks one, once a full sweep has finished (before: the
 * runs' index, every tick). Per channel and day, at most: one read,
 * the overview's counts, and one conditional write; a tick that finds the point (in this
 * process's memory, or in the document) counts and writes nothing. When two workers race, the
 * write made over a stale ETag fails and is dropped: the other one stored the day.
 */
export async function recordTrends(deps: Deps) {
  const now = deps.now()
  const day = dayOf(now)
  const own = deps.memory.get(RECORDED)
  const list = await channels(deps)
  const due = list.filter((c) => own.days.get(c.id) !== day)
  const recorded: string[] = []

  if (due.length === 0) return { recorded }
  // Until a full sweep has finished, the counts cover only the SKUs decided so far (the overview
  // says so): a point of them would read as a fall to zero on the install's day.
  if (!(await firstSweep(deps)).done) return { recorded }
  const { retentionDays } = await readSettings(deps)
  const store = trendStore(deps.docs)

  // One channel after the other: background work sharing the events' API budget.
  for (const channel of due) {
    // One attempt, not the store's `update`: the change is asynchronous (the point costs the
    // overview's counts), and a refused write means another worker stored the day, so a retry
    // would only cost a read to find it there.
    const stored = await compareAndSwap<TrendDoc, boolean>({
      read: () => store.read(channel.id),
      write: (next, etag) => store.write(channel.id, next, etag),
      attempts: 1,
      exhausted: () => false,
      decide: async ({ value }) => {
        if (hasDay(value, day)) return { kind: 'done', answer: false }
        const point = await pointOf(deps, channel.id, day)
        const next = withPoint(value, point, now, retentionDays)

        return next
          ? { kind: 'write', value: next, written: () => true }
          : { kind: 'done', answer: true }
      },
    })

    if (stored) recorded.push(channel.id)
    own.days.set(channel.id, day)
  }

  if (recorded.length > 0)
    deps.log.info({ message: 'trends-record-done', day, channels: recorded })

  return { recorded }
}

/** One recording at a time per tenant in this process; the tick does not wait for it. */
export function recordTrendsInBackground(deps: Deps) {
  const own = deps.memory.get(RECORDED)

  if (own.running) return
  own.running = true
  recordTrends(deps)
    .catch((error) =>
      deps.log.warn({ message: 'trends-record-failed', error: String(error) })
    )
    .finally(() => {
      own.running = false
    })
}
