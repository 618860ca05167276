/**
 * `npx tsx bench/table.ts [results.json]`: the README's benchmark table (markdown) from a bench
 * result, bench/results/latest.json by default, so README.md shows exactly what was measured.
 * `npm run bench` prints the same rows, so the console and the README never disagree.
 */
import fs from 'fs'
import path from 'path'

import { round } from './lib'
import { vtexReadsPerSku } from './targets'

type Calls = Record<string, { reads: number; writes: number }>

interface Sweep {
  skus: number
  readsPerSku: number
  writesPerSku: number
  wallSeconds: number
  peakRssMb: number
  callsByApi: Calls
  memory: { limitMb: number | null; by: string; oomKills: number }
  later: { readsPerSku: number; wallSeconds: number; callsByApi: Calls }
}

interface Level {
  concurrency: number
  eventsPerSecond: number
  p50Ms: number
  p99Ms: number
  /** Absent from results before it was measured, null where the machine has no /proc. */
  cpuMsPerEvent?: number | null
}

/** A row: figure, measured, target, and the key of its verdict in the result's `targets`. */
export type Row = [string, string, string, string?]

const VTEX = ['catalog', 'logistics', 'pricing']

/** "3.16 (VTEX 3.0, storage 0.16)" for one sweep's calls. */
function sweepReads(calls: Calls, skus: number, total: number) {
  const per = (api: string) => (calls[api]?.reads ?? 0) / skus
  const vtex = round(VTEX.reduce((sum, api) => sum + per(api), 0))

  return `${total} (VTEX ${vtex}, storage ${round(per('storage'))})`
}

interface SteadyGroup {
  events: number
  readsPerEvent: number
  writesPerEvent: number
  callsByApi: Calls
}

/** "4 / 3 (storage 1 / 2, …)": one group of events on evaluated SKUs. */
function steadyCalls(g: SteadyGroup) {
  const apis = Object.entries(g.callsByApi)
    .map(([api, c]) => [
      api,
      round(c.reads / g.events),
      round(c.writes / g.events),
    ])
    // A call or two in the whole group (the worker's settings) rounds to nothing per event.
    .filter(([, reads, writes]) => reads || writes)
    .map(([api, reads, writes]) => `${api} ${reads} / ${writes}`)

  return `${g.readsPerEvent} / ${g.writesPerEvent} (${apis.join(', ')}; ${
    g.events
  } events)`
}

interface Scale {
  skus: number
  channels: number
  docsPerSku: number
  csvExportSeconds: number
  rowsSeeded: boolean
  csv: {
    rows: number
    pages: number
    searches?: number
    searchesPer100Rows?: number
  }
  rows?: {
    rows: number
    total: number
    shapeChecked: boolean
    limitedBy: string | null
  }
  benchHeapMb: { withCatalog: number; withRows?: number }
  sample?: {
    sizes: number[]
    flatness: Record<string, number>
    perSku: Array<{
      skus: number
      first: { readsPerSku: number; writesPerSku: number }
    }>
    extrapolated: {
      skus: number
      firstWrites: number
      firstWallSeconds: number
      laterWallSeconds: number
    }
  }
}

/** The issue-20 figures; results from before them have no `scale`. */
function scaleRows(sweep: Sweep, scale: Scale | undefined): Row[] {
  if (!scale) return []
  const writes = (api: string) =>
    round((sweep.callsByApi[api]?.writes ?? 0) / sweep.skus)

  const { sample } = scale
  const sampled: Row[] = sample
    ? [
        [
          `sweeps sampled: per-SKU reads / writes of the first sweep at ${sample.sizes.join(
            ' and '
          )} SKUs (larger ÷ smaller)`,
          `${sample.perSku
            .map((x) => `${x.first.readsPerSku} / ${x.first.writesPerSku}`)
            .join(' and ')} (reads ${sample.flatness.firstReads} ×, writes ${
            sample.flatness.firstWrites
          } ×, later reads ${sample.flatness.laterReads} ×)`,
          'flat (≈ 1 ×)',
        ],
        [
          `full sweeps extrapolated to ${sample.extrapolated.skus} SKUs: first / later wall time, first sweep's writes`,
          `${sample.extrapolated.firstWallSeconds} s / ${sample.extrapolated.laterWallSeconds} s, ${sample.extrapolated.firstWrites} writes`,
          '',
        ],
      ]
    : []

  return [
    [
      'scale: catalog measured',
      `${scale.skus} SKUs × ${
        scale.channels
      } channels (bench heap with the catalog ${
        scale.benchHeapMb.withCatalog
      } MB${
        scale.benchHeapMb.withRows
          ? `, with the rows ${scale.benchHeapMb.withRows} MB`
          : ''
      })`,
      '',
    ],
    ...sampled,
    [
      'first full sweep after install: writes per SKU',
      `${sweep.writesPerSku} (Master Data ${writes(
        'masterdata'
      )}, VBase ${writes('storage')}; ${scale.channels} channels)`,
      '≤ 2, whatever the channels',
      'firstSweepWritesPerSku',
    ],
    [
      'Master Data documents per SKU after the first sweep',
      `${scale.docsPerSku} (${scale.channels} channels)`,
      '1',
      'docsPerSku',
    ],
    [
      'later full sweep: VTEX reads (catalog, logistics, pricing) per seller SKU',
      String(vtexReadsPerSku(sweep.later.callsByApi, sweep.skus)),
      '3 (kept)',
      'laterSweepVtexReadsPerSellerSku',
    ],
    [
      `admin's CSV export of ${scale.csv.rows} rows (exposures query, ${scale.csv.pages} pages)`,
      `${scale.csvExportSeconds} s${
        scale.csv.searches === undefined
          ? ''
          : `, ${scale.csv.searches} Master Data calls (${scale.csv.searchesPer100Rows} per 100 rows)`
      }${
        scale.rows
          ? ` (rows of ${scale.rows.total} seeded from the sweep's${
              scale.rows.limitedBy ? `, stopped: ${scale.rows.limitedBy}` : ''
            })`
          : ''
      }`,
      '',
    ],
  ]
}

/** Results from before the phase existed have no `steady`. */
function steadyRows(
  steady: { kept: SteadyGroup; withdrawn: SteadyGroup } | undefined
): Row[] {
  if (!steady) return []

  return [
    [
      'event on an evaluated SKU, stock moved, status kept: reads / writes per event',
      steadyCalls(steady.kept),
      '≤ 2 / ≤ 1',
      'steadyKept',
    ],
    [
      'event on an evaluated SKU, stock gone, withdrawn: reads / writes per event',
      steadyCalls(steady.withdrawn),
      '≤ 3 / ≤ 4',
      'steadyWithdrawn',
    ],
  ]
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function tableRows(r: any): Row[] {
  const { events: e, budget: b, latency: l, admin: a } = r
  const sweep = r.sweep as Sweep
  const perEvent = e.callsByApiPerEvent as Calls
  const levels = (e.byConcurrency ?? []) as Level[]
  const memory = sweep.memory.limitMb
    ? `in a ${sweep.memory.limitMb} MB ${sweep.memory.by}, ${sweep.memory.oomKills} OOM kills`
    : 'no memory limit'

  const probe = r.machine?.speedProbeMs as
    | { before: number; after: number }
    | undefined

  return [
    ...(probe
      ? [
          [
            "machine's speed probe before / after the run (fixed workload; lower is faster)",
            `${probe.before} ms / ${probe.after} ms`,
            '',
          ] as Row,
        ]
      : []),
    [
      'distinct events per second, one worker process (capacity)',
      levels.length
        ? `${e.eventsPerSecond} at ${e.capacityConcurrency} in flight (${levels
            .map((x) => `${x.concurrency}: ${x.eventsPerSecond}`)
            .join(', ')}; median of ${e.runs} runs × ${e.eventsPerRun})`
        : `${e.eventsPerSecond} (median of ${e.runs} runs × ${e.eventsPerRun})`,
      '≥ 250',
      'eventsPerSecond',
    ],
    ...(levels.some((x) => typeof x.cpuMsPerEvent === 'number')
      ? [
          [
            "worker's CPU per distinct event (what limits the capacity)",
            `${levels
              .map((x) => `${x.concurrency}: ${x.cpuMsPerEvent} ms`)
              .join(', ')} in flight`,
            '',
          ] as Row,
        ]
      : []),
    [
      `event received → decision stored, p50 / p99 (${e.concurrency} in flight)`,
      `${e.p50Ms} ms / ${e.p99Ms} ms${levels
        .filter((x) => x.concurrency !== e.concurrency)
        .map((x) => `; at ${x.concurrency}: ${x.p50Ms} / ${x.p99Ms}`)
        .join('')}`,
      '',
    ],
    [
      'upstream reads per distinct event (all channels)',
      `${e.readsPerEvent} (catalog ${perEvent.catalog.reads}, logistics ${perEvent.logistics.reads}, pricing ${perEvent.pricing.reads}, storage ${perEvent.storage.reads})`,
      '≤ 4',
      'readsPerEvent',
    ],
    [
      'writes per distinct event',
      `${e.writesPerEvent} (VBase ${perEvent.storage.writes}, Master Data ${perEvent.masterdata.writes})`,
      'only on a change',
    ],
    ...(e.siblingsTogether
      ? [
          [
            'every SKU of a product at once (SKU order): reads / writes per event',
            `${e.siblingsTogether.readsPerEvent} / ${e.siblingsTogether.writesPerEvent} (${e.siblingsTogether.events} events)`,
            '',
          ] as Row,
        ]
      : []),
    ...steadyRows(r.steady),
    [
      'extra calls per duplicate event (30 % duplicates)',
      String(e.withDuplicates.extraCallsPerDuplicate),
      '≤ 0.05',
      'extraCallsPerDuplicate',
    ],
    [
      'first full sweep after install: reads per SKU',
      sweepReads(sweep.callsByApi, sweep.skus, sweep.readsPerSku),
      '≤ 2',
      'sweepReadsPerSku',
    ],
    [
      'later full sweep (daily): reads per SKU',
      sweepReads(sweep.later.callsByApi, sweep.skus, sweep.later.readsPerSku),
      '≤ 2',
      'sweepReadsPerSku',
    ],
    [
      'full sweep wall time, unthrottled: first / later',
      `${sweep.wallSeconds} s / ${sweep.later.wallSeconds} s (${sweep.skus} SKUs)`,
      '',
    ],
    [
      'sweep under a 100 req/s budget vs the floor',
      `${b.wallSeconds} s / ${b.floorSeconds} s = ${b.ratio} ×${
        Array.isArray(b.runs)
          ? ` (median of ${b.runs.length} runs: ${b.runs.join(', ')})`
          : ''
      }`,
      '≤ 1.15 ×',
      'budgetRatio',
    ],
    [
      'worker peak RSS during the sweeps',
      `${sweep.peakRssMb} MB (${memory})`,
      '≤ 256 MB',
      'peakRss',
    ],
    [
      'inventory write → affiliate notified (ENFORCE), median / p99',
      `${l.medianMs} ms / ${l.p99Ms} ms (${l.missed} of ${l.changes} missed)`,
      'median ≤ 2 s',
      'channelLatency',
    ],
    [
      '`exposures` query p95 with the decisions stored',
      `${a.p95Ms} ms (${a.largestTotal} rows matched)`,
      '≤ 300 ms',
      'exposuresP95',
    ],
    ...scaleRows(sweep, r.scale),
  ]
}

/** The verdict word of a row ("PASS"/"MISS"), from the result's `targets`. */
export function verdictOf(targets: Record<string, string>, row: Row) {
  return row[3] ? (targets[row[3]] ?? '').split(' ')[0] : ''
}

export function markdown(rows: Row[], targets: Record<string, string>) {
  const cells = rows.map((row) => [
    row[0],
    row[1],
    [row[2], verdictOf(targets, row)].filter(Boolean).join(' '),
  ])

  const head = ['figure', 'measured', 'target']
  const widths = head.map((h, i) =>
    Math.max(h.length, ...cells.map((c) => c[i].length))
  )

  const line = (c: string[]) =>
    `| ${c.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`

  return [
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...cells.map(line),
  ].join('\n')
}

if (require.main === module) {
  const file = process.argv[2] ?? path.join(__dirname, 'results', 'latest.json')

  const result = JSON.parse(fs.readFileSync(file, 'utf8'))

  process.stdout.write(`${markdown(tableRows(result), result.targets)}\n`)
}
