/**
 * VTEX stamps a change's DateModified with its clock; the worker dates its reads with its own.
 * With VTEX's clock behind the worker's, a change made just after the worker read the SKU carries
 * a DateModified older than that read: its event must still be evaluated, not taken as a
 * duplicate of what the read saw.
 */
import type { Emulator } from '../support/emulator'
import { control } from '../support/emulator'
import { startSystem, stopSystem } from '../support/system'
import type { Worker } from '../support/worker'
import { policies, setModes } from '../integration/reconcileSupport'
import { fresh, row, setStock, stored } from './support'

let emulator: Emulator
let worker: Worker

beforeAll(async () => {
  const system = await startSystem()

  emulator = system.emulator
  worker = system.worker
})

afterAll(() => stopSystem({ emulator, worker }))

// A demo SKU with a third-party seller, a price and a stock row in wh-a: on MKB when stocked.
const SKU = '2'
const flush = () => control(emulator, 'POST', '/events/flush')

describe("given VTEX's clock 400 ms behind the worker's", () => {
  it('should expose a SKU whose stock arrives just after the worker read it empty', async () => {
    await setStock(emulator, SKU, 0)
    await flush()
    await control(emulator, 'POST', '/events', { clockOffsetMs: -400 })

    // The worker reads the SKU (no stock), then the stock arrives: its event is stamped 400 ms
    // back, before that read by the worker's clock, though the change came after it.
    expect((await fresh(worker, SKU))?.status).toBe('WITHHELD')
    await setStock(emulator, SKU, 40)
    await flush()

    expect(await stored(worker, SKU)).toMatchObject({
      status: 'EXPOSED',
      available: 40,
    })
  })
})

// Products 2, 4, 7, 8 and 11 of the demo have one SKU each, sold by a third-party seller.
const ONLY_SKUS = ['2', '5', '11', '12', '18']
const PRODUCTS = ['2', '4', '7', '8', '11']
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe("given VTEX's clock 2 s behind the worker's, in ENFORCE", () => {
  beforeAll(async () => {
    // VTEX's clock is steadily behind: every answer the worker gets carries it, and the worker
    // has had some (a skew that jumps shows only from the next answers on).
    await control(emulator, 'POST', '/events', { clockOffsetMs: -2000 })
    await setModes(worker, 'ENFORCE')
    for (const sku of ONLY_SKUS) {
      await fresh(worker, sku)
      await setStock(emulator, sku, 0, 'wh-b')
      await setStock(emulator, sku, 0)
    }

    await flush()
  })
  afterAll(async () => {
    await control(emulator, 'POST', '/events', { clockOffsetMs: 0 })
    await setModes(worker, 'OBSERVE')
  })

  it('should take stock-outs 1 s after a restock as changes, not duplicates', async () => {
    const restockedAt = Date.now()

    for (const sku of ONLY_SKUS) {
      await setStock(emulator, sku, 10)
    }

    await flush()
    expect(
      (await Promise.all(ONLY_SKUS.map((s) => stored(worker, s)))).map(
        (d) => d?.status
      )
    ).toEqual(ONLY_SKUS.map(() => 'EXPOSED'))

    // Stamped 1 s before the worker read the restock by its own clock: VTEX's 2 s behind.
    await sleep(Math.max(0, restockedAt + 1000 - Date.now()))
    for (const sku of ONLY_SKUS) {
      await setStock(emulator, sku, 0)
    }

    await flush()

    const withheld = { status: 'WITHHELD', available: 0 }

    for (const sku of ONLY_SKUS) {
      expect([sku, await stored(worker, sku)]).toEqual([
        sku,
        expect.objectContaining(withheld),
      ])
      expect([sku, await row(worker, sku)]).toEqual([
        sku,
        expect.objectContaining(withheld),
      ])
    }

    const onMkb = await Promise.all(PRODUCTS.map((p) => policies(emulator, p)))

    expect(onMkb.map((tp, i) => [PRODUCTS[i], tp.includes('2')])).toEqual(
      PRODUCTS.map((p) => [p, false])
    )
  })
})
