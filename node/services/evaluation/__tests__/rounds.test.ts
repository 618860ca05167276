import { evaluateSku } from '../evaluate'
import type { SkuState } from '../state'
import {
  demoWorld,
  fakeDeps,
  FakeDocs,
  sku,
} from '../../shared/__tests__/fakes'

const EVENT = { cause: 'EVENT' as const }

describe('given a Seller A SKU the marketplace does not stock', () => {
  describe('when an event evaluates it', () => {
    it('should withhold it on every channel with NO_MARKETPLACE_STOCK, reading each input once', async () => {
      const world = demoWorld()
      const { deps, calls, exposures, audit } = fakeDeps(world, new FakeDocs())

      const result = await evaluateSku(deps, '1', EVENT)

      expect(result.outcome).toBe('EVALUATED')
      expect(
        result.decisions.map((d) => [d.channel, d.status, d.reasons])
      ).toEqual([
        ['MKB', 'WITHHELD', ['NO_MARKETPLACE_STOCK']],
        ['GGL', 'WITHHELD', ['NO_MARKETPLACE_STOCK']],
      ])
      // One read per input for both channels; OBSERVE takes the product's association from the
      // SKU context, so showing what ENFORCE would change costs no extra read.
      expect(calls).toEqual({
        catalog: ['skuContext 1'],
        logistics: ['inventory 1'],
        pricing: ['price 1'],
      })
      expect([...exposures.keys()].sort((a, b) => a.localeCompare(b))).toEqual([
        '1-GGL',
        '1-MKB',
      ])
      expect(
        [...audit.values()].map((e) => [e.kind, e.channel, e.toStatus])
      ).toEqual([
        ['STATUS_CHANGE', 'MKB', 'WITHHELD'],
        ['STATUS_CHANGE', 'GGL', 'WITHHELD'],
      ])
    })

    it('should write nothing new when the same event comes again', async () => {
      const { deps, auditWrites } = fakeDeps(demoWorld(), new FakeDocs())

      await evaluateSku(deps, '1', EVENT)
      const writesAfterFirst = auditWrites.length

      await evaluateSku(deps, '1', EVENT)
      expect(auditWrites).toHaveLength(writesAfterFirst)
    })
  })

  describe('when the marketplace stocks 3 units in the warehouse whose dock serves trade policy 2', () => {
    it('should expose it on MKB only, and in OBSERVE mode write nothing to the catalog', async () => {
      const world = demoWorld()
      const { deps, calls } = fakeDeps(world, new FakeDocs())

      await evaluateSku(deps, '1', EVENT)
      world.inventory['1'] = [
        {
          warehouseId: 'wh-a',
          totalQuantity: 3,
          reservedQuantity: 0,
          hasUnlimitedQuantity: false,
        },
      ]
      const result = await evaluateSku(deps, '1', EVENT)

      expect(
        Object.fromEntries(result.decisions.map((d) => [d.channel, d.status]))
      ).toEqual({
        MKB: 'EXPOSED',
        GGL: 'WITHHELD',
      })
      expect(result.decisions.find((d) => d.channel === 'MKB')?.available).toBe(
        3
      )
      expect(
        calls.catalog.filter(
          (c) => c.startsWith('associate') || c.startsWith('dissociate')
        )
      ).toEqual([])
    })

    it('should associate the product with trade policy 2 once in ENFORCE mode, and withdraw it when reservations consume the stock', async () => {
      const world = demoWorld()
      const { deps, calls, audit } = fakeDeps(world, new FakeDocs(), {
        modes: { MKB: 'ENFORCE', GGL: 'ENFORCE' },
      })

      world.inventory['1'] = [
        {
          warehouseId: 'wh-a',
          totalQuantity: 3,
          reservedQuantity: 0,
          hasUnlimitedQuantity: false,
        },
      ]
      await evaluateSku(deps, '1', EVENT)
      await evaluateSku(deps, '1', EVENT)
      expect(calls.catalog.filter((c) => c.startsWith('associate'))).toEqual([
        'associate 10 2',
      ])
      expect(world.associations['10']).toEqual(['1', '2'])

      world.inventory['1'] = [
        {
          warehouseId: 'wh-a',
          totalQuantity: 3,
          reservedQuantity: 3,
          hasUnlimitedQuantity: false,
        },
      ]
      await evaluateSku(deps, '2', EVENT) // the sibling: withheld, keeps nothing exposed
      const result = await evaluateSku(deps, '1', EVENT)

      expect(result.decisions.find((d) => d.channel === 'MKB')?.status).toBe(
        'WITHHELD'
      )
      expect(world.associations['10']).toEqual(['1'])
      const writes = [...audit.values()].filter(
        (e) => e.kind === 'ENFORCEMENT_WRITE'
      )

      expect(writes.map((e) => JSON.parse(e.details ?? '{}').change)).toEqual([
        'ASSOCIATE',
        'DISSOCIATE',
      ])
    })
  })
})

describe('given an event for a SKU the catalog does not have', () => {
  it('should say so and write no decision', async () => {
    const { deps, exposures, calls } = fakeDeps(demoWorld(), new FakeDocs())

    const result = await evaluateSku(deps, '999', EVENT)

    expect(result.outcome).toBe('UNKNOWN_SKU')
    expect(exposures.size).toBe(0)
    expect(calls.logistics).toEqual([])
  })
})

describe('given a SKU with no third-party seller', () => {
  it('should never govern it', async () => {
    const docs = new FakeDocs()
    const { deps, exposures, calls } = fakeDeps(demoWorld(), docs, {
      modes: { MKB: 'ENFORCE' },
    })

    const result = await evaluateSku(deps, '3', EVENT)

    expect(result.outcome).toBe('NOT_GOVERNED')
    expect(exposures.size).toBe(0)
    // The context alone says the SKU is not the app's: its stock and price would decide nothing.
    expect(calls).toEqual({
      catalog: ['skuContext 3'],
      logistics: [],
      pricing: [],
    })
    // Nor is anything written for it: no lease, no state.
    expect(docs.writes).toBe(0)
  })
})

describe('given a SKU this worker last saw without a third-party seller, governed since by another worker', () => {
  it("should drop the other worker's decisions when the seller is gone again, not trust its memory", async () => {
    const world = demoWorld()
    const docs = new FakeDocs()
    const { deps, exposures } = fakeDeps(world, docs)
    // Every change comes after the fake clock's reads (12:00:00): no event is taken as seen.
    const event = { cause: 'EVENT' as const, changedAt: '2026-11-26T12:00:01Z' }
    const withSeller = sku('3', '30', ['sellera'])
    const own = sku('3', '30', [])

    // This worker governs SKU 3, then drops it when its seller leaves, and remembers that state.
    world.skus['3'] = withSeller
    await evaluateSku(deps, '3', event)
    const governed = docs.files.get('skus/3')
    const rows = [...exposures.entries()]

    world.skus['3'] = own
    expect((await evaluateSku(deps, '3', event)).outcome).toBe('NOT_GOVERNED')

    // The seller comes back and another worker decides the SKU again (written as it would be).
    docs.files.set('skus/3', {
      value: { ...(governed?.value as SkuState), version: 9 },
      etag: '"other-worker"',
    })
    for (const [id, row] of rows) exposures.set(id, row)

    // The seller leaves again, and this worker gets the event.
    world.skus['3'] = own
    expect((await evaluateSku(deps, '3', event)).outcome).toBe('NOT_GOVERNED')

    expect((docs.files.get('skus/3')?.value as SkuState).decisions).toEqual({})
    expect([...exposures.keys()]).toEqual([])
  })
})
