import { WRITE_RETRY_MS } from '../enforce'
import { evaluateSku } from '../../evaluation/evaluate'
import {
  PENDING_GRACE_MS,
  settleInBackground,
  settlePendingWrites,
} from '../pendingWrites'
import { pendingOf } from '../../projection/projection'
import {
  demoWorld,
  fakeDeps,
  FakeDocs,
  restart,
} from '../../shared/__tests__/fakes'

const EVENT = { cause: 'EVENT' as const }
// A product with no projection document has no pending change.
const NO_DOC = { desired: null, associated: null }
const STOCKED = [
  {
    warehouseId: 'wh-a',
    totalQuantity: 3,
    reservedQuantity: 0,
    hasUnlimitedQuantity: false,
  },
]

/** Timers the code under test sets, kept instead of run: a restart loses them all the same. */
function keepTimers() {
  const delays: number[] = []

  jest.spyOn(global, 'setTimeout').mockImplementation(((
    _run: () => void,
    ms: number
  ) => {
    delays.push(ms)

    return { unref: () => undefined }
  }) as unknown as typeof setTimeout)

  return delays
}

afterEach(() => jest.restoreAllMocks())

/** SKU 1 (product 10) gets stock for MKB, and VTEX refuses to put product 10 on trade policy 2. */
async function refusedThenRestarted(mode: 'ENFORCE' | 'OBSERVE' = 'ENFORCE') {
  const world = demoWorld()
  const fake = fakeDeps(world, new FakeDocs(), { modes: { MKB: mode } })
  const delays = keepTimers()

  world.inventory['1'] = STOCKED
  world.failNext.push('associate')
  await evaluateSku(fake.deps, '1', EVENT)
  // The restart: the retries this process scheduled, and its memory of documents, are gone.
  restart(fake.deps)
  delays.length = 0
  fake.calls.catalog.length = 0

  return { ...fake, world, delays }
}

const later = (ms: number) => () =>
  new Date(Date.parse('2026-11-26T12:00:00.000Z') + ms)

describe('given a catalog write VTEX refused, whose retries a restart lost', () => {
  it('should put the product on the trade policy at the next tick, with the write in the audit trail', async () => {
    const { deps, world, calls, products, audit } = await refusedThenRestarted()

    expect(world.associations['10']).toEqual(['1'])
    expect(pendingOf(products.get('10-MKB') ?? NO_DOC)).toBe('ASSOCIATE')

    deps.now = later(PENDING_GRACE_MS + 1)
    const outcome = await settlePendingWrites(deps)

    expect(outcome).toEqual({ found: 1, errors: 0 })
    expect(world.associations['10']).toEqual(['1', '2'])
    expect(calls.catalog.filter((c) => c.startsWith('associate'))).toEqual([
      'associate 10 2',
    ])
    expect(pendingOf(products.get('10-MKB') ?? NO_DOC)).toBe('NONE')
    expect(
      [...audit.values()]
        .filter((e) => e.kind === 'ENFORCEMENT_WRITE')
        .map((e) => [e.productId, e.channel, e.cause])
    ).toEqual([['10', 'MKB', 'SYSTEM']])
  })

  it('should leave a change younger than the grace period to the retries that may still be running', async () => {
    const { deps, world, calls } = await refusedThenRestarted()

    deps.now = later(PENDING_GRACE_MS - 1000)

    expect(await settlePendingWrites(deps)).toEqual({ found: 0, errors: 0 })
    expect(calls.catalog).toEqual([])
    expect(world.associations['10']).toEqual(['1'])
  })

  it('should try once per tick while VTEX still refuses, scheduling no retries of its own', async () => {
    const { deps, world, products, delays } = await refusedThenRestarted()

    deps.now = later(PENDING_GRACE_MS + 1)
    world.failNext.push('associate')

    expect(await settlePendingWrites(deps)).toEqual({ found: 1, errors: 0 })
    expect(world.associations['10']).toEqual(['1'])
    expect(pendingOf(products.get('10-MKB') ?? NO_DOC)).toBe('ASSOCIATE')
    expect(delays.filter((ms) => WRITE_RETRY_MS.includes(ms))).toEqual([])

    expect(await settlePendingWrites(deps)).toEqual({ found: 1, errors: 0 })
    expect(world.associations['10']).toEqual(['1', '2'])
  })
})

describe('given no channel in ENFORCE', () => {
  it('should not search for pending writes nor write anything', async () => {
    const { deps, calls } = await refusedThenRestarted('OBSERVE')
    const search = jest.spyOn(deps.projection, 'pendingProducts')

    deps.now = later(PENDING_GRACE_MS + 1)

    expect(await settlePendingWrites(deps)).toEqual({ found: 0, errors: 0 })
    expect(search).not.toHaveBeenCalled()
    expect(calls.catalog).toEqual([])
  })
})

describe('given two accounts on one pod', () => {
  it("should settle account B's pending writes while account A's settle is still running", async () => {
    const tenantOf = (account: string) => {
      const fake = fakeDeps(demoWorld(), new FakeDocs(), {
        modes: { MKB: 'ENFORCE' },
      })

      fake.deps.tenant = { account, workspace: 'master' }

      return fake
    }

    const a = tenantOf('marketplacea')
    const b = tenantOf('othermarket')
    const asked: string[] = []

    // A's search never answers: its settle stays under way.
    a.deps.projection.pendingProducts = () => {
      asked.push('marketplacea')

      return new Promise(() => undefined)
    }

    b.deps.projection.pendingProducts = async () => {
      asked.push('othermarket')

      return []
    }

    settleInBackground(a.deps)
    await new Promise((r) => setTimeout(r, 50))
    settleInBackground(b.deps)
    await new Promise((r) => setTimeout(r, 50))
    // A second tick of A while its settle runs is not doubled.
    settleInBackground(a.deps)
    await new Promise((r) => setTimeout(r, 50))

    expect(asked).toEqual(['marketplacea', 'othermarket'])
  })
})
