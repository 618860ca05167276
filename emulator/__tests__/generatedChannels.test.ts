import { createHash } from 'crypto'

import type { Emulator } from '../index'
import { snapshot } from '../world/persistence'
import { State } from '../world/state'
import { seedGenerated } from '../seed/seedGenerated'
import { account, AUTH, call, start } from './helpers'

const fingerprint = (state: State) =>
  createHash('sha256')
    .update(JSON.stringify(snapshot(state)))
    .digest('hex')

const generated = (skus: number, channels?: number) => {
  const state = new State('marketplacea')

  seedGenerated(state, 'http://127.0.0.1:1', skus, 7, channels)

  return state
}

/** A SKU's units each trade policy reaches: its docks' warehouses' balances. */
function reachedUnits(state: State, skuId: number) {
  const units = new Map<string, number>()

  for (const warehouse of state.warehouses.values()) {
    const balance = state.inventory.get(String(skuId))?.get(warehouse.id)
    const n = balance
      ? balance.unlimited
        ? Infinity
        : balance.totalQuantity - balance.reservedQuantity
      : 0

    for (const { dockId } of warehouse.warehouseDocks)
      for (const sc of state.docks.get(dockId)?.salesChannels ?? [])
        units.set(sc, (units.get(sc) ?? 0) + n)
  }

  return units
}

describe('given a generated seed with a number of channels', () => {
  describe('when it is 2, the default', () => {
    it('should build the world the bench has always measured, byte for byte', () => {
      // The hash of the 5,000-SKU catalog the quick bench seeds, taken before channels existed:
      // a change here makes new bench figures incomparable with the old ones.
      expect(fingerprint(generated(5000, 2))).toBe(
        '5e07ca160d31f7530f2a9f484d578ff467e29d4ca3db4d57c6e27ecccf45cc86'
      )
      expect(fingerprint(generated(5000))).toBe(fingerprint(generated(5000, 2)))
    })
  })

  describe('when it is 10', () => {
    let emulator: Emulator

    beforeAll(async () => {
      emulator = await start({ seed: 'none' })
      const res = await call(emulator, 'POST', '/_emulator/seed', {
        body: { kind: 'generated', skus: 2000, seed: 7, channels: 10 },
      })

      if (res.status !== 200) throw new Error(`seed: ${res.status} ${res.text}`)
    })
    afterAll(() => emulator.close())

    it('should list 10 affiliates, each on its own trade policy', async () => {
      const list = (
        await call(
          emulator,
          'GET',
          account('/api/fulfillment/pvt/affiliates'),
          {
            headers: AUTH,
          }
        )
      ).json<Array<{ id: string; salesChannel: string }>>()

      expect(list).toHaveLength(10)
      expect(list.every((a) => /^[B-DF-HJ-NP-TV-Z]{3}$/.test(a.id))).toBe(true)
      expect(new Set(list.map((a) => a.salesChannel)).size).toBe(10)
    })

    it('should give every two channels SKUs whose reached stock differs', () => {
      const { state } = emulator
      const policies = [...state.affiliates.values()].map((a) => a.salesChannel)
      const units = Array.from({ length: 200 }, (_, i) =>
        reachedUnits(state, i + 1)
      )

      for (const a of policies)
        for (const b of policies.filter((p) => p > a))
          expect(units.some((u) => (u.get(a) ?? 0) !== (u.get(b) ?? 0))).toBe(
            true
          )
    })

    it('should keep the first channels and the catalog of the 2-channel world', () => {
      const two = generated(2000, 2)

      expect(emulator.state.skus).toEqual(two.skus)
      expect(emulator.state.prices).toEqual(two.prices)
      expect(emulator.state.affiliates.get('MKB')?.salesChannel).toBe('2')
      expect(emulator.state.affiliates.get('GGL')?.salesChannel).toBe('3')
      for (const [skuId, rows] of two.inventory)
        for (const [warehouseId, balance] of rows)
          expect(emulator.state.inventory.get(skuId)?.get(warehouseId)).toEqual(
            balance
          )
    })
  })

  describe('when it is 0 or not a whole number', () => {
    it.each([0, 2.5, 'ten'])('should refuse %p', async (channels) => {
      const emulator = await start({ seed: 'none' })

      try {
        const res = await call(emulator, 'POST', '/_emulator/seed', {
          body: { kind: 'generated', skus: 10, channels },
        })

        expect(res.status).toBe(400)
      } finally {
        await emulator.close()
      }
    })
  })
})
