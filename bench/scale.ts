/**
 * The issue-20 scale figures: the admin's CSV export at size and, where a full first sweep does
 * not fit in a session, sweeps of two smaller catalogs whose per-SKU cost, if flat, extrapolates.
 */
import fs from 'fs'
import path from 'path'
import v8 from 'v8'

import { control } from '../tests/support/emulator'
import type { docsPerSku } from './rows'
import { seedRows } from './rows'
import { counters, gql, resetCounters, round, root } from './lib'
import { UNLIMITED } from './params'
import { sweepPhase } from './sweep'
import type { Bench } from './system'
import { appSettings, log, seed } from './system'

/** The admin's own export query (react/admin/exposures), so the bench pays what it pays. */
const CSV_QUERY = fs.readFileSync(
  path.join(root, 'react', 'admin', 'exposures', 'graphql', 'exposuresCsv.gql'),
  'utf8'
)

/** What useCsvExport asks for a page (the server serves at most 100). */
const CSV_PAGE_SIZE = 500
const CSV_ROWS = 100_000

/**
 * The exposures CSV export as the admin runs it (useCsvExport.ts): the unfiltered list, one
 * channel after the other, each paged by its keyset cursors without counting again
 * (`countAll: false`), until 100,000 rows or the end, through the worker. Building the file is
 * the browser's work and is left out. `searches` is what it cost the operator's budget in
 * Master Data calls (the emulator's counters; the admin's identity checks are not Master Data).
 */
export async function csvExportPhase({ emulator, worker }: Bench) {
  const { channels } = await gql<{ channels: Array<{ id: string }> }>(
    worker.current,
    '{ channels { id } }'
  )

  await resetCounters(emulator)
  const started = performance.now()
  let rows = 0
  let pages = 0

  for (const { id } of channels) {
    let after: string | null = null

    while (rows < CSV_ROWS) {
      const {
        exposures,
      }: { exposures: { items: unknown[]; next: string | null } } = await gql(
        worker.current,
        CSV_QUERY,
        {
          filter: { channel: id },
          after,
          pageSize: CSV_PAGE_SIZE,
          countAll: false,
        }
      )

      rows += exposures.items.length
      pages += 1
      if (!exposures.items.length || !exposures.next) break
      after = exposures.next
    }

    if (rows >= CSV_ROWS) break
  }

  const seconds = round((performance.now() - started) / 1000, 1)
  const searches = (await counters(emulator)).totals.masterdata ?? 0

  log(
    `  CSV export: ${rows} rows in ${pages} pages, ${searches} Master Data calls, ${seconds} s`
  )

  return {
    rows,
    pages,
    seconds,
    searches,
    searchesPer100Rows: round((searches / Math.max(1, rows)) * 100, 2),
    by: 'exposures query, one channel at a time, keyset pages',
  }
}

type SweepFigures = Awaited<ReturnType<typeof sweepPhase>>

const perSkuOf = (s: SweepFigures) => ({
  skus: s.skus,
  first: {
    readsPerSku: s.readsPerSku,
    writesPerSku: s.writesPerSku,
    secondsPerKSku: round((s.wallSeconds / Math.max(1, s.skus)) * 1000, 2),
  },
  later: {
    readsPerSku: s.later.readsPerSku,
    writesPerSku: s.later.writesPerSku,
    secondsPerKSku: round(
      (s.later.wallSeconds / Math.max(1, s.skus)) * 1000,
      2
    ),
  },
})

/** Larger ÷ smaller: 1 is flat, the condition for extrapolating. */
const ratio = (big: number, small: number) =>
  small === 0 ? (big === 0 ? 1 : Infinity) : round(big / small, 3)

/**
 * Full sweeps (first after install, then a later one) of catalogs of each sample size, each a new
 * world: the first `n` SKUs of the full catalog. Two catalogs rather than SKU-list sweeps of one:
 * a list is refused past 10,000 SKUs, skips the bulk trade-policy read a full sweep makes, and
 * after the first list the app no longer guesses "first sweep", so each list would cost more
 * than the full sweep it stands for. Leaves the largest sample's world and rows in place.
 */
export async function sampledSweepPhase(bench: Bench) {
  const { emulator, params } = bench
  const sizes = params.samples ?? []
  const runs: Array<{
    sweep: SweepFigures
    docs: ReturnType<typeof docsPerSku>
  }> = []

  for (const size of sizes) {
    log(`  sample of ${size} SKUs × ${params.channels} channels`)
    await seed(emulator, size, params.channels)
    await appSettings(emulator, UNLIMITED)
    const sweep = await sweepPhase(bench)

    runs.push({ sweep, docs: sweep.docs })
  }

  const [small, large] = runs.map((r) => perSkuOf(r.sweep))
  const flatness = {
    firstReads: ratio(large.first.readsPerSku, small.first.readsPerSku),
    firstWrites: ratio(large.first.writesPerSku, small.first.writesPerSku),
    laterReads: ratio(large.later.readsPerSku, small.later.readsPerSku),
    firstSeconds: ratio(large.first.secondsPerKSku, small.first.secondsPerKSku),
  }

  const full = params.skus
  const last = runs[runs.length - 1].sweep

  return {
    // The worker's peak over every sample's sweeps, as a full run's is over its two.
    sweep: {
      ...last,
      peakRssMb: Math.max(...runs.map((r) => r.sweep.peakRssMb)),
    },
    sample: {
      sizes,
      perSku: [small, large],
      flatness,
      // The per-SKU figures of the largest sample, times the catalog.
      extrapolated: {
        skus: full,
        firstReads: Math.round(large.first.readsPerSku * full),
        firstWrites: Math.round(large.first.writesPerSku * full),
        firstWallSeconds: Math.round(
          (large.first.secondsPerKSku * full) / 1000
        ),
        laterReads: Math.round(large.later.readsPerSku * full),
        laterWallSeconds: Math.round(
          (large.later.secondsPerKSku * full) / 1000
        ),
      },
    },
  }
}

/** The bench process's heap (MB), which holds the emulator's whole account. */
export const heapMb = () => Math.round(process.memoryUsage().heapUsed / 2 ** 20)

/**
 * After sampled sweeps: the whole catalog back (storage kept: the sample's states and rows), and
 * every SKU's projection documents (its rows on every channel) cloned from those the worker wrote
 * (rows.ts), so the admin's queries run over as many rows as a full sweep would leave. Stops short of the heap's
 * limit (raise it with NODE_OPTIONS=--max-old-space-size) and says so.
 */
export async function fillCatalog({ emulator, params }: Bench) {
  await control(emulator, 'POST', '/seed', {
    kind: 'generated',
    skus: params.skus,
    seed: 7,
    channels: params.channels,
  })
  const limitMb = Math.round(
    (v8.getHeapStatistics().heap_size_limit / 2 ** 20) * 0.85
  )

  const started = Date.now()
  const rows = seedRows(emulator, params.skus, limitMb)

  log(
    `  rows seeded: ${rows.rows} (${rows.total} in all) in ${round(
      (Date.now() - started) / 1000,
      1
    )} s, shape checked: ${rows.shapeChecked}${
      rows.limitedBy ? `; stopped: ${rows.limitedBy}` : ''
    }; heap ${heapMb()} MB`
  )

  return { ...rows, heapMb: heapMb() }
}
