import type { InventoryResponse } from '../../../typings/logistics'
import { fakeDeps, FakeDocs, price, sku } from '../../shared/__tests__/fakes'
import type { World } from '../../shared/__tests__/fakes'
import type { SweepDeps, SweepTuning } from '../types'

export const stock = (quantity: number): InventoryResponse['balance'] => [
  {
    warehouseId: 'wh-a', // its dock serves trade policies 1 and 2 (MKB), not 3 (GGL)
    totalQuantity: quantity,
    reservedQuantity: 0,
    hasUnlimitedQuantity: false,
  },
]

/** `n` Seller A SKUs, two per product (products 100, 101, …), all in trade policy 1 only. */
export function catalogWorld(n: number): World {
  const world: World = {
    skus: {},
    inventory: {},
    prices: {},
    associations: {},
    failNext: [],
  }

  for (let i = 1; i <= n; i++) {
    const productId = String(100 + Math.floor((i - 1) / 2))

    world.skus[String(i)] = sku(String(i), productId, ['sellera'])
    world.prices[String(i)] = price(String(i))
    world.associations[productId] = ['1']
  }

  return world
}

export const TUNING: SweepTuning = {
  pageSize: 4,
  checkpointEvery: 2,
  concurrency: 1,
  lockMs: 5_000,
  rateLimitedAttempts: 6,
}

/** One worker of the fake account: the engine's fakes plus the catalog's id lists and a clock. */
export function sweepWorker(
  world: World,
  docs: FakeDocs,
  workerId: string,
  modes: Record<string, 'OBSERVE' | 'ENFORCE'> = {
    MKB: 'ENFORCE',
    GGL: 'ENFORCE',
  },
  clock = { now: Date.parse('2026-11-26T12:00:00.000Z') }
) {
  const made = fakeDeps(world, docs, { workerId, modes })
  const byId = (a: string, b: string) => Number(a) - Number(b)
  const page = (ids: string[], p: number, size: number) =>
    ids.sort(byId).slice((p - 1) * size, p * size)

  const deps: SweepDeps = {
    ...made.deps,
    now: () => new Date(clock.now),
    catalog: {
      ...made.deps.catalog,
      skuIds: async (p, size) => {
        made.calls.catalog.push(`skuIds ${p}`)

        return page(Object.keys(world.skus), p, size)
      },
      skuIdsBySalesChannel: async (sc, p, size) => {
        made.calls.catalog.push(`skuIdsBySalesChannel ${sc} ${p}`)
        const on = Object.keys(world.skus).filter((id) =>
          (world.associations[String(world.skus[id].ProductId)] ?? []).includes(
            sc
          )
        )

        return page(on, p, size)
      },
    },
  }

  return { ...made, deps, clock }
}

export const writesOf = (calls: { catalog: string[] }) =>
  calls.catalog.filter(
    (c) => c.startsWith('associate') || c.startsWith('dissociate')
  )

export { FakeDocs }
