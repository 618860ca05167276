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
import { fresh, setStock, stored } from './support'

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
