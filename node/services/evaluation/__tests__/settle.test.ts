import { evaluate } from '../engine'
import { expireDue } from '../../reconcile/expiries'
import { settleUnsettled } from '../settleTick'
import { unsettledIds } from '../unsettled'
import {
  demoWorld,
  fakeDeps,
  FakeDocs,
  restart,
} from '../../shared/__tests__/fakes'

const EVENT = { cause: 'EVENT' as const }
const STOCKED = [
  {
    warehouseId: 'wh-a',
    totalQuantity: 3,
    reservedQuantity: 0,
    hasUnlimitedQuantity: false,
  },
]

const START = Date.parse('2026-11-26T12:00:00.000Z')
const at = (ms: number) => () => new Date(START + ms)

/**
 * Retry timers (a second or more) the code under test sets, kept with their callbacks to run
 * when the test says; shorter ones (the coalescing window) run as usual.
 */
function keepTimers() {
  const timers: Array<{ ms: number; run: () => void }> = []
  const real = global.setTimeout

  jest.spyOn(global, 'setTimeout').mockImplementation(((
    run: () => void,
    ms: number
  ) => {
    if (ms < 1000) return real(run, ms)
    timers.push({ ms, run })

    return { unref: () => undefined }
  }) as unknown as typeof setTimeout)

  return timers
}

/** Lets background work (the marks, a retry) run to its end. */
const settle = () => new Promise((r) => setTimeout(r, 100))

afterEach(() => jest.restoreAllMocks())

/** SKU 1 (product 10) exposed on MKB; then its stock runs out while VBase refuses writes. */
async function refusedStockOut() {
  const world = demoWorld()
  const docs = new FakeDocs()
  const fake = fakeDeps(world, docs)

  fake.deps.now = at(0)
  world.inventory['1'] = STOCKED
  await evaluate(fake.deps, '1', EVENT)
  expect(fake.exposures.get('1-MKB')?.status).toBe('EXPOSED')
  const timers = keepTimers()

  world.inventory['1'] = []
  docs.failWrites = 1_000
  await expect(evaluate(fake.deps, '1', EVENT)).rejects.toThrow('503')
  await settle()

  return { ...fake, world, docs, timers }
}

describe('given VBase refusing writes while a SKU runs out of stock', () => {
  it('should mark its rows ERROR and retry 2 s later until the decision is stored', async () => {
    const { docs, exposures, timers } = await refusedStockOut()

    expect(exposures.get('1-MKB')).toMatchObject({
      status: 'ERROR',
      reasons: ['UPSTREAM_ERROR'],
    })
    expect(timers.map((t) => t.ms)).toEqual([2_000])

    // Still refusing at the first retry: the next one is 10 s later.
    timers.shift()?.run()
    await settle()
    expect(timers.map((t) => t.ms)).toEqual([10_000])

    docs.failWrites = 0
    timers.shift()?.run()
    await settle()
    expect(exposures.get('1-MKB')).toMatchObject({
      status: 'WITHHELD',
      reasons: ['NO_MARKETPLACE_STOCK'],
    })
    expect(timers).toEqual([])
  })
})

describe('given a SKU whose storage retry still waits on its timer after an event stored its decision', () => {
  it('should mark a new change that VBase refuses, not leave its rows looking settled', async () => {
    const { world, docs, exposures, deps } = await refusedStockOut()

    deps.now = at(5_000)
    // VBase answers again: an event stores the stock-out (WITHHELD) before the retry's timer.
    docs.failWrites = 0
    await evaluate(deps, '1', EVENT)
    expect(exposures.get('1-MKB')?.status).toBe('WITHHELD')

    // Restocked while VBase refuses again: the retry under way must not swallow the mark, or
    // the row keeps saying WITHHELD, looking settled, while the SKU should be EXPOSED.
    deps.now = at(10_000)
    world.inventory['1'] = STOCKED
    docs.failWrites = 1_000
    await expect(evaluate(deps, '1', EVENT)).rejects.toThrow('503')
    await settle()

    expect(exposures.get('1-MKB')).toMatchObject({
      status: 'ERROR',
      reasons: ['UPSTREAM_ERROR'],
    })
  })
})

describe('given Master Data refusing writes while a SKU runs out of stock, and a restart', () => {
  it('should keep the SKU in the VBase index until a tick stores its decision', async () => {
    const world = demoWorld()
    const fake = fakeDeps(world, new FakeDocs())

    fake.deps.now = at(0)
    world.inventory['1'] = STOCKED
    await evaluate(fake.deps, '1', EVENT)
    keepTimers()
    world.inventory['1'] = []
    const put = jest
      .spyOn(fake.deps.projection, 'putSku')
      .mockRejectedValue(new Error('503'))

    await expect(evaluate(fake.deps, '1', EVENT)).rejects.toThrow('503')
    await settle()
    expect(await unsettledIds(fake.deps)).toEqual(['1'])

    // The restart forgets the retries; Master Data answers again.
    restart(fake.deps)
    put.mockRestore()
    fake.deps.now = at(10 * 60_000)

    expect(await settleUnsettled(fake.deps)).toEqual({ found: 1, errors: 0 })
    expect(fake.exposures.get('1-MKB')?.status).toBe('WITHHELD')
    expect(await unsettledIds(fake.deps)).toEqual([])
  })
})

describe('given a BLOCK whose expiry passed while no process held its timer', () => {
  it('should end it at the next tick, audited as expired, and evaluate the SKU', async () => {
    const world = demoWorld()
    const fake = fakeDeps(world, new FakeDocs())
    const { setOverride } = await import('../../operator/actions')

    world.inventory['1'] = STOCKED
    fake.deps.now = at(0)
    keepTimers()
    await setOverride(
      fake.deps,
      {
        skuId: '1',
        channel: 'MKB',
        action: 'BLOCK',
        note: 'promo',
        expiresAt: new Date(START + 60_000).toISOString(),
      },
      'ops@example.com'
    )
    expect(fake.exposures.get('1-MKB')?.status).toBe('WITHHELD')

    restart(fake.deps)
    fake.deps.now = at(61_000)
    expect(await expireDue(fake.deps)).toEqual({ expired: 1 })
    await settle()

    expect(fake.exposures.get('1-MKB')?.status).toBe('EXPOSED')
    expect(
      [...fake.audit.values()]
        .filter((e) => e.kind === 'OVERRIDE_EXPIRED')
        .map((e) => [e.skuId, e.channel, e.cause])
    ).toEqual([['1', 'MKB', 'SYSTEM']])
    // Expired once: a second tick finds nothing left.
    expect(await expireDue(fake.deps)).toEqual({ expired: 0 })
  })
})
