import {
  addProduct,
  addSku,
  seedBase,
  stockPattern,
  THIRD_PARTY,
} from './seedBase'
import { extraPolicies, extraStock, seedChannels } from './seedChannels'
import type { State } from '../world/state'

/** Small, fast, seedable PRNG (mulberry32): the same seed always builds the same catalog. */
function prng(seed: number) {
  let a = seed >>> 0

  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a

    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)

    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * A large catalog: `skus` SKUs over products of 1-3 SKUs, the demo's sellers, warehouses,
 * docks and affiliates, stock following the demo's pattern, 92% priced. Stored objects carry
 * no optional data, so 100,000 SKUs build in about a second and stay memory-lean. `channels`
 * other than 2 adds or drops affiliates (seedChannels.ts); 2 is the demo's world exactly.
 */
export function seedGenerated(
  state: State,
  selfUrl: string,
  skus: number,
  seed = 1,
  channels = 2
) {
  seedBase(state, selfUrl)
  const extra = seedChannels(state, selfUrl, channels)
  const random = prng(seed)
  let skuId = 1
  let productId = 1

  while (skuId <= skus) {
    const count = Math.min(1 + Math.floor(random() * 3), skus - skuId + 1)
    const roll = random()
    const policies = roll < 0.9 ? [1] : roll < 0.95 ? [1, 2] : [1, 3]
    const seller = THIRD_PARTY[Math.floor(random() * 3)]
    const marketplaceOnly = random() < 0.05

    addProduct(
      state,
      productId,
      `Generated product ${productId}`,
      random() > 0.01,
      extra.length
        ? [...policies, ...extraPolicies(productId, extra)]
        : policies
    )
    for (let k = 0; k < count; k++, skuId++) {
      const sellers = marketplaceOnly
        ? [{ sellerId: '1', active: true }]
        : [{ sellerId: seller, active: random() > 0.03 }]

      if (!marketplaceOnly && random() < 0.25)
        sellers.push({ sellerId: '1', active: true })
      const priced = random() < 0.92
      // Drawn in the order the plan's fields were before: the same seed, the same catalog.
      const active = random() > 0.02
      const stock = stockPattern(Math.floor(random() * 10))

      addSku(state, {
        skuId,
        productId,
        name: `Variant ${k + 1}`,
        active,
        sellers,
        stock: extra.length ? [...stock, ...extraStock(skuId)] : stock,
        price: priced
          ? {
              base: 10 + Math.floor(random() * 490),
              tables: random() < 0.8 ? ['1', '2', '3'] : ['1', '2'],
            }
          : null,
      })
    }

    productId += 1
  }

  state.catalogChanged()
}
