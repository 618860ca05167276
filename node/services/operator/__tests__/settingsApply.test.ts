import { evaluationsIdle } from '../../evaluation/engine'
import { evaluateSku } from '../../evaluation/evaluate'
import { updateSettings } from '../actions'
import { previewSettings } from '../preview'
import { catalogWorld, stock, writesOf } from '../../reconcile/__tests__/world'
import { fakeDeps, FakeDocs } from '../../shared/__tests__/fakes'

/** A worker whose log says when a save's background work is over. */
function worker(modes: Record<string, 'OBSERVE' | 'ENFORCE'>, skus = 4) {
  // Products 100 (SKUs 1, 2), 101 (3, 4), …; SKU 1 has 2 units in the warehouse serving MKB.
  const world = catalogWorld(skus)

  world.inventory['1'] = stock(2)
  const made = fakeDeps(world, new FakeDocs(), { modes })
  const logged: string[] = []

  made.deps.log = {
    info: (entry) => logged.push(String(entry.message)),
    warn: (entry) => logged.push(String(entry.message)),
    error: (entry) => logged.push(String(entry.message)),
  }

  const applied = async () => {
    for (let i = 0; i < 500 && !logged.includes('settings-applied'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 2))
    }

    expect(logged).toContain('settings-applied')
    await evaluationsIdle(made.deps)
  }

  return { world, ...made, logged, applied }
}

async function evaluateAll(
  deps: ReturnType<typeof worker>['deps'],
  ids = ['1', '2', '3', '4']
) {
  for (const id of ids) {
    await evaluateSku(deps, id, { cause: 'EVENT' })
  }

  await evaluationsIdle(deps)
}

const statusOn = (w: ReturnType<typeof worker>, skuId: string) =>
  w.exposures.get(`${skuId}-MKB`)?.status

describe('given MKB in OBSERVE, with SKU 1 exposed at 2 units', () => {
  describe("when one save switches MKB to ENFORCE and denies SKU 1's seller", () => {
    it('should decide SKU 1 under the deny list before writing, and never put product 100 on MKB', async () => {
      const w = worker({ MKB: 'OBSERVE', GGL: 'OBSERVE' })

      await evaluateAll(w.deps)
      expect(statusOn(w, '1')).toBe('EXPOSED')
      w.calls.catalog.length = 0

      await updateSettings(
        w.deps,
        {
          channels: [
            {
              channel: 'MKB',
              mode: 'ENFORCE',
              exposeAt: 3,
              sellerDeny: ['sellera'],
            },
          ],
        },
        'admin@x'
      )
      await w.applied()

      // Applied under the old rules first, product 100 went on trade policy 2 and came off.
      expect(writesOf(w.calls)).toEqual([])
      expect(statusOn(w, '1')).toBe('WITHHELD')
      expect(w.world.associations['100']).toEqual(['1'])
      expect(w.exposures.get('1-MKB')?.reasons).toContain('SELLER_EXCLUDED')
    })
  })
})

describe('given MKB in ENFORCE, with product 100 on it for SKU 1', () => {
  describe('when a save raises the thresholds above its 2 units', () => {
    it('should withdraw SKU 1 and take product 100 off MKB once, without waiting for an event', async () => {
      const w = worker({ MKB: 'ENFORCE', GGL: 'OBSERVE' })

      await evaluateAll(w.deps)
      expect(w.world.associations['100']).toEqual(['1', '2'])
      w.calls.catalog.length = 0

      await updateSettings(
        w.deps,
        {
          channels: [{ channel: 'MKB', exposeAt: 3, withdrawBelow: 3 }],
        },
        'admin@x'
      )
      await w.applied()

      expect(statusOn(w, '1')).toBe('WITHHELD')
      expect(writesOf(w.calls)).toEqual(['dissociate 100 2'])
      expect(w.world.associations['100']).toEqual(['1'])
      // Only the SKU the new rules change is read again.
      expect(w.calls.catalog.filter((c) => c.startsWith('skuContext'))).toEqual(
        ['skuContext 1']
      )
    })
  })
})

describe('given MKB in ENFORCE with products 100 and 101 on it, one SKU each stocked at 2', () => {
  describe("when a save raises the thresholds and the catalog fails product 100's read", () => {
    it('should still take product 101 off MKB, and say which product failed', async () => {
      const w = worker({ MKB: 'ENFORCE', GGL: 'OBSERVE' })

      w.world.inventory['3'] = stock(2)
      await evaluateAll(w.deps)
      expect(w.world.associations['101']).toEqual(['1', '2'])
      const read = w.deps.catalog.productTradePolicies

      w.deps.catalog.productTradePolicies = async (pid) => {
        if (pid === '100') throw new Error('catalog unavailable')

        return read(pid)
      }

      w.calls.catalog.length = 0
      await updateSettings(
        w.deps,
        { channels: [{ channel: 'MKB', exposeAt: 3, withdrawBelow: 3 }] },
        'admin@x'
      )
      await w.applied()

      // One product's failure used to end the loop: 101 stayed on MKB with too little stock.
      expect(writesOf(w.calls)).toEqual(['dissociate 101 2'])
      expect(w.logged).toContain('settings-apply-product-failed')
    })
  })
})

describe('given MKB in ENFORCE with product 100 on it for SKU 1', () => {
  describe("when a save raises the thresholds and the catalog fails SKU 1's first read", () => {
    it("should take product 100 off MKB on the engine's retry: a retry holds no write", async () => {
      const w = worker({ MKB: 'ENFORCE', GGL: 'OBSERVE' })

      await evaluateAll(w.deps)
      w.calls.catalog.length = 0
      w.world.failNext.push('skuContext')
      await updateSettings(
        w.deps,
        { channels: [{ channel: 'MKB', exposeAt: 3, withdrawBelow: 3 }] },
        'admin@x'
      )
      await w.applied()
      // The save's own pass found SKU 1 unreadable (ERROR) and wrote nothing; the engine tries
      // again 2 s later, after the save's writes are done.
      for (let i = 0; i < 100 && writesOf(w.calls).length === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50))
      }

      expect(writesOf(w.calls)).toEqual(['dissociate 100 2'])
      expect(statusOn(w, '1')).toBe('WITHHELD')
    })
  })
})

describe('given MKB in OBSERVE over four products, two of them already right in the catalog', () => {
  describe('when the operator previews the switch to ENFORCE and then saves it', () => {
    it('should count and list exactly the writes the save then makes', async () => {
      // 100: SKU 1 stocked, off MKB (to associate). 101: SKU 3 stocked, already on MKB.
      // 102: nothing stocked, on MKB by hand (to dissociate). 103: nothing stocked, off MKB.
      const w = worker({ MKB: 'OBSERVE', GGL: 'OBSERVE' }, 8)

      w.world.inventory['3'] = stock(2)
      w.world.associations['101'] = ['1', '2']
      w.world.associations['102'] = ['1', '2']
      await evaluateAll(w.deps, ['1', '2', '3', '4', '5', '6', '7', '8'])
      w.calls.catalog.length = 0
      const input = {
        channels: [{ channel: 'MKB', mode: 'ENFORCE' as const }],
      }

      const [preview] = await previewSettings(w.deps, input)

      // Counting every product by what it should be said 2 and 2.
      expect(preview).toMatchObject({
        channel: 'MKB',
        associate: 1,
        dissociate: 1,
      })
      // The review lists the products it counts, and nothing else.
      expect(
        preview.products.map(({ productId, action, skuIds }) => ({
          productId,
          action,
          skuIds,
        }))
      ).toEqual([
        { productId: '100', action: 'ASSOCIATE', skuIds: ['1', '2'] },
        { productId: '102', action: 'DISSOCIATE', skuIds: ['5', '6'] },
      ])
      expect(preview.products).toHaveLength(
        preview.associate + preview.dissociate
      )
      expect(preview.productsTruncated).toBe(false)

      await updateSettings(w.deps, input, 'admin@x')
      await w.applied()

      expect(writesOf(w.calls).sort((a, b) => a.localeCompare(b))).toEqual([
        'associate 100 2',
        'dissociate 102 2',
      ])
    })
  })
})

describe('given product 100 on MKB, its SKU 1 withheld before its SKU 2 was exposed', () => {
  describe('when the operator previews the switch of MKB to ENFORCE', () => {
    it('should count no write for it: the catalog already has what its SKUs want', async () => {
      const w = worker({ MKB: 'OBSERVE', GGL: 'OBSERVE' }, 2)

      w.world.inventory['1'] = []
      w.world.associations['100'] = ['1', '2']
      await evaluateAll(w.deps, ['1'])
      w.world.inventory['2'] = stock(2)
      await evaluateAll(w.deps, ['2'])
      // SKU 1's row still carries the plan of its own evaluation (off MKB).
      expect(w.exposures.get('1-MKB')?.productAssociated).toBe(false)
      expect(w.exposures.get('2-MKB')?.status).toBe('EXPOSED')

      const [preview] = await previewSettings(w.deps, {
        channels: [{ channel: 'MKB', mode: 'ENFORCE' }],
      })

      expect(preview).toMatchObject({
        associate: 0,
        dissociate: 0,
        products: [],
      })
    })
  })
})
