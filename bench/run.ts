/**
 * `npm run bench [-- --quick]`: the issue-6 figures against the real @vtex/api worker and the local
 * emulator (127.0.0.1 only). Prints a table and writes bench/results/latest.json.
 */
import fs from 'fs'
import path from 'path'

import { startEmulator } from '../emulator'
import { control, vtex } from '../tests/support/emulator'
import type { Worker, WorkerOptions } from '../tests/support/worker'
import { freePort, sendEvent, startWorker } from '../tests/support/worker'
import type { Counters, EventRun } from './lib'
import { steadyPhase } from './steady'
import { tableRows } from './table'
import {
  byApi,
  counters,
  deliver,
  gql,
  machine,
  median,
  memoryLimit,
  measureEvents,
  percentile,
  resetCounters,
  root,
  round,
  rssSampler,
  sleep,
  speedProbeMs,
  sum,
} from './lib'

const quick = process.argv.includes('--quick')
const skusArg = process.argv.indexOf('--skus')
const P = quick
  ? {
      skus: 5000,
      events: 300,
      runs: 2,
      eventRuns: 3,
      budgetSkus: 150,
      changes: 20,
      latencySkus: 2000,
      queries: 60,
    }
  : {
      skus: 100_000,
      events: 1500,
      runs: 3,
      // A run of 1,500 events takes seconds, and on this machine the fastest and slowest of a
      // level's runs can be 15 % apart: more of them steady the median at little cost.
      eventRuns: 5,
      budgetSkus: 1000,
      changes: 100,
      latencySkus: 5000,
      queries: 200,
    }

// `--skus N` overrides the catalog size (e.g. a mid-size run when a full sweep does not fit).
if (skusArg > 0) P.skus = Number(process.argv[skusArg + 1])

/** Events in flight for the latency figures and the duplicate runs (a steady burst). */
const CONCURRENCY = 16
/**
 * Throughput is a capacity: offered load rises until the worker is saturated. At 16 in flight the
 * worker's event loop still waits on round trips part of the time.
 */
const LEVELS = [CONCURRENCY, 32, 64]
const UNLIMITED = {
  totalRatePerSecond: 0,
  catalogRatePerSecond: 0,
  logisticsRatePerSecond: 0,
  pricingRatePerSecond: 0,
  storageRatePerSecond: 0,
}

const APP = 'marketplacea.marketplace-stock-gate'
/** Run at exit (the sweep's memory cgroup, once its worker is gone). */
const cleanups: Array<() => void> = []
const log = (line: string) => process.stdout.write(`${line}\n`)

async function system() {
  const port = await freePort()
  const emulator = await startEmulator({
    port: 0,
    serviceUrl: `http://127.0.0.1:${port}`,
    seed: 'none',
    quiet: true,
    eventsEnabled: false,
    // Request/response schema checks cost the emulator CPU that the worker needs on 2 cores.
    checkContracts: false,
    // A tick at a clock mark would start a sweep in the middle of a measurement.
    scheduler: 'manual',
  })

  return { emulator, port }
}

type Emu = Awaited<ReturnType<typeof system>>['emulator']

async function seed(emulator: Emu, skus: number) {
  await control(emulator, 'POST', '/reset', {
    seed: { kind: 'generated', skus, seed: 7 },
  })
  await control(emulator, 'POST', '/events', { enabled: false })
}

async function appSettings(emulator: Emu, settings: Record<string, unknown>) {
  const res = await vtex(
    emulator,
    'PUT',
    `/apps/v0/marketplacea/master/apps/${APP}/settings`,
    settings,
    'apps.aws-us-east-1.vtex.io'
  )

  if (res.status >= 300)
    throw new Error(`app settings: ${res.status} ${JSON.stringify(res.body)}`)
}

function shuffled<T>(items: T[], seedValue = 42) {
  let s = seedValue
  const random = () => {
    s = (s * 1103515245 + 12345) % 2 ** 31

    return s / 2 ** 31
  }

  const out = [...items]

  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))

    ;[out[i], out[j]] = [out[j], out[i]]
  }

  return out
}

interface WorkerHolder {
  current: Worker
  restart: (options?: WorkerOptions) => Promise<void>
}

async function eventsPhase(
  emulator: Emu,
  worker: WorkerHolder,
  ids: string[],
  reseed: () => Promise<void>
) {
  const byLevel = new Map<number, EventRun[]>()
  let cursor = 0
  const take = (n: number) => ids.slice(cursor, (cursor += n))

  for (const level of LEVELS) {
    const runs: EventRun[] = []

    byLevel.set(level, runs)
    for (let r = 0; r < P.eventRuns; r++) {
      const distinct = take(P.events)

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
  for (let r = 0; r < P.runs; r++) {
    const distinct = take(Math.round(P.events * 0.7))
    const dups = Math.round(P.events * 0.3)
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
  const inOrder = Array.from({ length: P.events }, (_, i) => String(i + 1))
  const burst = await deliver(worker.current, inOrder, CONCURRENCY)
  const burstCalls = byApi(await counters(emulator))

  log(
    `  siblings together: ${round(
      sum(burstCalls, 'all') / inOrder.length
    )} calls/event`
  )

  const m = (f: (x: EventRun) => number) => median(runs.map(f))

  return {
    runs: P.eventRuns,
    eventsPerRun: P.events,
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
          reads: round(c.reads / P.events),
          writes: round(c.writes / P.events),
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

async function startSweep(worker: Worker, scope: Record<string, unknown>) {
  for (let attempt = 0; ; attempt++) {
    try {
      const { startReconciliation } = await gql<{
        startReconciliation: { id: string }
      }>(
        worker,
        'mutation ($s: ReconciliationScopeInput!) { startReconciliation(scope: $s) { id } }',
        { s: scope }
      )

      return startReconciliation
    } catch (error) {
      // A run reads DONE a moment before it lets go of the account's sweep lock: a sweep
      // started right after the previous one can be refused for that moment.
      if (attempt >= 60 || !String(error).includes('SWEEP_ALREADY_RUNNING'))
        throw error
      await sleep(500)
    }
  }
}

async function runSweep(worker: Worker, scope: Record<string, unknown>) {
  const run = await startSweep(worker, scope)
  // From the accepted start: a refused attempt's wait is not the sweep's time.
  const started = Date.now()

  for (;;) {
    await sleep(1000)
    const { reconciliation: r } = await gql<{
      reconciliation: {
        state: string
        done: number
        total: number
        upstreamCallsPerSku: number | null
        errors: Array<{ code: string; count: number }>
      }
    }>(
      worker,
      'query ($id: ID) { reconciliation(id: $id) { state done total upstreamCallsPerSku errors { code count } } }',
      { id: run.id }
    )

    if (['DONE', 'FAILED', 'CANCELLED'].includes(r.state))
      return { ...r, wallMs: Date.now() - started }
  }
}

const readsOf = (c: Counters) => sum(byApi(c), 'reads')

/** One full sweep: its wall time, calls per SKU by API and the worker's peak RSS meanwhile. */
async function measureSweep(emulator: Emu, worker: Worker) {
  await resetCounters(emulator)
  const rss = rssSampler(worker)
  const full = await runSweep(worker, {}).catch((error) => ({
    state: `FAILED: ${String(error)}`,
    done: 0,
    total: 0,
    upstreamCallsPerSku: null,
    errors: [],
    wallMs: 0,
  }))

  const peakRssMb = rss.stop()
  const c = await counters(emulator)
  const calls = byApi(c)

  log(
    `  full sweep: ${full.state} ${full.done}/${full.total} in ${round(
      full.wallMs / 1000,
      1
    )} s, ${round(readsOf(c) / Math.max(1, full.total))} reads/SKU`
  )

  return {
    skus: full.total,
    state: full.state,
    wallSeconds: round(full.wallMs / 1000, 1),
    readsPerSku: round(readsOf(c) / Math.max(1, full.total)),
    writesPerSku: round(sum(calls, 'writes') / Math.max(1, full.total)),
    appCallsPerSku: full.upstreamCallsPerSku,
    errors: full.errors,
    peakRssMb,
    mix: calls,
  }
}

async function sweepPhase(emulator: Emu, holder: WorkerHolder) {
  // A fresh worker, in a cgroup with the service's memory where the machine allows it: the same
  // limit IO's container sets, so Node sizes its heap as it does there (and the kernel kills a
  // worker that goes over, which the run reports).
  const limit = memoryLimit()
  const cgroup = 'dir' in limit ? limit : null

  if (cgroup) cleanups.push(cgroup.remove)

  await holder.restart(cgroup ? { cgroup: cgroup.dir } : {})
  // The first full sweep after install (most SKUs have no state yet), then a later one (the
  // daily sweep: every SKU has a state to read).
  const first = await measureSweep(emulator, holder.current)
  const later = await measureSweep(emulator, holder.current)
  const memory = cgroup
    ? { limitMb: cgroup.limitMb, by: cgroup.kind, ...cgroup.usage() }
    : {
        limitMb: null,
        by: 'unavailable' in limit ? limit.unavailable : '',
        peakMb: null,
        oomKills: 0,
      }

  const { mix, ...laterOut } = later

  return {
    ...first,
    state: first.state === 'DONE' ? later.state : first.state,
    peakRssMb: Math.max(first.peakRssMb, later.peakRssMb),
    memory,
    later: { ...laterOut, callsByApi: mix },
  }
}

async function budgetPhase(emulator: Emu, port: number, ids: string[]) {
  const BUDGET = 100
  // The operator's budget as one number for every API (the app's total budget), the per-API
  // budgets off: the sweep spends it in whatever mix its SKUs need.
  const rates = {
    ...UNLIMITED,
    totalRatePerSecond: BUDGET,
  }

  await appSettings(emulator, rates)
  const worker = await startWorker(emulator.url, port)

  try {
    // The budget is read from the settings on an event; one event applies it to this process.
    await sendEvent(worker, { IdSku: ids[0] })
    await control(emulator, 'POST', '/ratelimit', {
      api: '*',
      perSecond: BUDGET,
    })
    const runs: Array<{
      skus: number
      calls: number
      wallSeconds: number
      floorSeconds: number
      ratio: number
      answered429: number
    }> = []

    // The same SKUs each time, every one with a state by now: each run makes the same calls.
    for (let r = 0; r < P.runs; r++) {
      await resetCounters(emulator)
      const run = await runSweep(worker, { skuIds: ids })
      const c = await counters(emulator)
      const limited = Object.entries(c.statuses)
        .filter(([k]) => k.endsWith(' 429'))
        .reduce((a, [, n]) => a + n, 0)

      const floorSeconds = c.total / BUDGET

      log(
        `  budget sweep ${r + 1}: ${run.done} SKUs, ${c.total} calls in ${round(
          run.wallMs / 1000,
          1
        )} s (floor ${round(floorSeconds, 1)} s)`
      )
      runs.push({
        skus: run.done,
        calls: c.total,
        wallSeconds: round(run.wallMs / 1000, 1),
        floorSeconds: round(floorSeconds, 1),
        ratio: round(run.wallMs / 1000 / floorSeconds),
        answered429: limited,
      })
    }

    // The median run (of an even count, the slower of the middle two), whole: its wall time,
    // floor and ratio belong together.
    const middle = [...runs].sort((a, b) => a.ratio - b.ratio)[
      Math.floor(runs.length / 2)
    ]

    return {
      budget: BUDGET,
      ...middle,
      runs: runs.map((x) => x.ratio),
      appRates: rates,
    }
  } finally {
    await control(emulator, 'DELETE', '/ratelimit')
    await appSettings(emulator, UNLIMITED)
    await worker.stop()
  }
}

async function exposuresPhase(worker: Worker) {
  const filters = [
    { channel: 'MKB', status: 'WITHHELD' },
    { channel: 'GGL', reason: 'NO_MARKETPLACE_STOCK' },
    { channel: 'MKB', status: 'EXPOSED', sellerId: 'sellera' },
    { channel: 'GGL', text: '12' },
  ]

  const times: number[] = []
  let total = 0
  // Keyset pages: each filter walks on from its last page (back to the first after 20).
  const cursors = filters.map(() => ({ after: null as string | null, page: 1 }))

  for (let i = 0; i < P.queries; i++) {
    const cursor = cursors[i % filters.length]
    const t0 = performance.now()
    const data = await gql<{
      exposures: { total: number; next: string | null }
    }>(
      worker,
      'query ($f: ExposureFilter, $a: String) { exposures(filter: $f, after: $a, pageSize: 50) { total next items { skuId status reasons available } } }',
      { f: filters[i % filters.length], a: cursor.after }
    )

    times.push(performance.now() - t0)
    total = Math.max(total, data.exposures.total)
    cursor.page += 1
    cursor.after =
      cursor.page > 20 || !data.exposures.next ? null : data.exposures.next
    if (!cursor.after) cursor.page = 1
  }

  return {
    queries: P.queries,
    p50Ms: round(median(times), 1),
    p95Ms: round(percentile(times, 95), 1),
    largestTotal: total,
  }
}

async function latencyPhase(emulator: Emu, port: number) {
  await seed(emulator, P.latencySkus)
  const worker = await startWorker(emulator.url, port)

  try {
    await runSweep(worker, {})
    await gql(
      worker,
      'mutation { saveSettings(input: { channels: [{ channel: "MKB", mode: ENFORCE }] }) { retentionDays } }'
    )
    await control(emulator, 'POST', '/events', {
      enabled: true,
      affiliatesEnabled: true,
    })
    // The switch to ENFORCE applies every pending association first; time changes only after it.
    for (let i = 0; i < 300; i++) {
      const { exposureSummary } = await gql<{
        exposureSummary: Array<{
          channel: { id: string }
          wouldExpose: number
          wouldWithdraw: number
        }>
      }>(
        worker,
        '{ exposureSummary { channel { id } wouldExpose wouldWithdraw } }'
      )

      const mkb = exposureSummary.find((c) => c.channel.id === 'MKB')

      if (mkb && mkb.wouldExpose + mkb.wouldWithdraw === 0) break
      await sleep(1000)
    }

    const { exposures } = await gql<{
      exposures: { items: Array<{ skuId: string; reasons: string[] }> }
    }>(
      worker,
      'query { exposures(filter: { channel: "MKB", reason: NO_MARKETPLACE_STOCK }, pageSize: 100) { items { skuId reasons } } }'
    )

    // Only SKUs whose product is off MKB's trade policy once ENFORCE has applied its backlog (so
    // no sibling is exposed there): VTEX (and the emulator) notifies an affiliate of stock changes
    // of products already on its policy by itself, and a product with an exposed sibling stays.
    const candidates: string[] = []

    for (const e of exposures.items.filter((x) => x.reasons.length === 1)) {
      const sku = (
        await vtex(
          emulator,
          'GET',
          `/api/catalog_system/pvt/sku/stockkeepingunitbyid/${e.skuId}`
        )
      ).body as { ProductId: number }

      const pol = (
        await vtex(
          emulator,
          'GET',
          `/api/catalog/pvt/product/${sku.ProductId}/salespolicy`
        )
      ).body as Array<{ StoreId: number }>

      if (!pol.some((p) => String(p.StoreId) === '2')) candidates.push(e.skuId)
    }

    const inbox = async () =>
      ((await control(emulator, 'GET', '/affiliates/MKB/inbox')).body as Array<{
        IdSku?: string | number
        HasStockKeepingUnitRemovedFromAffiliate?: boolean
      }>) ?? []

    const times: number[] = []
    let missed = 0

    // Stock in → the app associates the product → MKB is notified; stock out → the app dissociates
    // → MKB is told the SKU was removed. Each change is timed from the inventory write.
    for (let i = 0; i < P.changes; i++) {
      const skuId = candidates[Math.floor(i / 2) % candidates.length]
      const stockIn = i % 2 === 0
      const before = (await inbox()).length
      const t0 = performance.now()

      await vtex(
        emulator,
        'PUT',
        `/api/logistics/pvt/inventory/skus/${skuId}/warehouses/wh-a`,
        {
          quantity: stockIn ? 50 : 0,
          unlimitedQuantity: false,
          leadTime: '00:00:00',
        }
      )
      let seen = false

      while (performance.now() - t0 < 15_000) {
        const entries = (await inbox()).slice(before)

        if (
          entries.some(
            (e) =>
              String(e.IdSku) === skuId &&
              (stockIn || e.HasStockKeepingUnitRemovedFromAffiliate === true)
          )
        ) {
          seen = true
          break
        }

        await sleep(20)
      }

      if (seen) times.push(performance.now() - t0)
      else missed++
    }

    return {
      changes: P.changes,
      catalogSkus: P.latencySkus,
      candidates: candidates.length,
      medianMs: round(median(times), 0),
      p99Ms: round(percentile(times, 99), 0),
      missed,
    }
  } finally {
    await worker.stop()
  }
}

function verdict(ok: boolean, detail: string) {
  return `${ok ? 'PASS' : 'MISS'} (${detail})`
}

async function main() {
  const started = Date.now()
  const { emulator, port } = await system()
  // Before anything runs, and again at the end: how fast the machine was during this run.
  const probeBefore = speedProbeMs()

  log(`bench ${quick ? '--quick' : 'full'}: ${P.skus} SKUs × 2 channels`)
  await seed(emulator, P.skus)
  const ids = shuffled(Array.from({ length: P.skus }, (_, i) => String(i + 1)))

  // Unthrottled figures: the app's own per-API budget off (0 = no limit) and no emulator limit.
  await appSettings(emulator, UNLIMITED)
  let worker = await startWorker(emulator.url, port)
  const holder: WorkerHolder = {
    current: worker,
    restart: async (options) => {
      await holder.current.stop()
      holder.current = await startWorker(emulator.url, port, {}, options)
      worker = holder.current
    },
  }

  const reseed = async () => {
    await seed(emulator, P.skus)
    await appSettings(emulator, UNLIMITED)
  }

  try {
    log('1. events')
    const events = await eventsPhase(emulator, holder, ids, reseed)

    log('2. sweep')
    const sweep = await sweepPhase(emulator, holder)

    log('4. exposures query')
    const admin = await exposuresPhase(worker)

    log('5. events on evaluated SKUs')
    const steady = await steadyPhase(
      emulator,
      worker,
      P.events,
      32,
      // The budget phase sweeps these next: their stock stays as the sweeps left it.
      new Set(ids.slice(0, P.budgetSkus))
    )

    log(
      `  stock moved: ${steady.kept.readsPerEvent} reads, ${steady.kept.writesPerEvent} writes/event; stock gone: ${steady.withdrawn.readsPerEvent} reads, ${steady.withdrawn.writesPerEvent} writes/event`
    )

    await worker.stop()
    const budget = await budgetPhase(emulator, port, ids.slice(0, P.budgetSkus))

    log('3. channel latency')
    const latency = await latencyPhase(emulator, port)

    const targets = {
      eventsPerSecond: verdict(
        events.eventsPerSecond >= 250,
        `${events.eventsPerSecond}/s vs ≥ 250; ${round(
          (events.eventsPerSecond / 250) * 100,
          0
        )}%`
      ),
      readsPerEvent: verdict(
        events.readsPerEvent <= 4,
        `${events.readsPerEvent} vs ≤ 4`
      ),
      extraCallsPerDuplicate: verdict(
        events.withDuplicates.extraCallsPerDuplicate <= 0.05,
        `${events.withDuplicates.extraCallsPerDuplicate} vs ≤ 0.05`
      ),
      sweepReadsPerSku: verdict(
        Math.max(sweep.readsPerSku, sweep.later.readsPerSku) <= 2,
        `${sweep.readsPerSku} first, ${sweep.later.readsPerSku} later vs ≤ 2`
      ),
      budgetRatio: verdict(
        budget.ratio <= 1.15,
        `${budget.ratio} × floor vs ≤ 1.15`
      ),
      peakRss: verdict(
        sweep.state === 'DONE' &&
          sweep.memory.oomKills === 0 &&
          sweep.peakRssMb <= 256,
        `${sweep.peakRssMb} MB vs ≤ 256${
          sweep.memory.limitMb
            ? ` (in a ${sweep.memory.limitMb} MB ${sweep.memory.by}, ${sweep.memory.oomKills} OOM kills)`
            : ''
        }`
      ),
      channelLatency: verdict(
        latency.missed === 0 && latency.medianMs <= 2000,
        `median ${latency.medianMs} ms vs ≤ 2000, ${latency.missed} missed`
      ),
      exposuresP95: verdict(admin.p95Ms <= 300, `${admin.p95Ms} ms vs ≤ 300`),
    }

    const { mix, ...sweepOut } = sweep
    const result = {
      at: new Date().toISOString(),
      mode: quick ? 'quick' : 'full',
      machine: {
        ...machine(),
        speedProbeMs: { before: probeBefore, after: speedProbeMs() },
      },
      params: P,
      events,
      sweep: { ...sweepOut, callsByApi: mix },
      budget,
      latency,
      admin,
      steady,
      targets,
      benchSeconds: Math.round((Date.now() - started) / 1000),
    }

    const out = path.join(
      root,
      'bench',
      'results',
      quick ? 'quick.json' : 'latest.json'
    )

    fs.mkdirSync(path.dirname(out), { recursive: true })
    fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`)
    log('')
    log(
      `machine: ${result.machine.cpu}, ${result.machine.cores} cores, ${result.machine.memoryGb} GB, node ${result.machine.node}, @vtex/api ${result.machine.vtexApi}; speed probe ${result.machine.speedProbeMs.before} ms before, ${result.machine.speedProbeMs.after} ms after (lower is faster)`
    )
    for (const row of tableRows(result))
      log(
        `${row[0].padEnd(66)} ${row[1]}  [${row[2]}${
          row[3] ? `: ${targets[row[3] as keyof typeof targets]}` : ''
        }]`
      )
    log(`\nwritten to ${path.relative(root, out)} in ${result.benchSeconds} s`)
  } finally {
    await worker.stop().catch(() => undefined)
    worker = undefined as unknown as Worker
    await emulator.close()
    cleanups.forEach((cleanup) => cleanup())
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error?.stack ?? error}\n`)
    process.exit(1)
  }
)
