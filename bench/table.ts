/**
 * `npx tsx bench/table.ts [results.json]`: the README's benchmark table (markdown) from a bench
 * result, bench/results/latest.json by default, so README.md shows exactly what was measured.
 */
import fs from 'fs'
import path from 'path'

type Calls = Record<string, { reads: number; writes: number }>

interface Sweep {
  skus: number
  readsPerSku: number
  wallSeconds: number
  peakRssMb: number
  callsByApi: Calls
  memory: { limitMb: number | null; by: string; oomKills: number }
  later: { readsPerSku: number; wallSeconds: number; callsByApi: Calls }
}

const file = process.argv[2] ?? path.join(__dirname, 'results', 'latest.json')

const r = JSON.parse(fs.readFileSync(file, 'utf8'))
const { events: e, budget: b, latency: l, admin: a } = r
const sweep = r.sweep as Sweep
const perEvent = e.callsByApiPerEvent as Calls
const VTEX = ['catalog', 'logistics', 'pricing']
const round = (n: number) => Math.round(n * 100) / 100

/** "3.16 (VTEX 3.0, storage 0.16)" for one sweep's calls. */
function sweepReads(calls: Calls, skus: number, total: number) {
  const per = (api: string) => (calls[api]?.reads ?? 0) / skus
  const vtex = round(VTEX.reduce((sum, api) => sum + per(api), 0))

  return `${total} (VTEX ${vtex}, storage ${round(per('storage'))})`
}

const memory = sweep.memory.limitMb
  ? `in a ${sweep.memory.limitMb} MB ${sweep.memory.by}, ${sweep.memory.oomKills} OOM kills`
  : 'no memory limit'

const rows: Array<[string, string, string]> = [
  [
    'distinct events per second, one worker process',
    `${e.eventsPerSecond} (median of ${e.runs} runs × ${e.eventsPerRun})`,
    '≥ 250',
  ],
  [
    'event received → decision stored, p50 / p99',
    `${e.p50Ms} ms / ${e.p99Ms} ms`,
    '',
  ],
  [
    'upstream reads per distinct event (all channels)',
    `${e.readsPerEvent} (catalog ${perEvent.catalog.reads}, logistics ${perEvent.logistics.reads}, pricing ${perEvent.pricing.reads}, storage ${perEvent.storage.reads})`,
    '≤ 4',
  ],
  [
    'writes per distinct event',
    `${e.writesPerEvent} (VBase ${perEvent.storage.writes}, Master Data ${perEvent.masterdata.writes})`,
    'only on a change',
  ],
  [
    'extra calls per duplicate event (30 % duplicates)',
    String(e.withDuplicates.extraCallsPerDuplicate),
    '≤ 0.05',
  ],
  [
    'first full sweep after install: reads per SKU',
    sweepReads(sweep.callsByApi, sweep.skus, sweep.readsPerSku),
    '≤ 2',
  ],
  [
    'later full sweep (daily): reads per SKU',
    sweepReads(sweep.later.callsByApi, sweep.skus, sweep.later.readsPerSku),
    '≤ 2',
  ],
  [
    'full sweep wall time, unthrottled: first / later',
    `${sweep.wallSeconds} s / ${sweep.later.wallSeconds} s (${sweep.skus} SKUs)`,
    '',
  ],
  [
    'sweep under a 100 req/s budget vs the floor',
    `${b.wallSeconds} s / ${b.floorSeconds} s = ${b.ratio} ×`,
    '≤ 1.15 ×',
  ],
  [
    'worker peak RSS during the sweeps',
    `${sweep.peakRssMb} MB (${memory})`,
    '≤ 256 MB',
  ],
  [
    'inventory write → affiliate notified (ENFORCE), median / p99',
    `${l.medianMs} ms / ${l.p99Ms} ms (${l.missed} of ${l.changes} missed)`,
    'median ≤ 2 s',
  ],
  [
    '`exposures` query p95 with the decisions stored',
    `${a.p95Ms} ms (${a.largestTotal} rows matched)`,
    '≤ 300 ms',
  ],
]

const widths = [0, 1, 2].map((i) =>
  Math.max(
    ...[['figure', 'measured', 'target'][i], ...rows.map((row) => row[i])].map(
      (s) => s.length
    )
  )
)

const line = (cells: string[]) =>
  `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`

process.stdout.write(
  `${[
    line(['figure', 'measured', 'target']),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ].join('\n')}\n`
)
