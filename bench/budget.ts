import { control } from '../tests/support/emulator'
import { sendEvent, startWorker } from '../tests/support/worker'
import { counters, resetCounters, round } from './lib'
import { UNLIMITED } from './params'
import { runSweep } from './sweeps'
import type { Bench } from './system'
import { appSettings, log } from './system'

/** Sweeps of the same SKUs under one total budget: how close they come to its floor. */
export async function budgetPhase(
  { emulator, port, params }: Bench,
  ids: string[]
) {
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
    for (let r = 0; r < params.runs; r++) {
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
