/** Helpers for `npm run bench`: the system under test, counters, percentiles, RSS sampling. */
import { execFileSync } from 'child_process'
import fs from 'fs'
import os from 'os'
import path from 'path'

import type { Emulator } from '../tests/support/emulator'
import { control } from '../tests/support/emulator'
import type { Worker } from '../tests/support/worker'
import { graphql, sendEvent } from '../tests/support/worker'

export const root = path.resolve(__dirname, '..')

export const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d

export function machine() {
  const apiPkg = JSON.parse(
    fs.readFileSync(
      path.join(root, 'node', 'node_modules', '@vtex', 'api', 'package.json'),
      'utf8'
    )
  ) as { version: string }

  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    vtexApi: apiPkg.version,
    platform: `${os.platform()} ${os.release()}`,
  }
}

/**
 * CPU time (ms, user + system) a process has used so far, from /proc; null where there is no
 * /proc. What limits events per second is the worker's CPU per event: this is that figure's source.
 */
export function processCpuMs(pid: number | undefined): number | null {
  try {
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
    const fields = fs
      .readFileSync(`/proc/${pid}/stat`, 'utf8')
      .split(') ')[1]
      .split(' ')

    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100
  } catch {
    return null
  }
}

/**
 * How fast this machine's CPU is at the moment: the median time (ms) of a fixed single-thread
 * workload of JSON and object churn, the kind of work the worker's HTTP client does per call. A
 * shared machine's speed moves from one hour to the next; two runs' events per second compare
 * only next to their probes.
 */
export function speedProbeMs(): number {
  const doc = {
    Id: 1234,
    ProductId: 617,
    NameComplete: 'Camiseta Stock Gate Azul M',
    IsActive: true,
    SkuSellers: [
      { SellerId: 'sellera', SellerStockKeepingUnitId: '77', IsActive: true },
    ],
    SalesChannels: [1, 2, 3],
    headers: { accept: 'application/json', 'x-vtex-use-https': 'true' },
  }

  const times: number[] = []
  let checksum = 0

  for (let run = 0; run < 5; run++) {
    const t0 = performance.now()

    for (let i = 0; i < 20_000; i++) {
      const text = JSON.stringify({ ...doc, i, headers: { ...doc.headers } })

      checksum += (JSON.parse(text) as { i: number }).i + text.length
    }

    times.push(performance.now() - t0)
  }

  // The checksum keeps the loop from being optimised away.
  return checksum > 0 ? Math.round(median(times) * 10) / 10 : NaN
}

export function percentile(values: number[], p: number) {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const index = Math.min(
    sorted.length - 1,
    Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)
  )

  return sorted[index]
}

export function median(values: number[]) {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)

  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

export interface Counters {
  endpoints: Record<string, number>
  totals: Record<string, number>
  statuses: Record<string, number>
  total: number
}

export async function counters(emulator: Pick<Emulator, 'url'>) {
  return (await control(emulator, 'GET', '/counters')).body as Counters
}

export async function resetCounters(emulator: Pick<Emulator, 'url'>) {
  await control(emulator, 'POST', '/counters/reset')
}

/** Calls by API split into reads (GET/HEAD) and writes, leaving out the admin's identity checks. */
export function byApi(c: Counters) {
  const out: Record<string, { reads: number; writes: number }> = {}

  for (const [key, n] of Object.entries(c.endpoints)) {
    const [api, method] = key.split(' ')

    if (api === 'identity') continue
    out[api] = out[api] ?? { reads: 0, writes: 0 }
    const slot = out[api]

    if (method === 'GET' || method === 'HEAD') slot.reads += n
    else slot.writes += n
  }

  return out
}

export function sum(
  calls: Record<string, { reads: number; writes: number }>,
  kind: 'reads' | 'writes' | 'all'
) {
  return Object.values(calls).reduce(
    (acc, c) =>
      acc +
      (kind === 'all'
        ? c.reads + c.writes
        : kind === 'reads'
        ? c.reads
        : c.writes),
    0
  )
}

/** Peak RSS (MB) of the worker's process group, sampled every 250 ms until stopped. */
export function rssSampler(worker: Worker) {
  let peak = 0
  const timer = setInterval(() => {
    try {
      const out = execFileSync(
        'ps',
        ['-o', 'rss=', '-g', String(worker.child.pid)],
        {
          encoding: 'utf8',
        }
      )

      const rss =
        Math.max(...out.split('\n').filter(Boolean).map(Number)) / 1024

      peak = Math.max(peak, rss)
    } catch {
      // the process is gone
    }
  }, 250)

  return {
    stop() {
      clearInterval(timer)

      return Math.round(peak)
    },
  }
}

export async function gql<T>(
  worker: Worker,
  query: string,
  variables: Record<string, unknown> = {}
) {
  const res = await graphql<T>(worker, query, variables)

  if (res.errors || !res.data) throw new Error(JSON.stringify(res.errors))

  return res.data
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Runs `task` over `items` with at most `concurrency` in flight. */
export async function pool<T>(
  items: T[],
  concurrency: number,
  task: (item: T, index: number) => Promise<void>
) {
  let next = 0
  const lanes = Array.from({ length: concurrency }, async () => {
    while (next < items.length) {
      const index = next++

      await task(items[index], index)
    }
  })

  await Promise.all(lanes)
}

export interface MemoryLimit {
  dir: string
  limitMb: number
  kind: 'cgroup v1' | 'cgroup v2'
  /** The cgroup's own high-water mark (MB) and how often the kernel killed for memory. */
  usage(): { peakMb: number | null; oomKills: number }
  remove(): void
}

const readNumber = (file: string) => {
  try {
    return Number(fs.readFileSync(file, 'utf8').trim())
  } catch {
    return null
  }
}

/**
 * A memory cgroup limited to the service's `memory` (node/service.json), as IO's container is:
 * Node sizes its heap for that limit, and the kernel kills the worker if it goes over. Where this
 * machine does not let the bench create one (not root, no memory controller), says why not.
 */
export function memoryLimit(): MemoryLimit | { unavailable: string } {
  const { memory } = JSON.parse(
    fs.readFileSync(path.join(root, 'node', 'service.json'), 'utf8')
  ) as { memory: number }

  const bytes = String(memory * 2 ** 20)
  // One per call: a sampled run makes one per sample, and a removed one's name may linger.
  const name = `msg-bench-${process.pid}-${Date.now()}`
  const candidates = [
    {
      kind: 'cgroup v1',
      base: '/sys/fs/cgroup/memory',
      limit: 'memory.limit_in_bytes',
    },
    { kind: 'cgroup v2', base: '/sys/fs/cgroup', limit: 'memory.max' },
  ] as const

  for (const { kind, base, limit } of candidates) {
    const dir = path.join(base, name)

    try {
      if (
        !fs.existsSync(
          path.join(base, limit === 'memory.max' ? 'cgroup.controllers' : limit)
        )
      )
        continue
      fs.mkdirSync(dir)
      fs.writeFileSync(path.join(dir, limit), bytes)
    } catch {
      try {
        fs.rmdirSync(dir)
      } catch {
        // never created
      }

      continue
    }

    return {
      dir,
      limitMb: memory,
      kind,
      usage: () => {
        const peak =
          kind === 'cgroup v1'
            ? readNumber(path.join(dir, 'memory.max_usage_in_bytes'))
            : readNumber(path.join(dir, 'memory.peak'))

        let oomKills = 0

        try {
          const events = fs.readFileSync(
            path.join(
              dir,
              kind === 'cgroup v1' ? 'memory.oom_control' : 'memory.events'
            ),
            'utf8'
          )

          oomKills = Number(/oom_kill (\d+)/.exec(events)?.[1] ?? 0)
        } catch {
          // not reported by this kernel
        }

        return {
          peakMb: peak === null ? null : Math.round(peak / 2 ** 20),
          oomKills,
        }
      },
      remove: () => {
        try {
          fs.rmdirSync(dir)
        } catch {
          // a process is still in it; the kernel removes nothing, the next run uses a new name
        }
      },
    }
  }

  return {
    unavailable: `no writable memory cgroup (the worker runs without the ${memory} MB limit)`,
  }
}

/**
 * Delivers one `broadcaster.notification` per SKU of `stream`, `concurrency` at a time, and times
 * each from sent to answered (the worker answers once the decision is stored).
 */
export async function deliver(
  worker: Worker,
  stream: string[],
  concurrency: number
) {
  const latencies: number[] = []
  const started = Date.now()
  // As VTEX sends them: every delivery of one change carries that change's DateModified.
  const changedAt = new Date(started - 1000).toISOString()
  let failed = 0

  await pool(stream, concurrency, async (skuId) => {
    const t0 = performance.now()
    // The whole payload, as the broadcaster sends it for a stock change: a payload without
    // `IsActive` reads everything, so a partial one would measure the fallback, not events.
    const res = await sendEvent(worker, {
      IdSku: skuId,
      An: 'marketplacea',
      DateModified: changedAt,
      IsActive: true,
      StockModified: true,
      PriceModified: false,
      HasStockKeepingUnitModified: false,
      HasStockKeepingUnitRemovedFromAffiliate: false,
    })

    await res.arrayBuffer()
    if (res.status !== 204) failed++
    latencies.push(performance.now() - t0)
  })

  return { wallMs: Date.now() - started, latencies, failed }
}

export interface EventRun {
  eventsPerSecond: number
  p50: number
  p99: number
  readsPerEvent: number
  writesPerEvent: number
  callsPerEvent: number
  /** The worker's CPU time per event (ms), from /proc; null where there is none. */
  cpuMsPerEvent: number | null
  failed: number
  calls: ReturnType<typeof byApi>
}

/**
 * Delivers one event per SKU of `skuIds` and reads what they cost: calls from the emulator's
 * counters (reset first), CPU from the worker's /proc.
 */
export async function measureEvents(
  emulator: Pick<Emulator, 'url'>,
  worker: Worker,
  skuIds: string[],
  concurrency: number
): Promise<EventRun> {
  await resetCounters(emulator)
  const cpuBefore = processCpuMs(worker.child.pid)
  const res = await deliver(worker, skuIds, concurrency)
  const cpuAfter = processCpuMs(worker.child.pid)
  const calls = byApi(await counters(emulator))
  const perEvent = (n: number) => n / skuIds.length

  return {
    eventsPerSecond: skuIds.length / (res.wallMs / 1000),
    p50: percentile(res.latencies, 50),
    p99: percentile(res.latencies, 99),
    readsPerEvent: perEvent(sum(calls, 'reads')),
    writesPerEvent: perEvent(sum(calls, 'writes')),
    callsPerEvent: perEvent(sum(calls, 'all')),
    cpuMsPerEvent:
      cpuBefore === null || cpuAfter === null
        ? null
        : perEvent(cpuAfter - cpuBefore),
    failed: res.failed,
    calls,
  }
}
