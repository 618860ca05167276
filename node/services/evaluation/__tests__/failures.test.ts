import { BUCKET_PRODUCTS } from '../../shared/deps'
import { WRITE_RETRY_MS } from '../../enforcement/enforce'
import { evaluateSku } from '../evaluate'
import { pendingOf } from '../../projection/projection'
import type { ProductState, SkuState } from '../state'
import { demoWorld, fakeDeps, FakeDocs } from '../../shared/__tests__/fakes'

const EVENT = { cause: 'EVENT' as const }
// A product with no projection document has no pending change.
const NO_DOC = { desired: null, associated: null }

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
