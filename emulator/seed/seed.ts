import type { State } from '../world/state'
import {
  addProduct,
  addSku,
  seedBase,
  stockPattern,
  THIRD_PARTY,
} from './seedBase'
import type { SkuPlan } from './seedBase'

/**
 * Deterministic seeds. `demo` is small and hand-shaped for docs and integration tests (see
 * README for the ids); `generated` builds large catalogs quickly for benchmarks.
 */

export type SeedSpec =
  | { kind: 'demo' }
  | { kind: 'none' }
  | { kind: 'generated'; skus: number; seed?: number; channels?: number }

const NOUNS = [
  'T-Shirt',
  'Sneaker',
  'Backpack',
  'Watch',
  'Headphones',
  'Jacket',
  'Mug',
  'Lamp',
  'Notebook',
  'Bottle',
  'Cap',
  'Speaker',
]

const VARIANTS = ['Black', 'White', 'Blue', 'Red', 'Green']

export function seedDemo(state: State, selfUrl: string) {
  seedBase(state, selfUrl)
  // A handful of products already exposed beyond trade policy 1, so drift exists from the start.
  const extra: Record<number, number[]> = {
    2: [1, 2],
    4: [1, 2],
    6: [1, 2],
    3: [1, 3],
    7: [1, 3],
    10: [1, 2, 3],
  }

  let skuId = 1

  for (let p = 1; p <= 130; p++) {
    const count = p % 5 === 0 ? 3 : p % 3 === 0 ? 2 : 1
    const noun = NOUNS[p % NOUNS.length]
    const marketplaceOnly = p % 20 === 19
    const seller = THIRD_PARTY[(p - 1) % 3]

    addProduct(state, p, `${noun} ${p}`, p % 29 !== 0, extra[p] ?? [1])
    for (let k = 0; k < count; k++, skuId++) {
      const sellers: SkuPlan['sellers'] = []

      if (!marketplaceOnly)
        sellers.push({ sellerId: seller, active: skuId % 17 !== 0 })
      if (marketplaceOnly || skuId % 4 === 0)
        sellers.push({ sellerId: '1', active: true })
      addSku(state, {
        skuId,
        productId: p,
        name: count === 1 ? 'Unique' : VARIANTS[k % VARIANTS.length],
        active: skuId % 23 !== 0,
        sellers,
        stock: skuId === 1 ? [] : stockPattern(skuId),
        price:
          skuId % 13 === 0
            ? null
            : {
                base: 50 + ((skuId * 7) % 200),
                tables: skuId % 6 === 0 ? ['1', '2'] : ['1', '2', '3'],
              },
      })
    }
  }

  state.catalogChanged()
}
