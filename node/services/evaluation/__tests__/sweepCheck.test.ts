import { evaluateSku } from '../evaluate'
import type { SkuState } from '../state'
import {
  demoWorld,
  fakeDeps,
  FakeDocs,
  restart,
} from '../../shared/__tests__/fakes'

const EVENT = { cause: 'EVENT' as const }

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
