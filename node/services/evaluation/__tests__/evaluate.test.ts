import { BUCKET_PRODUCTS } from '../../shared/deps'
import { WRITE_RETRY_MS } from '../../enforcement/enforce'
import { evaluateSku } from '../evaluate'
import { pendingOf } from '../../projection/projection'
import type { ProductState, SkuState } from '../state'
import {
  demoWorld,
  fakeDeps,
  FakeDocs,
  restart,
  sku,
} from '../../shared/__tests__/fakes'

const EVENT = { cause: 'EVENT' as const }
// A product with no projection document has no pending change.
const NO_DOC = { desired: null, associated: null }

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

describe('given ENFORCE and the SKU context says which trade policies the product is on', () => {
  const stocked = (reserved: number) => [
    {
      warehouseId: 'wh-a',
      totalQuantity: 3,
      reservedQuantity: reserved,
      hasUnlimitedQuantity: false,
    },
  ]

  it('should write the association it says is missing without reading the association again', async () => {
    const world = demoWorld()
    const { deps, calls } = fakeDeps(world, new FakeDocs(), {
      modes: { MKB: 'ENFORCE' },
    })

    world.inventory['1'] = stocked(0)
    await evaluateSku(deps, '1', EVENT)

    expect(calls.catalog).toEqual(['skuContext 1', 'associate 10 2'])
    expect(world.associations['10']).toEqual(['1', '2'])
  })

  it('should confirm with a read, and still associate, when a lagging context says the product is already on the channel', async () => {
    const world = demoWorld()
    const { deps, calls } = fakeDeps(world, new FakeDocs(), {
      modes: { MKB: 'ENFORCE' },
    })

    world.inventory['1'] = stocked(0)
    world.staleContext = { '10': ['1', '2'] }
    await evaluateSku(deps, '1', EVENT)

    expect(calls.catalog).toEqual([
      'skuContext 1',
      'productTradePolicies 10',
      'associate 10 2',
    ])
    expect(world.associations['10']).toEqual(['1', '2'])
  })

  it('should never skip a withdrawal because a lagging context says the product is already off the channel', async () => {
    const world = demoWorld()
    const { deps } = fakeDeps(world, new FakeDocs(), {
      modes: { MKB: 'ENFORCE' },
    })

    world.inventory['1'] = stocked(0)
    await evaluateSku(deps, '1', EVENT)
    await evaluateSku(deps, '2', EVENT)
    expect(world.associations['10']).toEqual(['1', '2'])

    world.inventory['1'] = stocked(3)
    world.staleContext = { '10': ['1'] }
    await evaluateSku(deps, '1', EVENT)

    expect(world.associations['10']).toEqual(['1'])
  })
})

describe('given ENFORCE and a catalog write that fails', () => {
  const stocked = [
    {
      warehouseId: 'wh-a',
      totalQuantity: 3,
      reservedQuantity: 0,
      hasUnlimitedQuantity: false,
    },
  ]

  /** Runs the retry the failure scheduled, as its timer would, and waits for it to finish. */
  async function runRetry(timers: Array<{ run: () => void; ms: number }>) {
    const retry = timers.find((t) => t.ms === WRITE_RETRY_MS[0])

    expect(retry).toBeDefined()
    retry?.run()
    for (let i = 0; i < 50; i++) {
      await new Promise((resolve) => setImmediate(resolve))
    }
  }

  function captureTimers() {
    const timers: Array<{ run: () => void; ms: number }> = []

    jest.spyOn(global, 'setTimeout').mockImplementation(((
      run: () => void,
      ms: number
    ) => {
      timers.push({ run, ms })

      return { unref: () => undefined }
    }) as unknown as typeof setTimeout)

    return timers
  }

  afterEach(() => jest.restoreAllMocks())

  it('should write the association again a few seconds later when VTEX refused it', async () => {
    const world = demoWorld()
    const docs = new FakeDocs()
    const { deps, calls, audit, products } = fakeDeps(world, docs, {
      modes: { MKB: 'ENFORCE' },
    })

    const timers = captureTimers()

    world.inventory['1'] = stocked
    world.failNext.push('associate')
    await evaluateSku(deps, '1', EVENT)
    expect(world.associations['10']).toEqual(['1'])
    expect(pendingOf(products.get('10-MKB') ?? NO_DOC)).toBe('ASSOCIATE')

    await runRetry(timers)

    // The admin's pending count goes back down with the write.
    expect(pendingOf(products.get('10-MKB') ?? NO_DOC)).toBe('NONE')

    expect(calls.catalog.filter((c) => c.startsWith('associate'))).toEqual([
      'associate 10 2',
      'associate 10 2',
    ])
    expect(world.associations['10']).toEqual(['1', '2'])
    const product = await docs.read<ProductState>(BUCKET_PRODUCTS, '10', () => {
      throw new Error('no product document')
    })

    expect(product.value.applied.MKB).toBe(true)
    expect(
      [...audit.values()].filter((e) => e.kind === 'ENFORCEMENT_WRITE')
    ).toHaveLength(1)
  })

  it('should not write twice when a write that timed out was applied after all', async () => {
    const world = demoWorld()
    const docs = new FakeDocs()
    const { deps, calls } = fakeDeps(world, docs, {
      modes: { MKB: 'ENFORCE' },
    })

    const timers = captureTimers()

    world.inventory['1'] = stocked
    world.failNext.push('associateLate')
    await evaluateSku(deps, '1', EVENT)
    await runRetry(timers)

    expect(calls.catalog.filter((c) => c.startsWith('associate'))).toEqual([
      'associate 10 2',
    ])
    expect(calls.catalog).toContain('productTradePolicies 10')
    const product = await docs.read<ProductState>(BUCKET_PRODUCTS, '10', () => {
      throw new Error('no product document')
    })

    expect(product.value.applied.MKB).toBe(true)
  })
})

describe('given OBSERVE, the product projection that counts pending changes', () => {
  it('should be written only when a channel gets or loses a pending change', async () => {
    const world = demoWorld()
    const { deps, products } = fakeDeps(world, new FakeDocs())

    // Withheld everywhere and off both trade policies: nothing pending, nothing written.
    await evaluateSku(deps, '1', EVENT)
    expect([...products.keys()]).toEqual([])

    world.inventory['1'] = [
      {
        warehouseId: 'wh-a',
        totalQuantity: 3,
        reservedQuantity: 0,
        hasUnlimitedQuantity: false,
      },
    ]
    await evaluateSku(deps, '1', { ...EVENT, changedAt: null })
    expect([...products.entries()]).toEqual([
      ['10-MKB', expect.objectContaining({ desired: true, associated: false })],
    ])

    world.inventory['1'] = []
    await evaluateSku(deps, '1', { ...EVENT, changedAt: null })
    expect(products.get('10-MKB')).toEqual(
      expect.objectContaining({ desired: false, associated: false })
    )
  })
})

describe('given the catalog answers 503', () => {
  it('should mark the SKU ERROR with UPSTREAM_ERROR and schedule a retry, losing nothing', async () => {
    const world = demoWorld()
    const docs = new FakeDocs()
    const { deps } = fakeDeps(world, docs)

    world.failNext = ['skuContext']
    const result = await evaluateSku(deps, '1', EVENT)

    expect(result.outcome).toBe('FAILED')
    expect(result.errorCode).toBe('UPSTREAM_UNAVAILABLE')
    const state = docs.files.get('skus/1')?.value as SkuState

    expect(state.failures).toBe(1)
    expect(state.nextRetryAt).not.toBeNull()
    expect(state.lease).toBeNull()

    const again = await evaluateSku(deps, '1', EVENT)

    expect(again.outcome).toBe('EVALUATED')
    expect(again.decisions.every((d) => d.status === 'WITHHELD')).toBe(true)
  }, 20_000)
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

describe('given every SKU of a product notified at once, as VTEX does when the product changes', () => {
  it("should update the product's document one SKU after the other in this process, with no refused write and no read", async () => {
    const world = demoWorld()
    const docs = new FakeDocs()
    const { deps } = fakeDeps(world, docs, { modes: { MKB: 'ENFORCE' } })

    world.inventory['1'] = [
      {
        warehouseId: 'wh-a',
        totalQuantity: 3,
        reservedQuantity: 0,
        hasUnlimitedQuantity: false,
      },
    ]
    await Promise.all(['1', '2'].map((id) => evaluateSku(deps, id, EVENT)))

    const product = await docs.read<ProductState>(BUCKET_PRODUCTS, '10', () => {
      throw new Error('no product document')
    })

    expect(
      Object.keys(product.value.skus).sort((a, b) => a.localeCompare(b))
    ).toEqual(['1', '2'])
    expect(world.associations['10']).toEqual(['1', '2'])
    // The read just above is the only one of the product's document.
    expect(docs.reads[BUCKET_PRODUCTS]).toBe(1)
  })
})

describe('given a duplicate of an event whose change was already evaluated', () => {
  it('should cost no upstream read, in this worker or in another one', async () => {
    const world = demoWorld()
    const docs = new FakeDocs()
    const a = fakeDeps(world, docs, { workerId: 'a' })
    const b = fakeDeps(world, docs, { workerId: 'b' })
    const event = {
      cause: 'EVENT' as const,
      changedAt: '2026-11-26T11:59:59.000Z',
    }

    expect((await evaluateSku(a.deps, '2', event)).outcome).toBe('EVALUATED')
    expect((await evaluateSku(a.deps, '2', event)).outcome).toBe('ALREADY_SEEN')
    expect((await evaluateSku(b.deps, '2', event)).outcome).toBe('ALREADY_SEEN')
    expect(a.calls.catalog).toEqual(['skuContext 2'])
    expect(b.calls.catalog).toEqual([])
  })

  it('should evaluate again when the change is newer than the last read', async () => {
    const world = demoWorld()
    const { deps, calls } = fakeDeps(world, new FakeDocs())

    await evaluateSku(deps, '2', {
      cause: 'EVENT',
      changedAt: '2026-11-26T11:59:59.000Z',
    })
    const later = await evaluateSku(deps, '2', {
      cause: 'EVENT',
      changedAt: '2026-11-26T12:00:01.000Z',
    })

    expect(later.outcome).toBe('EVALUATED')
    expect(calls.catalog.filter((c) => c.startsWith('skuContext'))).toEqual([
      'skuContext 2',
      'skuContext 2',
    ])
  })
})

describe('given an event for a change VTEX stamped just before this worker read the SKU', () => {
  // The fakes' clock reads 12:00:00.000; the change is 200 ms older, within SEEN_MARGIN_MS: a
  // worker clock 200 ms ahead of VTEX's would have read before the change.
  const event = {
    cause: 'EVENT' as const,
    changedAt: '2026-11-26T11:59:59.800Z',
  }

  it('should evaluate it again rather than take it as a duplicate, in this worker or in another one', async () => {
    const world = demoWorld()
    const docs = new FakeDocs()
    const a = fakeDeps(world, docs, { workerId: 'a' })
    const b = fakeDeps(world, docs, { workerId: 'b' })

    await evaluateSku(a.deps, '2', event)

    expect((await evaluateSku(a.deps, '2', event)).outcome).toBe('EVALUATED')
    expect((await evaluateSku(b.deps, '2', event)).outcome).toBe('EVALUATED')
    expect(
      [...a.calls.logistics, ...b.calls.logistics].filter(
        (c) => c === 'inventory 2'
      )
    ).toHaveLength(3)
  })

  it('should not count the holder of the lease as having seen it', async () => {
    const world = demoWorld()
    const docs = new FakeDocs()
    const a = fakeDeps(world, docs, { workerId: 'a' })
    const b = fakeDeps(world, docs, { workerId: 'b' })

    const results = await Promise.all([
      evaluateSku(a.deps, '2', event),
      evaluateSku(b.deps, '2', event),
    ])

    // The second worker leaves the SKU dirty for the holder instead of dropping the event.
    expect(
      results.map((r) => r.outcome).sort((x, y) => x.localeCompare(y))
    ).toEqual(['DEFERRED', 'EVALUATED'])
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

describe('given VBase failing when the evaluation commits', () => {
  it('should free the lease at once and keep the SKU marked for a retry, then evaluate normally', async () => {
    const docs = new FakeDocs()
    const { deps } = fakeDeps(demoWorld(), docs)

    await evaluateSku(deps, '2', EVENT) // creates the SKU's document
    docs.failWrites = 0
    const original = docs.write.bind(docs)
    let writes = 0

    // Let the lease be taken, fail the commit.
    docs.write = async (...args: Parameters<FakeDocs['write']>) => {
      writes += 1
      if (writes === 2 && args[0] === 'skus') docs.failWrites = 1

      return original(...args)
    }

    await expect(evaluateSku(deps, '2', { cause: 'SWEEP' })).rejects.toThrow(
      '503'
    )
    const state = docs.files.get('skus/2')?.value as SkuState

    expect(state.lease).toBeNull()
    expect(state.lastError).toBe('STORAGE_ERROR')
    expect(state.failures).toBe(1)
    docs.write = original
    expect((await evaluateSku(deps, '2', { cause: 'SWEEP' })).outcome).toBe(
      'EVALUATED'
    )
  })
})

describe('given a product whose first evaluated SKU is withheld while an unevaluated sibling is exposed', () => {
  it('should not withdraw the product: it evaluates the sibling first, and writes nothing', async () => {
    const world = demoWorld()
    const { deps, calls } = fakeDeps(world, new FakeDocs(), {
      modes: { MKB: 'ENFORCE' },
    })

    world.associations['10'] = ['1', '2']
    world.inventory['2'] = [
      {
        warehouseId: 'wh-a',
        totalQuantity: 5,
        reservedQuantity: 0,
        hasUnlimitedQuantity: false,
      },
    ]

    const first = await evaluateSku(deps, '1', EVENT)

    expect(first.decisions.find((d) => d.channel === 'MKB')?.status).toBe(
      'WITHHELD'
    )
    // The sibling is evaluated in the background; wait for its read.
    for (let i = 0; i < 100 && !calls.catalog.includes('skuContext 2'); i++) {
      await new Promise((r) => setTimeout(r, 10))
    }

    await new Promise((r) => setTimeout(r, 100))
    expect(calls.catalog).toContain('productSkuIds 10')
    expect(
      calls.catalog.filter((c) => /^(associate|dissociate)/.test(c))
    ).toEqual([])
    expect(world.associations['10']).toEqual(['1', '2'])
  })

  it('should withdraw it once every SKU of the product is known and none is exposed', async () => {
    const world = demoWorld()
    const { deps, calls } = fakeDeps(world, new FakeDocs(), {
      modes: { MKB: 'ENFORCE' },
    })

    world.associations['10'] = ['1', '2']
    await evaluateSku(deps, '1', EVENT)
    for (
      let i = 0;
      i < 100 && !calls.catalog.includes('dissociate 10 2');
      i++
    ) {
      await new Promise((r) => setTimeout(r, 10))
    }

    expect(
      calls.catalog.filter((c) => /^(associate|dissociate)/.test(c))
    ).toEqual(['dissociate 10 2'])
  })
})

describe("given a sweep's check that found a SKU changed", () => {
  describe('when an event commits the SKU before the sweep takes its lease', () => {
    it('should read the inputs again under the lease instead of committing the older ones', async () => {
      const world = demoWorld()
      const docs = new FakeDocs()
      const sweep = fakeDeps(world, docs, { workerId: 'sweeper' })
      const event = fakeDeps(world, docs, { workerId: 'eventer' })

      await evaluateSku(event.deps, '1', EVENT)
      world.inventory['1'] = [
        {
          warehouseId: 'wh-a',
          totalQuantity: 3,
          reservedQuantity: 0,
          hasUnlimitedQuantity: false,
        },
      ]
      // The event lands while the sweep's check is reading the SKU's inventory.
      const { inventory } = sweep.deps.logistics

      sweep.deps.logistics.inventory = async (id) => {
        sweep.deps.logistics.inventory = inventory
        await evaluateSku(event.deps, '1', EVENT)

        return inventory(id)
      }

      const result = await evaluateSku(sweep.deps, '1', {
        cause: 'SWEEP',
        checkFirst: true,
      })

      expect(result.outcome).toBe('EVALUATED')
      expect(result.decisions.find((d) => d.channel === 'MKB')?.status).toBe(
        'EXPOSED'
      )
      // Read by the check, then again under the lease: the event's commit made the first stale.
      expect(sweep.calls.catalog).toEqual(['skuContext 1', 'skuContext 1'])
    })
  })

  describe('when nobody writes the SKU before the sweep takes its lease', () => {
    it("should decide from the check's inputs, reading nothing twice", async () => {
      const world = demoWorld()
      const docs = new FakeDocs()
      const { deps, calls } = fakeDeps(world, docs)

      await evaluateSku(deps, '1', EVENT)
      restart(deps)
      world.inventory['1'] = [
        {
          warehouseId: 'wh-a',
          totalQuantity: 3,
          reservedQuantity: 0,
          hasUnlimitedQuantity: false,
        },
      ]
      calls.catalog.length = 0
      const result = await evaluateSku(deps, '1', {
        cause: 'SWEEP',
        checkFirst: true,
      })

      expect(result.decisions.find((d) => d.channel === 'MKB')?.status).toBe(
        'EXPOSED'
      )
      expect(calls.catalog).toEqual(['skuContext 1'])
    })
  })
})

describe('given a SKU another process rewrote after this one committed it', () => {
  describe("when a later sweep's check finds the stored decision wrong", () => {
    it("should compare with the stored version, not this process's memory, and repair it", async () => {
      const world = demoWorld()
      const docs = new FakeDocs()
      const { deps } = fakeDeps(world, docs)

      await evaluateSku(deps, '1', EVENT)
      // Another process stored MKB as EXPOSED (wrongly: SKU 1 has no stock).
      await docs.update<SkuState>(
        'skus',
        '1',
        () => {
          throw new Error('the state exists')
        },
        (current) => ({
          ...current,
          decisions: {
            ...current.decisions,
            MKB: { ...current.decisions.MKB, status: 'EXPOSED', reasons: [] },
          },
        })
      )

      const result = await evaluateSku(deps, '1', {
        cause: 'SWEEP',
        checkFirst: true,
      })

      expect(result.decisions.find((d) => d.channel === 'MKB')?.status).toBe(
        'WITHHELD'
      )
      const { value } = await docs.read<SkuState>('skus', '1', () => {
        throw new Error('the state exists')
      })

      expect(value.decisions.MKB.status).toBe('WITHHELD')
    })
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
    const { put } = a.deps.projection

    a.deps.projection.put = async (doc) => {
      other ??= (
        await evaluateSku(b.deps, '1', {
          cause: 'EVENT',
          changedAt: new Date(readAt + 500).toISOString(),
        })
      ).outcome

      return put(doc)
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
