import type { EventRun } from './lib'
import {
  byApi,
  counters,
  deliver,
  measureEvents,
  median,
  resetCounters,
  round,
  sum,
} from './lib'
import { CONCURRENCY } from './params'
import type { Bench } from './system'
import { log } from './system'

/**
 * Throughput is a capacity: offered load rises until the worker is saturated. At 16 in flight the
 * worker's event loop still waits on round trips part of the time.
 */
const LEVELS = [CONCURRENCY, 32, 64]

/**
 * First evaluations: throughput as offered load rises (the capacity), what duplicates of an event
 * cost, and a product's SKUs arriving together.
 */
export async function eventsPhase(
  { emulator, worker, params }: Bench,
  ids: string[],
  reseed: () => Promise<void>
) {
  const byLevel = new Map<number, EventRun[]>()
  let cursor = 0
  const take = (n: number) => ids.slice(cursor, (cursor += n))

  for (const level of LEVELS) {
    const runs: EventRun[] = []

    byLevel.set(level, runs)
    for (let r = 0; r < params.eventRuns; r++) {
      const distinct = take(params.events)

      runs.push(await measureEvents(emulator, worker.current, distinct, level))
      log(
        `  events run ${r + 1}, ${level} in flight: ${round(
          runs[r].eventsPerSecond,
          1
        )}/s, ${round(runs[r].readsPerEvent)} reads/event`
      )
    }
  }

  const runs = byLevel.get(CONCURRENCY) as EventRun[]
  const levels = LEVELS.map((level) => {
    const at = byLevel.get(level) as EventRun[]
    const med = (f: (x: EventRun) => number) => median(at.map(f))

    return {
      concurrency: level,
      eventsPerSecond: round(
        med((x) => x.eventsPerSecond),
        1
      ),
      runs: at.map((x) => round(x.eventsPerSecond, 1)),
      p50Ms: round(
        med((x) => x.p50),
        1
      ),
      p99Ms: round(
        med((x) => x.p99),
        1
      ),
      callsPerEvent: round(med((x) => x.callsPerEvent)),
      cpuMsPerEvent: at.some((x) => x.cpuMsPerEvent === null)
        ? null
        : round(med((x) => x.cpuMsPerEvent as number)),
    }
  })

  // LEVELS starts at CONCURRENCY: the latencies reported are that level's.
  const [steady] = levels
  const capacity = levels.reduce((best, x) =>
    x.eventsPerSecond > best.eventsPerSecond ? x : best
  )

  const dupRuns: Array<{
    eventsPerSecond: number
    extraCallsPerDuplicate: number
    failed: number
  }> = []

  // Duplicates are measured on the same SKUs from the same starting state: the catalog is
  // reseeded and the worker restarted (its process memory cleared) before the stream without
  // duplicates and before the stream with them, so the difference is what the duplicates cost.
  for (let r = 0; r < params.runs; r++) {
    const distinct = take(Math.round(params.events * 0.7))
    const dups = Math.round(params.events * 0.3)
    const stream = [...distinct]

    // Each duplicate lands within a few positions of its original, as broadcaster bursts do.
    for (let d = 0; d < dups; d++) {
      const at = (d * 7919) % distinct.length
      const insertAt = Math.min(
        stream.length,
        stream.indexOf(distinct[at]) + 1 + (d % 5)
      )

      stream.splice(insertAt, 0, distinct[at])
    }

    const measure = async (events: string[]) => {
      await worker.restart()
      await resetCounters(emulator)
      const res = await deliver(worker.current, events, CONCURRENCY)

      return { res, total: sum(byApi(await counters(emulator)), 'all') }
    }

    await reseed()
    const alone = await measure(distinct)

    await reseed()
    const withDups = await measure(stream)

    dupRuns.push({
      eventsPerSecond: stream.length / (withDups.res.wallMs / 1000),
      extraCallsPerDuplicate: (withDups.total - alone.total) / dups,
      failed: withDups.res.failed + alone.res.failed,
    })
    log(
      `  duplicates run ${r + 1}: ${round(
        dupRuns[r].extraCallsPerDuplicate,
        3
      )} extra calls/duplicate`
    )
  }

  // VTEX notifies every SKU of a changed product: the SKUs of a product arrive together. Measured
  // from a fresh catalog and worker, in SKU id order (the generated catalog numbers a product's
  // SKUs consecutively), so siblings are in flight at the same time.
  await reseed()
  await worker.restart()
  await resetCounters(emulator)
  const inOrder = Array.from({ length: params.events }, (_, i) => String(i + 1))
  const burst = await deliver(worker.current, inOrder, CONCURRENCY)
  const burstCalls = byApi(await counters(emulator))

  log(
    `  siblings together: ${round(
      sum(burstCalls, 'all') / inOrder.length
    )} calls/event`
  )

  const m = (f: (x: EventRun) => number) => median(runs.map(f))

  return {
    runs: params.eventRuns,
    eventsPerRun: params.events,
    /** The capacity: the best median over the levels of events in flight. */
    eventsPerSecond: capacity.eventsPerSecond,
    capacityConcurrency: capacity.concurrency,
    /** Latencies and calls below are at this many events in flight. */
    concurrency: CONCURRENCY,
    atConcurrency: steady.eventsPerSecond,
    byConcurrency: levels,
    p50Ms: steady.p50Ms,
    p99Ms: steady.p99Ms,
    readsPerEvent: round(m((x) => x.readsPerEvent)),
    writesPerEvent: round(m((x) => x.writesPerEvent)),
    callsByApiPerEvent: Object.fromEntries(
      Object.entries(runs[0].calls).map(([api, c]) => [
        api,
        {
          reads: round(c.reads / params.events),
          writes: round(c.writes / params.events),
        },
      ])
    ),
    failedEvents: [...byLevel.values()]
      .flat()
      .reduce((a, x) => a + x.failed, 0),
    siblingsTogether: {
      events: inOrder.length,
      eventsPerSecond: round(inOrder.length / (burst.wallMs / 1000), 1),
      readsPerEvent: round(sum(burstCalls, 'reads') / inOrder.length),
      writesPerEvent: round(sum(burstCalls, 'writes') / inOrder.length),
      failed: burst.failed,
    },
    withDuplicates: {
      share: 0.3,
      eventsPerSecond: round(median(dupRuns.map((x) => x.eventsPerSecond)), 1),
      extraCallsPerDuplicate: round(
        median(dupRuns.map((x) => x.extraCallsPerDuplicate)),
        3
      ),
    },
  }
}
