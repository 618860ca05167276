/**
 * Events as most of them come once the catalog is evaluated: a stock change on a SKU the app has
 * already decided. The events figure above measures first evaluations; these are the everyday
 * ones. Two groups of SKUs exposed on MKB: one whose stock moves up (every status stays), and one
 * whose stock goes to 0 (withdrawn). Calls per event of each, read from the emulator's counters.
 */
import type { Emulator } from '../tests/support/emulator'
import { vtex } from '../tests/support/emulator'
import type { Worker } from '../tests/support/worker'
import { gql, measureEvents, round } from './lib'

interface Balance {
  warehouseId: string
  totalQuantity: number
  hasUnlimitedQuantity: boolean
}

const PAGE = 100

/** SKUs exposed on MKB, as the admin lists them, but those in `exclude`. */
async function exposedOnMkb(
  worker: Worker,
  count: number,
  exclude: Set<string>
) {
  const ids: string[] = []

  let after: string | null = null

  while (ids.length < count) {
    const data: {
      exposures: { items: Array<{ skuId: string }>; next: string | null }
    } = await gql(
      worker,
      'query ($a: String, $s: Int) { exposures(filter: { channel: "MKB", status: EXPOSED }, after: $a, pageSize: $s) { next items { skuId } } }',
      { a: after, s: PAGE }
    )

    ids.push(
      ...data.exposures.items
        .map((x) => x.skuId)
        .filter((id) => !exclude.has(id))
    )
    after = data.exposures.next
    if (!after) break
  }

  return ids.slice(0, count)
}

async function balances(emulator: Pick<Emulator, 'url'>, skuId: string) {
  const res = await vtex(
    emulator,
    'GET',
    `/api/logistics/pvt/inventory/skus/${skuId}`
  )

  return (res.body as { balance: Balance[] }).balance
}

async function setQuantity(
  emulator: Pick<Emulator, 'url'>,
  skuId: string,
  warehouseId: string,
  quantity: number
) {
  const res = await vtex(
    emulator,
    'PUT',
    `/api/logistics/pvt/inventory/skus/${skuId}/warehouses/${warehouseId}`,
    { quantity, unlimitedQuantity: false, leadTime: '00:00:00' }
  )

  if (res.status !== 200) throw new Error(`stock of ${skuId}: ${res.status}`)
}

async function measure(
  emulator: Pick<Emulator, 'url'>,
  worker: Worker,
  skuIds: string[],
  concurrency: number
) {
  const run = await measureEvents(emulator, worker, skuIds, concurrency)

  return {
    events: skuIds.length,
    eventsPerSecond: round(run.eventsPerSecond),
    readsPerEvent: round(run.readsPerEvent),
    writesPerEvent: round(run.writesPerEvent),
    failed: run.failed,
    callsByApi: run.calls,
  }
}

/**
 * The emulator's events must be off (the bench delivers them) and `worker` must have evaluated
 * the catalog (a sweep ran). SKUs in `exclude` keep their stock (a later phase sweeps them).
 */
export async function steadyPhase(
  emulator: Pick<Emulator, 'url'>,
  worker: Worker,
  perGroup: number,
  concurrency: number,
  exclude: Set<string>
) {
  const exposed = await exposedOnMkb(worker, 2 * perGroup, exclude)
  const kept: string[] = []
  const withdrawn: string[] = []

  // Alternate SKUs between the groups, so neither gets a different part of the catalog.
  for (const [i, skuId] of exposed.entries()) {
    const stock = await balances(emulator, skuId)
    const stocked = stock.filter(
      (b) => b.hasUnlimitedQuantity || b.totalQuantity > 0
    )

    if (i % 2 === 0) {
      // More of what a warehouse already has: no channel's status can change.
      const [first] = stocked

      if (!first || first.hasUnlimitedQuantity) continue
      await setQuantity(
        emulator,
        skuId,
        first.warehouseId,
        first.totalQuantity + 5
      )
      kept.push(skuId)
    } else {
      for (const b of stocked) {
        await setQuantity(emulator, skuId, b.warehouseId, 0)
      }

      withdrawn.push(skuId)
    }
  }

  return {
    concurrency,
    mode: 'OBSERVE',
    kept: await measure(emulator, worker, kept, concurrency),
    withdrawn: await measure(emulator, worker, withdrawn, concurrency),
  }
}
