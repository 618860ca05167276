import { control, vtex } from '../tests/support/emulator'
import { startWorker } from '../tests/support/worker'
import { gql, median, percentile, round, sleep } from './lib'
import { runSweep } from './sweeps'
import type { Bench } from './system'
import { seed } from './system'

/** From an inventory write to the affiliate's notification, through the app, in ENFORCE. */
export async function latencyPhase({ emulator, port, params }: Bench) {
  await seed(emulator, params.latencySkus, params.channels)
  const worker = await startWorker(emulator.url, port)

  try {
    await runSweep(worker, {})
    await gql(
      worker,
      'mutation { saveSettings(input: { channels: [{ channel: "MKB", mode: ENFORCE }] }) { retentionDays } }'
    )
    await control(emulator, 'POST', '/events', {
      enabled: true,
      affiliatesEnabled: true,
    })
    // The switch to ENFORCE applies every pending association first; time changes only after it.
    for (let i = 0; i < 300; i++) {
      const { exposureSummary } = await gql<{
        exposureSummary: Array<{
          channel: { id: string }
          wouldExpose: number
          wouldWithdraw: number
        }>
      }>(
        worker,
        '{ exposureSummary { channel { id } wouldExpose wouldWithdraw } }'
      )

      const mkb = exposureSummary.find((c) => c.channel.id === 'MKB')

      if (mkb && mkb.wouldExpose + mkb.wouldWithdraw === 0) break
      await sleep(1000)
    }

    const { exposures } = await gql<{
      exposures: { items: Array<{ skuId: string; reasons: string[] }> }
    }>(
      worker,
      'query { exposures(filter: { channel: "MKB", reason: NO_MARKETPLACE_STOCK }, pageSize: 100) { items { skuId reasons } } }'
    )

    // Only SKUs whose product is off MKB's trade policy once ENFORCE has applied its backlog (so
    // no sibling is exposed there): VTEX (and the emulator) notifies an affiliate of stock changes
    // of products already on its policy by itself, and a product with an exposed sibling stays.
    const candidates: string[] = []

    for (const e of exposures.items.filter((x) => x.reasons.length === 1)) {
      const sku = (
        await vtex(
          emulator,
          'GET',
          `/api/catalog_system/pvt/sku/stockkeepingunitbyid/${e.skuId}`
        )
      ).body as { ProductId: number }

      const pol = (
        await vtex(
          emulator,
          'GET',
          `/api/catalog/pvt/product/${sku.ProductId}/salespolicy`
        )
      ).body as Array<{ StoreId: number }>

      if (!pol.some((p) => String(p.StoreId) === '2')) candidates.push(e.skuId)
    }

    const inbox = async () =>
      ((await control(emulator, 'GET', '/affiliates/MKB/inbox')).body as Array<{
        IdSku?: string | number
        HasStockKeepingUnitRemovedFromAffiliate?: boolean
      }>) ?? []

    const times: number[] = []
    let missed = 0

    // Stock in → the app associates the product → MKB is notified; stock out → the app dissociates
    // → MKB is told the SKU was removed. Each change is timed from the inventory write.
    for (let i = 0; i < params.changes; i++) {
      const skuId = candidates[Math.floor(i / 2) % candidates.length]
      const stockIn = i % 2 === 0
      const before = (await inbox()).length
      const t0 = performance.now()

      await vtex(
        emulator,
        'PUT',
        `/api/logistics/pvt/inventory/skus/${skuId}/warehouses/wh-a`,
        {
          quantity: stockIn ? 50 : 0,
          unlimitedQuantity: false,
          leadTime: '00:00:00',
        }
      )
      let seen = false

      while (performance.now() - t0 < 15_000) {
        const entries = (await inbox()).slice(before)

        if (
          entries.some(
            (e) =>
              String(e.IdSku) === skuId &&
              (stockIn || e.HasStockKeepingUnitRemovedFromAffiliate === true)
          )
        ) {
          seen = true
          break
        }

        await sleep(20)
      }

      if (seen) times.push(performance.now() - t0)
      else missed++
    }

    return {
      changes: params.changes,
      catalogSkus: params.latencySkus,
      candidates: candidates.length,
      medianMs: round(median(times), 0),
      p99Ms: round(percentile(times, 99), 0),
      missed,
    }
  } finally {
    await worker.stop()
  }
}
