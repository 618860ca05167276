/**
 * VTEX's storage refusing writes while stock changes: VBase (the SKU states, the source of
 * truth) or Master Data (the projection the admin and the ERROR sweep read). No decision is lost:
 * once the fault clears, every changed SKU is right within two minutes with no sweep; and when
 * the worker restarts before that (its retries gone), the SKUs show ERROR and the scheduled ERROR
 * sweep makes them right. Right means the decision in VBase, the projection row and, in ENFORCE,
 * the product's association with MKB's trade policy (2).
 */
import type { Emulator } from '../support/emulator'
import { control } from '../support/emulator'
import { startSystem, stopSystem } from '../support/system'
import type { Worker } from '../support/worker'
import { startWorker, waitFor } from '../support/worker'
import {
  finished,
  policies,
  setModes,
  startRun,
  SWEEP_ENV,
} from '../integration/reconcileSupport'
import { row, setStock, stored } from './support'

let emulator: Emulator
let worker: Worker

beforeAll(async () => {
  const system = await startSystem({ env: SWEEP_ENV })

  emulator = system.emulator
  worker = system.worker
  await setModes(worker, 'ENFORCE')
})

afterAll(() => stopSystem({ emulator, worker }))
afterEach(() => control(emulator, 'DELETE', '/faults'))

// Six products of the demo with one SKU each, sold by a third-party seller, stocked in wh-a.
const SKUS = ['2', '5', '11', '12', '18', '21']
const PRODUCTS = ['2', '4', '7', '8', '11', '13']
const VBASE_WRITES = 'PUT /vbase/*'
const MD_WRITES = '/^(PUT|POST|PATCH) \\/api\\/dataentities\\//'
const TWO_MINUTES = 120_000
const MARKS_WAIT_MS = 180_000

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const flush = () => control(emulator, 'POST', '/events/flush')

async function stockAll(quantity: number) {
  for (const sku of SKUS) {
    await setStock(emulator, sku, quantity)
  }

  await flush()
}

/** What every SKU and product looks like: [decision, row, on MKB's trade policy]. */
async function looks() {
  return Promise.all(
    SKUS.map(async (sku, i) => [
      sku,
      (await stored(worker, sku))?.status,
      (await row(worker, sku))?.status,
      (await policies(emulator, PRODUCTS[i])).includes('2'),
    ])
  )
}

const all = (status: string, onMkb: boolean) =>
  SKUS.map((sku) => [sku, status, status, onMkb])

async function right(status: string, onMkb: boolean, timeoutMs: number) {
  const want = JSON.stringify(all(status, onMkb))

  await waitFor(
    `every SKU ${status}`,
    async () => JSON.stringify(await looks()) === want,
    timeoutMs
  ).catch(() => undefined)
  expect(await looks()).toEqual(all(status, onMkb))
}

async function restart() {
  await worker.stop()
  worker = await startWorker(emulator.url, worker.port, SWEEP_ENV)
}

beforeEach(async () => {
  for (const sku of SKUS) {
    await setStock(emulator, sku, 0, 'wh-b')
  }

  await stockAll(10)
  await right('EXPOSED', true, 60_000)
})

describe.each([
  ['VBase', VBASE_WRITES, 500, 5_000],
  ['Master Data', MD_WRITES, 503, 15_000],
])(
  'given %s refusing writes while stock runs out',
  (_store, match, status, forMs) => {
    it(
      'should have every SKU right within two minutes of the fault clearing, with no sweep',
      async () => {
        await control(emulator, 'POST', '/faults', { match, status })
        const from = Date.now()

        await stockAll(0)
        await sleep(Math.max(0, from + forMs - Date.now()))
        await control(emulator, 'DELETE', '/faults')
        await right('WITHHELD', false, TWO_MINUTES)
      },
      TWO_MINUTES + 60_000
    )

    it(
      'should show the SKUs ERROR and have the ERROR sweep make them right after a restart',
      async () => {
        // Each SKU marked once (its later failures are covered by its retries).
        const marked = (from: number) =>
          new Set(
            worker.logs
              .slice(from)
              .filter((l) => l.includes('"settle-mark-done"'))
              .map((l) => /"skuId":"(\d+)"/.exec(l)?.[1])
          )

        const before = worker.logs.length

        await control(emulator, 'POST', '/faults', { match, status })
        await stockAll(0)
        // Each mark follows a refused write and the store's own retries; on a loaded CI machine
        // six of them took over a minute, so the wait is generous (it ends as soon as all are in).
        await waitFor(
          'the marks',
          async () => SKUS.every((sku) => marked(before).has(sku)),
          MARKS_WAIT_MS
        )
        // The worker goes before the fault does: what it kept in memory is gone.
        await restart()
        // Visible as not settled: where VBase refused, the rows say ERROR; where Master Data
        // refused, the SKU's detail (its state in VBase) does.
        const shown = await Promise.all(
          SKUS.map(async (sku) =>
            match === VBASE_WRITES
              ? (
                  await row(worker, sku)
                )?.status
              : (
                  await stored(worker, sku)
                )?.status
          )
        )

        expect(shown).toEqual(SKUS.map(() => 'ERROR'))
        await control(emulator, 'DELETE', '/faults')
        // The scheduled partial sweep's scope (reconcile/schedule.ts).
        const run = await finished(
          worker,
          (
            await startRun(worker, { statuses: ['ERROR', 'PENDING'] })
          ).id
        )

        expect(run.state).toBe('DONE')
        await right('WITHHELD', false, 5_000)
      },
      MARKS_WAIT_MS + 90_000
    )
  }
)
