import type { EventChanges } from '../../../domain'
import { BUCKET_SKUS } from '../../shared/deps'
import { evaluate } from '../engine'
import { evaluateSku } from '../evaluate'
import type { SkuState } from '../state'
import type { World } from '../../shared/__tests__/fakes'
import {
  demoWorld,
  fakeDeps,
  FakeDocs,
  restart,
} from '../../shared/__tests__/fakes'

const NO_FLAGS: EventChanges = {
  stockModified: null,
  priceModified: null,
  skuModified: null,
  removedFromAffiliate: null,
  isActive: null,
}

// As VTEX sends them: every flag, and the SKU's active state.
const flags = (changed: Partial<EventChanges>): EventChanges => ({
  stockModified: false,
  priceModified: false,
  skuModified: false,
  removedFromAffiliate: false,
  isActive: true,
  ...changed,
})

const STOCK = flags({ stockModified: true })
const PRICE = flags({ priceModified: true })
const event = (...events: EventChanges[]) => ({
  cause: 'EVENT' as const,
  events,
})

const statuses = (result: {
  decisions: Array<SkuState['decisions'][string]>
}) => result.decisions.map((d) => [d.channel, d.status, d.reasons, d.available])

/** SKU 1 evaluated once (by a sweep), then a new worker process with nothing in memory. */
async function evaluated(world: World = demoWorld()) {
  const docs = new FakeDocs()
  const made = fakeDeps(world, docs)

  await evaluateSku(made.deps, '1', { cause: 'SWEEP' })
  restart(made.deps)
  made.calls.catalog.length = 0
  made.calls.logistics.length = 0
  made.calls.pricing.length = 0
  const stateReads = docs.reads[BUCKET_SKUS] ?? 0

  return {
    ...made,
    docs,
    world,
    stateReads: () => (docs.reads[BUCKET_SKUS] ?? 0) - stateReads,
    state: () => docs.files.get(`${BUCKET_SKUS}/1`)?.value as SkuState,
  }
}

/** What a full evaluation of the same world decides, for comparison. */
async function decidedFromScratch(world: World) {
  const { deps } = fakeDeps(world, new FakeDocs())

  return statuses(await evaluateSku(deps, '1', { cause: 'SWEEP' }))
}

/** Every input stored with the decisions was read at `at`: the next event may read less. */
const allReadAt = (state: SkuState, at: string) =>
  expect(state.inputs).toMatchObject({
    contextAt: at,
    inventoryAt: at,
    priceAt: at,
  })

const NOW = '2026-11-26T12:00:00.000Z'

const stocked = (world: World) => {
  world.inventory['1'] = [
    {
      warehouseId: 'wh-a',
      totalQuantity: 5,
      reservedQuantity: 0,
      hasUnlimitedQuantity: false,
    },
  ]
}

describe('given a SKU whose state keeps the inputs of its decisions', () => {
  describe('when a stock-only event comes', () => {
    it('should read the state and the inventory only, and decide as a full read would', async () => {
      const { deps, calls, world, stateReads } = await evaluated()

      stocked(world)
      const result = await evaluateSku(deps, '1', event(STOCK))

      expect(calls).toEqual({
        catalog: [],
        logistics: ['inventory 1'],
        pricing: [],
      })
      expect(stateReads()).toBe(1)
      expect(statuses(result)).toEqual([
        ['MKB', 'EXPOSED', [], 5],
        ['GGL', 'WITHHELD', ['NO_MARKETPLACE_STOCK'], 0],
      ])
      expect(statuses(result)).toEqual(await decidedFromScratch(world))
    })

    it('should store the inventory it read, keeping the other inputs and their read times', async () => {
      const { deps, world, state } = await evaluated()
      const before = state().inputs

      stocked(world)
      deps.now = () => new Date('2026-11-26T13:00:00.000Z')
      await evaluateSku(deps, '1', event(STOCK))
      const after = state().inputs

      expect(after?.inventory).toEqual(world.inventory['1'])
      expect(after?.inventoryAt).toBe('2026-11-26T13:00:00.000Z')
      expect(after?.contextAt).toBe(before?.contextAt)
      expect(after?.priceAt).toBe(before?.priceAt)
      // What the decisions have seen of every input: the oldest read.
      expect(state().inputsReadAt).toBe(before?.priceAt)
    })
  })

  describe('when a price-only event comes', () => {
    it('should read the price and the inventory (read by every event), not the context, and withhold a SKU whose price is gone', async () => {
      const { deps, calls, world } = await evaluated()

      world.prices['1'] = { itemId: '1', basePrice: null, fixedPrices: [] }
      const result = await evaluateSku(deps, '1', event(PRICE))

      expect(calls).toEqual({
        catalog: [],
        logistics: ['inventory 1'],
        pricing: ['price 1'],
      })
      expect(result.decisions.map((d) => d.reasons)).toEqual([
        ['NO_MARKETPLACE_STOCK', 'NO_PRICE'],
        ['NO_MARKETPLACE_STOCK', 'NO_PRICE'],
      ])
      expect(statuses(result)).toEqual(await decidedFromScratch(world))
    })
  })

  describe('when an event says the SKU itself changed (HasStockKeepingUnitModified)', () => {
    it('should read the SKU context and the inventory, not the price, which did not move', async () => {
      const { deps, calls, world } = await evaluated()

      world.skus['1'] = { ...world.skus['1'], IsActive: false }
      const result = await evaluateSku(
        deps,
        '1',
        event(flags({ skuModified: true, isActive: false }))
      )

      expect(calls).toEqual({
        catalog: ['skuContext 1'],
        logistics: ['inventory 1'],
        pricing: [],
      })
      expect(result.decisions.map((d) => d.reasons[0])).toEqual([
        'SKU_INACTIVE',
        'SKU_INACTIVE',
      ])
      expect(statuses(result)).toEqual(await decidedFromScratch(world))
    })

    it('should read the SKU context when IsActive differs from the stored context, whatever the flags', async () => {
      const { deps, calls } = await evaluated()

      await evaluateSku(deps, '1', event(flags({ isActive: false })))

      expect(calls).toEqual({
        catalog: ['skuContext 1'],
        logistics: ['inventory 1'],
        pricing: [],
      })
    })
  })

  describe.each<[string, EventChanges]>([
    ['no flag at all', NO_FLAGS],
    ['every flag false and IsActive as stored', flags({})],
  ])('when an event with %s comes', (_, changes) => {
    it('should read everything, and store every input as read now', async () => {
      const { deps, calls, state } = await evaluated()

      deps.now = () => new Date('2026-11-26T13:00:00.000Z')
      await evaluateSku(deps, '1', event(changes))

      expect(calls).toEqual({
        catalog: ['skuContext 1'],
        logistics: ['inventory 1'],
        pricing: ['price 1'],
      })
      allReadAt(state(), '2026-11-26T13:00:00.000Z')
    })
  })

  describe('when an older app version evaluated the SKU since (a rolling deploy, a rollback)', () => {
    it('should read everything: the stored inputs are no longer those of its decisions', async () => {
      const { deps, calls, docs } = await evaluated()
      const file = docs.files.get(`${BUCKET_SKUS}/1`) as { value: SkuState }

      // What an older version writes: fresh decisions and inputsReadAt, the rest of the state
      // (the inputs it does not know) spread from the one it read.
      file.value = {
        ...file.value,
        version: file.value.version + 1,
        inputsReadAt: '2026-11-26T12:30:00.000Z',
      }
      deps.now = () => new Date('2026-11-26T13:00:00.000Z')
      await evaluateSku(deps, '1', event(STOCK))

      expect(calls).toEqual({
        catalog: ['skuContext 1'],
        logistics: ['inventory 1'],
        pricing: ['price 1'],
      })
    })
  })

  describe('when the stored inputs are not what this code writes', () => {
    it('should read everything rather than fail the evaluation', async () => {
      const { deps, calls, docs } = await evaluated()
      const file = docs.files.get(`${BUCKET_SKUS}/1`) as { value: SkuState }

      file.value = {
        ...file.value,
        inputs: { sku: null } as unknown as SkuState['inputs'],
      }
      const result = await evaluateSku(deps, '1', event(STOCK))

      expect(result.outcome).toBe('EVALUATED')
      expect(calls).toEqual({
        catalog: ['skuContext 1'],
        logistics: ['inventory 1'],
        pricing: ['price 1'],
      })
    })
  })

  describe('when its stored inputs are older than a day', () => {
    it('should read everything for a stock-only event, and store every input as read now', async () => {
      const { deps, calls, state } = await evaluated()

      deps.now = () => new Date('2026-11-27T12:00:01.000Z')
      await evaluateSku(deps, '1', event(STOCK))

      expect(calls).toEqual({
        catalog: ['skuContext 1'],
        logistics: ['inventory 1'],
        pricing: ['price 1'],
      })
      allReadAt(state(), '2026-11-27T12:00:01.000Z')
    })

    it('should still take the short path a moment before the day is out', async () => {
      const { deps, calls } = await evaluated()

      deps.now = () => new Date('2026-11-27T11:59:59.000Z')
      await evaluateSku(deps, '1', event(STOCK))

      expect(calls).toEqual({
        catalog: [],
        logistics: ['inventory 1'],
        pricing: [],
      })
    })
  })

  describe.each<[string, Partial<SkuState>]>([
    [
      "is marked dirty by another worker's event (its lease expired)",
      { dirty: true },
    ],
    [
      'failed to store its last decision',
      { failures: 1, lastError: 'STORAGE_ERROR' },
    ],
  ])('when it %s and a stock-only event comes', (_, mark) => {
    it('should read everything: the owed change may be anything', async () => {
      const { deps, calls, docs, state } = await evaluated()
      const file = docs.files.get(`${BUCKET_SKUS}/1`)

      docs.files.set(`${BUCKET_SKUS}/1`, {
        etag: file?.etag ?? '"x"',
        value: { ...state(), ...mark },
      })
      await evaluateSku(deps, '1', event(STOCK))

      expect(calls).toEqual({
        catalog: ['skuContext 1'],
        logistics: ['inventory 1'],
        pricing: ['price 1'],
      })
      allReadAt(state(), NOW)
    })
  })

  describe('when a stock event and a price event for it are joined in one evaluation', () => {
    it('should read both inventory and price, and not the context', async () => {
      const { deps, calls } = await evaluated()

      await Promise.all([
        evaluate(deps, '1', event(STOCK)),
        evaluate(deps, '1', event(PRICE)),
      ])

      expect(calls).toEqual({
        catalog: [],
        logistics: ['inventory 1'],
        pricing: ['price 1'],
      })
    })

    it('should read everything when one of them has no flag', async () => {
      const { deps, calls, state } = await evaluated()

      deps.now = () => new Date('2026-11-26T13:00:00.000Z')
      await Promise.all([
        evaluate(deps, '1', event(STOCK)),
        evaluate(deps, '1', event(NO_FLAGS)),
      ])

      expect(calls).toEqual({
        catalog: ['skuContext 1'],
        logistics: ['inventory 1'],
        pricing: ['price 1'],
      })
      allReadAt(state(), '2026-11-26T13:00:00.000Z')
    })

    it('should read everything when the other is an operator re-evaluation', async () => {
      const { deps, calls, state } = await evaluated()

      deps.now = () => new Date('2026-11-26T13:00:00.000Z')
      await Promise.all([
        evaluate(deps, '1', event(STOCK)),
        evaluate(deps, '1', { cause: 'OPERATOR' }),
      ])

      expect(calls).toEqual({
        catalog: ['skuContext 1'],
        logistics: ['inventory 1'],
        pricing: ['price 1'],
      })
      allReadAt(state(), '2026-11-26T13:00:00.000Z')
    })
  })

  describe('when a price event arrives after a stock event of a later change', () => {
    it('should still read the price: the stock read did not see it', async () => {
      const { deps, calls } = await evaluated()

      // The price changed at 12:30, the stock at 12:40; the stock event is evaluated first.
      deps.now = () => new Date('2026-11-26T12:45:00.000Z')
      await evaluateSku(deps, '1', {
        ...event(STOCK),
        changedAt: '2026-11-26T12:40:00.000Z',
      })
      const late = await evaluateSku(deps, '1', {
        ...event(PRICE),
        changedAt: '2026-11-26T12:30:00.000Z',
      })

      expect(late.outcome).toBe('EVALUATED')
      expect(calls.pricing).toEqual(['price 1'])
    })

    it('should drop a duplicate of the stock event as seen', async () => {
      const { deps, calls } = await evaluated()
      const stock = { ...event(STOCK), changedAt: '2026-11-26T12:40:00.000Z' }

      deps.now = () => new Date('2026-11-26T12:45:00.000Z')
      await evaluateSku(deps, '1', stock)
      const again = await evaluateSku(deps, '1', stock)

      expect(again.outcome).toBe('ALREADY_SEEN')
      expect(calls).toEqual({
        catalog: [],
        logistics: ['inventory 1'],
        pricing: [],
      })
    })
  })
})

describe('given a SKU never evaluated (no stored inputs)', () => {
  describe('when a stock-only event comes', () => {
    it('should read everything, and store every input with its decisions', async () => {
      const docs = new FakeDocs()
      const { deps, calls } = fakeDeps(demoWorld(), docs)

      await evaluateSku(deps, '1', event(STOCK))

      expect(calls).toEqual({
        catalog: ['skuContext 1'],
        logistics: ['inventory 1'],
        pricing: ['price 1'],
      })
      allReadAt(docs.files.get(`${BUCKET_SKUS}/1`)?.value as SkuState, NOW)
    })
  })
})

describe('given an event whose flag is wrong (StockModified, but the price changed)', () => {
  describe('when it is evaluated, and then the next sweep', () => {
    it('should keep the old price in the decision, and the sweep should correct it', async () => {
      const { deps, calls, world } = await evaluated()

      stocked(world)
      await evaluateSku(deps, '1', event(STOCK))
      world.prices['1'] = { itemId: '1', basePrice: null, fixedPrices: [] }
      const wrong = await evaluateSku(deps, '1', event(STOCK))

      expect(calls.pricing).toEqual([])
      expect(wrong.decisions.find((d) => d.channel === 'MKB')?.status).toBe(
        'EXPOSED'
      )

      const swept = await evaluateSku(deps, '1', {
        cause: 'SWEEP',
        checkFirst: true,
      })

      expect(calls.pricing).toEqual(['price 1'])
      expect(swept.decisions.find((d) => d.channel === 'MKB')).toMatchObject({
        status: 'WITHHELD',
        reasons: ['NO_PRICE'],
      })
      expect(statuses(swept)).toEqual(await decidedFromScratch(world))
    })
  })
})
