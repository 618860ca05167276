import type { State } from '../world/state'
import { addAffiliate, addDock, addWarehouse } from './seedBase'
import type { SkuPlan } from './seedBase'

/**
 * Channels beyond the base's MKB and GGL, for benchmarks at many channels: each its own
 * affiliate, trade policy and dock, reached by its own set of warehouses, so a SKU's decision
 * differs from one channel to the next as it would on a real account.
 */

/** With A and B, these give the extra channels sets of warehouses that MKB and GGL do not have. */
const EXTRA_WAREHOUSES = ['wh-c', 'wh-d']

/** The warehouses reaching the i-th extra channel (MKB has A alone, GGL B alone). */
const REACH = [
  ['wh-c'],
  ['wh-a', 'wh-c'],
  ['wh-b', 'wh-c'],
  ['wh-a', 'wh-b'],
  ['wh-d'],
  ['wh-a', 'wh-d'],
  ['wh-c', 'wh-d'],
  ['wh-a', 'wh-b', 'wh-c', 'wh-d'],
  ['wh-b', 'wh-d'],
  ['wh-a', 'wh-c', 'wh-d'],
  ['wh-b', 'wh-c', 'wh-d'],
  ['wh-a', 'wh-b', 'wh-d'],
  ['wh-a', 'wh-b', 'wh-c'],
]

// The app takes an affiliate for a channel only if its id is three consonants.
const CONSONANTS = 'BCDFGHJKLMNPQRSTVWXZ'

/** Trade policies 1-3 are the base's: the i-th extra channel has 4 + i. */
const FIRST_EXTRA_POLICY = 4

export const MAX_CHANNELS = 2 + CONSONANTS.length ** 2

export function extraChannelId(i: number) {
  return `X${CONSONANTS[Math.floor(i / CONSONANTS.length)]}${
    CONSONANTS[i % CONSONANTS.length]
  }`
}

/**
 * Makes the base's two channels `channels` (1 keeps MKB only). Returns the extra channels' trade
 * policies. Two is the base itself: nothing is added, so the world is the same as without.
 */
export function seedChannels(
  state: State,
  selfUrl: string,
  channels: number
): number[] {
  if (channels < 2) state.affiliates.delete('GGL')
  if (channels <= 2) return []
  EXTRA_WAREHOUSES.forEach((id, k) =>
    addWarehouse(
      state,
      id,
      `Warehouse ${id.slice(-1).toUpperCase()}`,
      [],
      2 + k
    )
  )

  const policies: number[] = []

  for (let i = 0; i < channels - 2; i++) {
    const id = extraChannelId(i)
    const policy = FIRST_EXTRA_POLICY + i
    const dockId = `dock-${policy}`

    state.salesChannels.set(policy, {
      Id: policy,
      Name: `Channel ${id}`,
      IsActive: true,
    })
    state.priceTables.add(String(policy))
    addDock(state, dockId, `Dock ${policy} (trade policy ${policy})`, [
      String(policy),
    ])
    for (const warehouseId of REACH[i % REACH.length])
      state.warehouses
        .get(warehouseId)
        ?.warehouseDocks.push({ dockId, time: '00:00:00', cost: 0 })
    addAffiliate(state, selfUrl, id, `Channel ${id}`, String(policy))
    policies.push(policy)
  }

  return policies
}

/** [total, reserved, unlimited] by a digit of the SKU id: the base pattern's shapes. */
const EXTRA_PATTERN: Array<[number, number, boolean] | null> = [
  null,
  [6, 0, false],
  [20, 0, false],
  null,
  [3, 0, false],
  [0, 0, true],
  null,
  [10, 4, false],
  [2, 0, false],
  [0, 0, false],
]

/**
 * The extra warehouses' stock of a SKU, from its id alone (no draw from the seed's random
 * stream, which would change every SKU after it). Multipliers prime to 10 give C and D
 * each a different digit than A and B.
 */
export function extraStock(skuId: number): SkuPlan['stock'] {
  return EXTRA_WAREHOUSES.flatMap((warehouseId, k) => {
    const row = EXTRA_PATTERN[(skuId * (3 + 4 * k) + k) % 10]

    return row ? [[warehouseId, ...row] as SkuPlan['stock'][number]] : []
  })
}

/** About one product in ten is already on each extra trade policy (drift exists from the start). */
export function extraPolicies(productId: number, policies: number[]) {
  return policies.filter((policy) => (productId + policy) % 10 === 0)
}
