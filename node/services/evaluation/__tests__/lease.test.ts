import { evaluateSku } from '../evaluate'
import { acquireLease, commit } from '../lease'
import type { SkuState } from '../state'
import {
  demoWorld,
  fakeDeps,
  FakeDocs,
  restart,
} from '../../shared/__tests__/fakes'

const EVENT = { cause: 'EVENT' as const }

describe('given a SKU this process evaluated last', () => {
  const later = { ...EVENT, changedAt: null }

  it('should take its next lease from the version it wrote, without reading the state', async () => {
    const docs = new FakeDocs()
    const { deps } = fakeDeps(demoWorld(), docs)

    await evaluateSku(deps, '1', EVENT)
    const readsAfterFirst = docs.reads.skus ?? 0

    expect((await evaluateSku(deps, '1', later)).outcome).toBe('EVALUATED')
    expect(docs.reads.skus ?? 0).toBe(readsAfterFirst)
  })

  it('should read the state and keep the newer write when another worker wrote the SKU since', async () => {
    const docs = new FakeDocs()
    const world = demoWorld()
    const a = fakeDeps(world, docs, { workerId: 'a' })

    await evaluateSku(a.deps, '1', EVENT)
    const file = docs.files.get('skus/1')
    const state = file?.value as SkuState

    // Another worker (an operator's override) rewrites the state: this process's version is stale.
    await docs.write(
      'skus',
      '1',
      {
        ...state,
        overrides: {
          MKB: {
            action: 'BLOCK',
            note: 'held back',
            by: 'ops@example.com',
            at: '2026-11-27T00:00:00.000Z',
            expiresAt: null,
          },
        },
      },
      file?.etag ?? null
    )
    const readsBefore = docs.reads.skus ?? 0
    const result = await evaluateSku(a.deps, '1', later)

    expect(docs.reads.skus ?? 0).toBeGreaterThan(readsBefore)
    expect(result.decisions.find((d) => d.channel === 'MKB')?.reasons).toEqual(
      expect.arrayContaining(['MANUAL_BLOCK'])
    )
  })
})

describe('given two workers handling the same SKU at once', () => {
  it('should evaluate it under one lease: no duplicate audit entry, no double catalog write', async () => {
    const world = demoWorld()
    const docs = new FakeDocs()

    world.inventory['1'] = [
      {
        warehouseId: 'wh-a',
        totalQuantity: 3,
        reservedQuantity: 0,
        hasUnlimitedQuantity: false,
      },
    ]
    const a = fakeDeps(world, docs, {
      workerId: 'a',
      modes: { MKB: 'ENFORCE' },
    })

    const b = fakeDeps(world, docs, { workerId: 'b' })

    b.deps.audit = a.deps.audit
    b.deps.projection = a.deps.projection
    b.deps.catalog = a.deps.catalog

    const results = await Promise.all([
      evaluateSku(a.deps, '1', EVENT),
      evaluateSku(b.deps, '1', EVENT),
    ])

    expect(
      results.map((r) => r.outcome).sort((x, y) => x.localeCompare(y))
    ).toEqual(['DEFERRED', 'EVALUATED'])
    expect(a.auditWrites.filter((id) => id.startsWith('1-MKB-s'))).toHaveLength(
      1
    )
    expect(a.calls.catalog.filter((c) => c.startsWith('associate'))).toEqual([
      'associate 10 2',
    ])
    const state = docs.files.get('skus/1')?.value as SkuState

    expect(state.lease).toBeNull()
    expect(state.dirty).toBe(false)
  })

  it('should associate the product once when two sibling SKUs are exposed at the same time', async () => {
    const world = demoWorld()
    const docs = new FakeDocs()
    const stock = [
      {
        warehouseId: 'wh-a',
        totalQuantity: 5,
        reservedQuantity: 0,
        hasUnlimitedQuantity: false,
      },
    ]

    world.inventory['1'] = stock
    world.inventory['2'] = stock
    const a = fakeDeps(world, docs, {
      workerId: 'a',
      modes: { MKB: 'ENFORCE' },
    })

    const b = fakeDeps(world, docs, { workerId: 'b' })

    b.deps.catalog = a.deps.catalog
    b.deps.audit = a.deps.audit

    await Promise.all([
      evaluateSku(a.deps, '1', EVENT),
      evaluateSku(b.deps, '2', EVENT),
    ])

    expect(a.calls.catalog.filter((c) => c.startsWith('associate'))).toEqual([
      'associate 10 2',
    ])
    expect(world.associations['10']).toEqual(['1', '2'])
  })
})

describe('given a second worker receiving an older change while the first evaluates the SKU', () => {
  it('should skip it without asking the holder for another round', async () => {
    const world = demoWorld()
    const docs = new FakeDocs()
    const a = fakeDeps(world, docs, { workerId: 'a' })
    const b = fakeDeps(world, docs, { workerId: 'b' })
    const event = {
      cause: 'EVENT' as const,
      changedAt: '2026-11-26T11:59:00.000Z',
    }

    const results = await Promise.all([
      evaluateSku(a.deps, '2', event),
      evaluateSku(b.deps, '2', event),
    ])

    expect(
      results.map((r) => r.outcome).sort((x, y) => x.localeCompare(y))
    ).toEqual(['ALREADY_SEEN', 'EVALUATED'])
    // Each read the SKU context before the lease (contextFirst.ts: what lets the marketplace's
    // own SKUs cost no write); only the holder read anything else.
    expect(
      [...a.calls.catalog, ...b.calls.catalog].filter((c) =>
        c.startsWith('skuContext')
      )
    ).toEqual(['skuContext 2', 'skuContext 2'])
    expect([...a.calls.logistics, ...b.calls.logistics]).toEqual([
      'inventory 2',
    ])
  })
})

describe("given a sweep that read a SKU's inputs before taking its lease", () => {
  it("should not let its lease cover another worker's change made between that read and the lease", async () => {
    const world = demoWorld()
    const docs = new FakeDocs()
    const a = fakeDeps(world, docs, { workerId: 'a' })
    const b = fakeDeps(world, docs, { workerId: 'b' })

    await evaluateSku(a.deps, '1', EVENT)
    restart(a.deps)

    // A clock that moves a second per reading, so that the read and the lease differ in time.
    let clock = Date.parse('2026-11-26T13:00:00.000Z')
    let readAt = NaN
    const { skuContext } = a.deps.catalog

    a.deps.now = () => new Date((clock += 1000))
    a.deps.catalog = {
      ...a.deps.catalog,
      skuContext: (id) => {
        readAt = readAt || clock

        return skuContext(id)
      },
    }
    world.inventory['1'] = [
      {
        warehouseId: 'wh-a',
        totalQuantity: 3,
        reservedQuantity: 0,
        hasUnlimitedQuantity: false,
      },
    ]

    // While the sweep holds the lease, another worker gets the event of a change made after the
    // sweep's read: the sweep's inputs cannot have seen it.
    let other: string | undefined
    const { putSku } = a.deps.projection

    a.deps.projection.putSku = async (...write) => {
      other ??= (
        await evaluateSku(b.deps, '1', {
          cause: 'EVENT',
          changedAt: new Date(readAt + 500).toISOString(),
        })
      ).outcome

      return putSku(...write)
    }

    const swept = await evaluateSku(a.deps, '1', {
      cause: 'SWEEP',
      checkFirst: true,
    })

    expect(swept.outcome).toBe('EVALUATED')
    expect(other).toBe('DEFERRED')
    // The sweep evaluated once more for the change it had been told of.
    expect(
      a.calls.catalog.filter((c) => c === 'skuContext 1').length
    ).toBeGreaterThanOrEqual(3)
  })
})

describe('given a holder out of rounds releasing a SKU still dirty', () => {
  async function holding() {
    const docs = new FakeDocs()
    const { deps } = fakeDeps(demoWorld(), docs, { workerId: 'a' })
    const held = await acquireLease(deps, '1')

    if (!held || held === 'SEEN') throw new Error('no lease')
    const stored = () => docs.files.get('skus/1')?.value as SkuState
    // Another writer changes the state under the holder (a new etag).
    const rewrite = async (change: Partial<SkuState>) => {
      const file = docs.files.get('skus/1')

      await docs.write(
        'skus',
        '1',
        { ...stored(), ...change },
        file?.etag ?? null
      )
    }

    return { deps, held, stored, rewrite }
  }

  it('should release it dirty, rows owed kept, when another worker marked it meanwhile', async () => {
    const { deps, held, stored, rewrite } = await holding()

    await rewrite({ dirty: true, rowsOwed: true })
    const committed = await commit(deps, held, held.state, { stillDirty: true })

    expect(committed).toMatchObject({ again: false })
    expect(stored()).toMatchObject({ lease: null, dirty: true, rowsOwed: true })
  })

  it('should keep the dirty mark when the conflicting write changed neither the mark nor the overrides', async () => {
    const { deps, held, stored, rewrite } = await holding()

    await rewrite({})
    await commit(deps, held, held.state, { stillDirty: true })

    expect(stored()).toMatchObject({ lease: null, dirty: true })
  })
})
