import type { EventChanges } from '../../../domain'
import { BUCKET_SKUS } from '../../shared/deps'
import { evaluateSku } from '../evaluate'
import { acquireLease, commit } from '../lease'
import type { Held } from '../lease'
import type { SkuState } from '../state'
import type { World } from '../../shared/__tests__/fakes'
import {
  demoWorld,
  fakeDeps,
  FakeDocs,
  restart,
} from '../../shared/__tests__/fakes'

const STOCK: EventChanges = {
  stockModified: true,
  priceModified: false,
  skuModified: false,
  removedFromAffiliate: false,
  isActive: true,
}

const event = { cause: 'EVENT' as const, events: [STOCK] }

const stock = (world: World, quantity: number) => {
  world.inventory['1'] = [
    {
      warehouseId: 'wh-a',
      totalQuantity: quantity,
      reservedQuantity: 0,
      hasUnlimitedQuantity: false,
    },
  ]
}

/** The SKU's writes to storage, each with whether it carried a lease. */
function recordWrites(docs: FakeDocs) {
  const writes: Array<{ version: number; leased: boolean }> = []
  const write = docs.write.bind(docs)

  docs.write = async (bucket, path, value, etag) => {
    if (bucket === BUCKET_SKUS && path === '1') {
      const state = value as unknown as SkuState

      writes.push({ version: state.version, leased: state.lease !== null })
    }

    return write(bucket, path, value, etag)
  }

  return writes
}

/** SKU 1 exposed on MKB with 5 units (by a sweep), then a fresh worker process. */
async function exposedWithFive() {
  const world = demoWorld()
  const docs = new FakeDocs()

  stock(world, 5)
  const made = fakeDeps(world, docs)

  await evaluateSku(made.deps, '1', { cause: 'SWEEP' })
  restart(made.deps)

  return { ...made, world, docs }
}

const row = (made: { exposures: Map<string, { available: number | null }> }) =>
  made.exposures.get('1-MKB')?.available

describe('given a SKU exposed with 5 units', () => {
  describe('when a stock event moves it to 3 and keeps every status', () => {
    it('should write the moved row and the state once, with no lease', async () => {
      const made = await exposedWithFive()
      const writes = recordWrites(made.docs)
      const before = made.docs.writes
      const audited = made.auditWrites.length

      stock(made.world, 3)
      const result = await evaluateSku(made.deps, '1', event)

      expect(result.outcome).toBe('EVALUATED')
      expect(made.docs.writes - before).toBe(1)
      expect(writes).toEqual([{ version: 2, leased: false }])
      expect(row(made)).toBe(3)
      expect(made.auditWrites).toHaveLength(audited)
      const stored = made.docs.files.get(`${BUCKET_SKUS}/1`)?.value as SkuState

      expect(stored.decisions.MKB).toMatchObject({
        status: 'EXPOSED',
        available: 3,
      })
      expect(stored.inputs?.inventory).toEqual([
        expect.objectContaining({ totalQuantity: 3 }),
      ])
    })
  })

  describe('when the stock event moves it to 0 (a status change)', () => {
    it('should take the lease, as a change that plans a catalog write needs', async () => {
      const made = await exposedWithFive()
      const writes = recordWrites(made.docs)

      stock(made.world, 0)
      await evaluateSku(made.deps, '1', event)

      expect(writes[0]).toEqual({ version: 1, leased: true })
      expect(writes[writes.length - 1].leased).toBe(false)
      expect(made.exposures.get('1-MKB')).toMatchObject({
        status: 'WITHHELD',
        available: 0,
      })
    })
  })

  describe('when another worker stores the SKU between this one’s row and its state', () => {
    it('should refuse the stale state, take the lease and rewrite the rows from a fresh read, even one that decides as the winner did', async () => {
      const made = await exposedWithFive()
      // The other worker: its own process memory, the same storage, rows and VTEX.
      const other = fakeDeps(made.world, made.docs, { workerId: 'other' })

      other.exposures = made.exposures
      other.deps.projection = made.deps.projection
      const { putSku } = made.deps.projection
      let raced = false

      made.deps.projection.putSku = async (...write) => {
        if (!raced) {
          raced = true
          // Stock moved again; the other worker decides and stores it first.
          stock(made.world, 2)
          await evaluateSku(other.deps, '1', event)
        }

        // The first worker's row (3, read before) lands last, over the other's 2.
        await putSku(...write)
      }

      stock(made.world, 3)
      const result = await evaluateSku(made.deps, '1', event)

      expect(result.outcome).toBe('EVALUATED')
      const stored = made.docs.files.get(`${BUCKET_SKUS}/1`)?.value as SkuState

      expect(stored.decisions.MKB.available).toBe(2)
      expect(stored.lease).toBeNull()
      expect(row(made)).toBe(2)
    })
  })
})

describe('given another worker takes the lease between this one’s row and its state', () => {
  it('should leave the rows owed, so the holder’s next round rewrites them, even one that decides as stored', async () => {
    const made = await exposedWithFive()
    const other = fakeDeps(made.world, made.docs, { workerId: 'other' })

    other.deps.projection = made.deps.projection
    const { putSku } = made.deps.projection
    let held: Held | 'SEEN' | null = null

    made.deps.projection.putSku = async (...write) => {
      if (!held) {
        // The holder will read 5 again: the decision it stores is the one stored before.
        held = await acquireLease(other.deps, '1')
        stock(made.world, 5)
      }

      await putSku(...write)
    }

    stock(made.world, 3)
    const result = await evaluateSku(made.deps, '1', event)
    const stored = () =>
      made.docs.files.get(`${BUCKET_SKUS}/1`)?.value as SkuState

    expect(result.outcome).toBe('DEFERRED')
    expect(row(made)).toBe(3)
    expect(stored()).toMatchObject({ dirty: true, rowsOwed: true })

    // The holder lets go (its commit finds the dirty mark, as its round loop would), then
    // the SKU's next evaluation decides 5 again, as stored.
    const holding = held as unknown as Held
    const committed = await commit(other.deps, holding, holding.state)

    if (committed === 'LOST') throw new Error('the holder lost its lease')
    await commit(other.deps, committed.held, committed.held.state, {
      stillDirty: true,
    })
    await evaluateSku(other.deps, '1', { cause: 'SYSTEM' })

    expect(row(made)).toBe(5)
    expect(stored().rowsOwed).toBeUndefined()
    expect(stored().decisions.MKB.available).toBe(5)
  })
})
