/**
 * An event reads what it says changed (issue 20), through the real worker and the emulator: a
 * stock event on an evaluated SKU reads the inventory and the SKU's state alone, so a wrong flag
 * (StockModified where the price changed) keeps the old price in the decision, and the next
 * sweep, which reads everything, corrects it.
 */
import { byApi, counters, resetCounters } from '../../bench/lib'
import type { Emulator } from '../support/emulator'
import { control, vtex } from '../support/emulator'
import { startSystem, stopSystem } from '../support/system'
import type { Worker } from '../support/worker'
import { graphql, sendEvent } from '../support/worker'
import { finished, startRun } from './reconcileSupport'

// The Pricing API lives on its own host.
const PRICING = 'api.vtex.com'

let emulator: Emulator
let worker: Worker

beforeAll(async () => {
  const system = await startSystem()

  emulator = system.emulator
  worker = system.worker
  // The test delivers the events, with the flags it chooses.
  await control(emulator, 'POST', '/events', { enabled: false })
})

afterAll(() => stopSystem({ emulator, worker }))

async function mkb(skuId: string) {
  const res = await graphql<{
    exposure: { status: string; reasons: string[] } | null
  }>(
    worker,
    'query ($s: ID!) { exposure(skuId: $s, channel: "MKB") { status reasons } }',
    { s: skuId }
  )

  return res.data?.exposure ?? null
}

// As VTEX sends it: every flag, the SKU's active state and when it changed (now: after the
// change the test just made, so that no earlier read can count as having seen it).
const vtexEvent = (flags: Record<string, boolean>) => ({
  IdSku: '1',
  An: 'marketplacea',
  DateModified: new Date().toISOString(),
  IsActive: true,
  StockModified: false,
  PriceModified: false,
  HasStockKeepingUnitModified: false,
  HasStockKeepingUnitRemovedFromAffiliate: false,
  ...flags,
})

describe('given SKU 1 stocked for trade policy 2 and evaluated', () => {
  describe('when its price is deleted but the event says only StockModified', () => {
    it('should read the inventory and state alone and keep the old price, and the next sweep should withhold it with NO_PRICE', async () => {
      await vtex(
        emulator,
        'PUT',
        '/api/logistics/pvt/inventory/skus/1/warehouses/wh-a',
        { quantity: 3, unlimitedQuantity: false, leadTime: '00:00:00' }
      )
      // No flag at all: the first evaluation reads everything and stores it.
      expect((await sendEvent(worker, { IdSku: '1' })).status).toBe(204)
      expect(await mkb('1')).toMatchObject({ status: 'EXPOSED' })

      expect(
        (
          await vtex(
            emulator,
            'DELETE',
            '/marketplacea/pricing/prices/1',
            undefined,
            PRICING
          )
        ).status
      ).toBeLessThan(300)
      await resetCounters(emulator)
      const res = await sendEvent(worker, vtexEvent({ StockModified: true }))

      expect(res.status).toBe(204)
      const calls = byApi(await counters(emulator))

      expect(calls.logistics).toEqual({ reads: 1, writes: 0 })
      expect(calls.catalog?.reads ?? 0).toBe(0)
      expect(calls.pricing?.reads ?? 0).toBe(0)
      // The wrong flag's cost: the decision still rests on the deleted price.
      expect(await mkb('1')).toMatchObject({ status: 'EXPOSED', reasons: [] })

      const run = await finished(worker, (await startRun(worker)).id)

      expect(run.state).toBe('DONE')
      expect(await mkb('1')).toEqual({
        status: 'WITHHELD',
        reasons: ['NO_PRICE'],
      })
    })
  })

  describe('when a price event comes after the price is back', () => {
    it('should read the price and the inventory (every event reads it), not the context, and expose it again', async () => {
      expect(
        (
          await vtex(
            emulator,
            'PUT',
            '/marketplacea/pricing/prices/1',
            { basePrice: 100, costPrice: 50 },
            PRICING
          )
        ).status
      ).toBeLessThan(300)
      await resetCounters(emulator)
      const res = await sendEvent(worker, vtexEvent({ PriceModified: true }))

      expect(res.status).toBe(204)
      const calls = byApi(await counters(emulator))

      expect(calls.pricing).toEqual({ reads: 1, writes: 0 })
      expect(calls.catalog?.reads ?? 0).toBe(0)
      expect(calls.logistics).toEqual({ reads: 1, writes: 0 })
      expect(await mkb('1')).toMatchObject({ status: 'EXPOSED', reasons: [] })
    })
  })
})
