/**
 * Issue 20's figure, pinned: the projection's writes grow with the SKUs, not SKUs × channels.
 * The engine's event path over the real Projection, on the emulator's Master Data engine.
 */
import { TenantMemory } from '../../node/memory/tenantMemory'
import { evaluateSku } from '../../node/services/evaluation/evaluate'
import { ChannelSlots } from '../../node/services/projection/channelSlots'
import { Projection } from '../../node/services/projection/projection'
import type { World } from '../../node/services/shared/__tests__/fakes'
import {
  demoWorld,
  fakeDeps,
  FakeDocs,
} from '../../node/services/shared/__tests__/fakes'
import { fakeMasterData } from '../support/fakeMasterData'

// The same quantity in the warehouse of each channel's dock (wh-a: MKB's, wh-b: GGL's).
const stock = (world: World, quantity: number) => {
  world.inventory['1'] = ['wh-a', 'wh-b'].map((warehouseId) => ({
    warehouseId,
    totalQuantity: quantity,
    reservedQuantity: 0,
    hasUnlimitedQuantity: false,
  }))
}

const channel = (at: number) => ({
  mode: 'OBSERVE',
  exposeAt: at,
  withdrawBelow: at,
  requirePrice: true,
  sellerAllow: [],
  sellerDeny: [],
})

describe('given a SKU exposed on two channels, MKB withdrawing below 4 units', () => {
  it("should write exactly one projection document when a stock event moves MKB's status alone", async () => {
    const world = demoWorld()
    const docs = new FakeDocs()

    docs.files.set('config/settings.json', {
      value: { channels: { MKB: channel(4), GGL: channel(1) } },
      etag: '"settings"',
    })
    const made = fakeDeps(world, docs)
    const md = fakeMasterData()

    made.deps.projection = new Projection(
      md.md,
      new ChannelSlots(docs, new TenantMemory())
    )
    stock(world, 5)
    await evaluateSku(made.deps, '1', { cause: 'SWEEP' })
    expect(await made.deps.projection.count({ skuId: '1' })).toBe(2)
    md.writes.length = 0

    stock(world, 3)
    await evaluateSku(made.deps, '1', {
      cause: 'EVENT',
      events: [
        {
          stockModified: true,
          priceModified: false,
          skuModified: false,
          removedFromAffiliate: false,
          isActive: true,
        },
      ],
    })

    const statuses = async (c: string) =>
      (
        await made.deps.projection.find(
          { skuId: '1', channel: c },
          { field: 'skuId', desc: false, numeric: false },
          null,
          10
        )
      ).data.map((r) => [r.status, r.available])

    expect(await statuses('MKB')).toEqual([['WITHHELD', 3]])
    expect(await statuses('GGL')).toEqual([['EXPOSED', 3]])
    // Both rows changed (the stock moved on both): one SKU, one document written.
    expect(md.writes.filter((w) => w.includes(' sgsku '))).toEqual([
      'PUT sgsku 1',
    ])
  })
})
