import { evaluationsIdle } from '../../evaluation/engine'
import { evaluateSku } from '../../evaluation/evaluate'
import { productsToChange } from '../productsToChange'
import { catalogWorld, stock } from '../../reconcile/__tests__/world'
import { fakeDeps, FakeDocs } from '../../shared/__tests__/fakes'

// Products 100 (SKUs 1, 2) … 103 (7, 8), all on MKB in OBSERVE. 100: SKU 1 stocked, off MKB (to
// associate). 101: SKU 3 stocked, already on. 102: nothing stocked, on MKB by hand (to dissociate).
// 103: nothing stocked, off.
async function observed() {
  const world = catalogWorld(8)

  world.inventory['1'] = stock(2)
  world.inventory['3'] = stock(2)
  world.associations['101'] = ['1', '2']
  world.associations['102'] = ['1', '2']
  const made = fakeDeps(world, new FakeDocs(), {
    modes: { MKB: 'OBSERVE', GGL: 'OBSERVE' },
  })

  for (const id of ['1', '2', '3', '4', '5', '6', '7', '8']) {
    await evaluateSku(made.deps, id, { cause: 'EVENT' })
  }

  await evaluationsIdle(made.deps)

  return made
}

describe('given MKB in OBSERVE with one product to associate and one to dissociate', () => {
  describe('when the operator asks which products ENFORCE would change', () => {
    it('should list exactly those, with their SKUs, and total what the summary counts', async () => {
      const { deps } = await observed()
      const answer = await productsToChange(deps, 'MKB')

      expect(answer.items).toEqual([
        {
          productId: '100',
          productName: 'Product 100',
          action: 'ASSOCIATE',
          skuIds: ['1', '2'],
        },
        {
          productId: '102',
          productName: 'Product 102',
          action: 'DISSOCIATE',
          skuIds: ['5', '6'],
        },
      ])
      const summary =
        (await deps.projection.countPending('MKB', 'ASSOCIATE')) +
        (await deps.projection.countPending('MKB', 'DISSOCIATE'))

      expect(answer.total).toBe(summary)
      expect(answer.total).toBe(2)
    })

    it('should page by product id', async () => {
      const { deps } = await observed()

      const second = await productsToChange(deps, 'MKB', 2, 1)

      expect(second.items.map((p) => p.productId)).toEqual(['102'])
      expect(second.total).toBe(2)
    })
  })

  describe('when the channel is not one of the account', () => {
    it('should refuse it with UNKNOWN_CHANNEL', async () => {
      const { deps } = await observed()

      await expect(productsToChange(deps, 'NOPE')).rejects.toThrow(
        'UNKNOWN_CHANNEL'
      )
    })
  })

  describe('when the page is past the search window', () => {
    it('should refuse it with PAGE_BEYOND_SEARCH_WINDOW', async () => {
      const { deps } = await observed()

      await expect(productsToChange(deps, 'MKB', 101, 100)).rejects.toThrow(
        'PAGE_BEYOND_SEARCH_WINDOW'
      )
    })
  })
})
