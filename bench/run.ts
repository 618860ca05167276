/**
 * `npm run bench [-- --quick]`: the issue-6 figures against the real @vtex/api worker and the local
 * emulator (127.0.0.1 only). Prints a table and writes bench/results/latest.json (quick.json).
 * Each phase is a module; they run in this order because each leaves the catalog as the next
 * one expects it.
 */
import fs from 'fs'
import path from 'path'

import { startWorker } from '../tests/support/worker'
import { exposuresPhase } from './admin'
import { budgetPhase } from './budget'
import { eventsPhase } from './events'
import { latencyPhase } from './latency'
import { machine, root, speedProbeMs } from './lib'
import { paramsOf, UNLIMITED } from './params'
import { steadyPhase } from './steady'
import { csvExportPhase, fillCatalog, heapMb, sampledSweepPhase } from './scale'
import { sweepPhase } from './sweep'
import type { Bench, WorkerHolder } from './system'
import { appSettings, log, seed, shuffled, system } from './system'
import { tableRows } from './table'
import { targetsOf } from './targets'

const { quick, params: P } = paramsOf(process.argv)

// A heap flag given to the bench (NODE_OPTIONS=--max-old-space-size, for the rows a large run
// holds) is the bench's own: the workers it starts must not inherit it, since IO sizes a worker's
// heap from the service's memory and the sweeps' worker runs in a 256 MB cgroup.
delete process.env.NODE_OPTIONS

async function main() {
  const started = Date.now()
  const { emulator, port } = await system()
  // Before anything runs, and again at the end: how fast the machine was during this run.
  const probeBefore = speedProbeMs()

  log(
    `bench ${quick ? '--quick' : 'full'}: ${P.skus} SKUs × ${
      P.channels
    } channels${
      P.samples ? `, sweeps of samples of ${P.samples.join(' and ')} SKUs` : ''
    }`
  )
  await seed(emulator, P.skus, P.channels)
  const catalogHeapMb = heapMb()
  const ids = shuffled(Array.from({ length: P.skus }, (_, i) => String(i + 1)))

  // Unthrottled figures: the app's own per-API budget off (0 = no limit) and no emulator limit.
  await appSettings(emulator, UNLIMITED)
  const worker: WorkerHolder = {
    current: await startWorker(emulator.url, port),
    restart: async (options) => {
      await worker.current.stop()
      worker.current = await startWorker(emulator.url, port, {}, options)
    },
  }

  const bench: Bench = { emulator, port, params: P, worker, cleanups: [] }
  const reseed = async () => {
    await seed(emulator, P.skus, P.channels)
    await appSettings(emulator, UNLIMITED)
  }

  try {
    log('1. events')
    const events = await eventsPhase(bench, ids, reseed)

    log('2. sweep')
    const sampled = P.samples ? await sampledSweepPhase(bench) : null
    const sweep = sampled ? sampled.sweep : await sweepPhase(bench)
    // The SKUs with a state: the budget phase sweeps some of them again, as evaluated SKUs.
    const swept = P.samples ? P.samples[P.samples.length - 1] : P.skus
    const budgetIds = ids
      .filter((id) => Number(id) <= swept)
      .slice(0, P.budgetSkus)

    const steadyOn = async () => {
      log('5. events on evaluated SKUs')
      const out = await steadyPhase(
        emulator,
        worker.current,
        P.events,
        32,
        // The budget phase sweeps these next: their stock stays as the sweeps left it.
        new Set(budgetIds)
      )

      log(
        `  stock moved: ${out.kept.readsPerEvent} reads, ${out.kept.writesPerEvent} writes/event; stock gone: ${out.withdrawn.readsPerEvent} reads, ${out.withdrawn.writesPerEvent} writes/event`
      )

      return out
    }

    // Sampled: the everyday events on the sample's evaluated SKUs, then the whole catalog back
    // with rows for every SKU, so the admin's figures are at the full size.
    const sampledSteady = sampled ? await steadyOn() : null
    const rows = sampled ? await fillCatalog(bench) : null

    log('4. exposures query')
    const admin = await exposuresPhase(bench)
    const steady = sampledSteady ?? (await steadyOn())

    log('6. CSV export')
    const csv = await csvExportPhase(bench)

    await worker.current.stop()
    const budget = await budgetPhase(bench, budgetIds)

    log('3. channel latency')
    const latency = await latencyPhase(bench)

    const scale = {
      skus: P.skus,
      channels: P.channels,
      peakRssMb: sweep.peakRssMb,
      exposuresP95Ms: admin.p95Ms,
      docsPerSku: sweep.docs.docsPerSku,
      csvExportSeconds: csv.seconds,
      rowsSeeded: rows !== null,
      // Every data entity's documents per SKU after the first sweep, over `sweep.skus` SKUs.
      docsPerSkuByEntity: sweep.docs.byEntity,
      csv,
      benchHeapMb: {
        withCatalog: catalogHeapMb,
        ...(rows ? { withRows: rows.heapMb } : {}),
      },
      ...(rows ? { rows } : {}),
      ...(sampled ? { sample: sampled.sample } : {}),
    }

    const targets = targetsOf({
      events,
      sweep,
      budget,
      latency,
      admin,
      steady,
      scale,
    })

    const { mix, docs, ...sweepOut } = sweep
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
      scale,
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
    await worker.current.stop().catch(() => undefined)
    await emulator.close()
    bench.cleanups.forEach((cleanup) => cleanup())
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error?.stack ?? error}\n`)
    process.exit(1)
  }
)
