/**
 * The products' pending changes stored one Master Data document per product (productRows.ts),
 * over the emulator's Master Data engine: what a settle writes, and every read of a channel
 * (count, page, scroll, pending since) checked against what was written, channel by channel.
 */
import fc from 'fast-check'

import { TenantMemory } from '../../node/memory/tenantMemory'
import { ChannelSlots } from '../../node/services/projection/channelSlots'
import type { ProductDoc } from '../../node/services/projection/projection'
import {
  Projection,
  pendingOf,
} from '../../node/services/projection/projection'
import { FakeDocs } from '../../node/services/shared/__tests__/fakes'
import { fakeMasterData } from '../support/fakeMasterData'

function world() {
  const fake = fakeMasterData()
  const projection = new Projection(
    fake.md,
    new ChannelSlots(new FakeDocs(), new TenantMemory())
  )

  return { ...fake, projection, docs: fake.entity('sgproduct').docs }
}

const channels = Array.from({ length: 12 }, (_, i) => `ch${i}`)

const doc = (
  productId: string,
  channel: string,
  desired: boolean | null,
  associated: boolean | null,
  updatedAt = '2026-12-06T10:00:00.000Z'
): ProductDoc => ({
  productId,
  channel,
  mode: 'OBSERVE',
  desired,
  associated,
  updatedAt,
})

async function all<T>(pages: AsyncGenerator<T[]>) {
  const out: T[] = []

  for await (const page of pages) out.push(...page)

  return out
}

describe('pending changes, one document per product', () => {
  it('writes ten channels of a product as one partial update of one document', async () => {
    const { projection, docs, writes } = world()

    await projection.putProducts(
      'p1',
      channels.slice(0, 10).map((c) => doc('p1', c, true, false))
    )

    expect(writes).toEqual(['PATCH sgproduct p1'])
    expect([...docs.keys()]).toEqual(['p1'])
    for (const c of channels.slice(0, 10))
      expect(await projection.countPending(c, 'ASSOCIATE')).toBe(1)
  })

  it('keeps the channels a later write does not name, and puts channels past ten in a second document', async () => {
    const { projection, docs } = world()

    await projection.putProducts(
      'p1',
      channels.map((c) => doc('p1', c, true, false))
    )
    await projection.putProducts('p1', [doc('p1', 'ch3', true, true)])

    expect([...docs.keys()].sort((a, b) => a.localeCompare(b))).toEqual([
      'p1',
      'p1~g1',
    ])
    expect(await projection.countPending('ch3', 'ASSOCIATE')).toBe(0)
    expect(await projection.countPending('ch3', 'NONE')).toBe(1)
    expect(await projection.countPending('ch4', 'ASSOCIATE')).toBe(1)
    expect(await projection.countPending('ch11', 'ASSOCIATE')).toBe(1)
  })

  it('answers a channel that has no slot yet with nothing', async () => {
    const { projection } = world()

    await projection.putProducts('p1', [doc('p1', 'ch0', true, false)])

    expect(await projection.countPending('elsewhere', 'ASSOCIATE')).toBe(0)
    expect(await projection.pendingPage('elsewhere', 1, 10)).toEqual({
      data: [],
      pagination: { page: 1, pageSize: 10, total: 0 },
    })
    expect(await all(projection.pendingAssociations('elsewhere'))).toEqual([])
    expect(
      await projection.pendingProducts(['elsewhere'], '2027-01-01', 10)
    ).toEqual([])
  })

  it('reads each channel as if it had its own documents (any sequence of writes)', async () => {
    const write = fc.record({
      product: fc.integer({ min: 1, max: 6 }),
      channels: fc.subarray(channels, { minLength: 1 }),
      desired: fc.constantFrom(true, false, null),
      associated: fc.constantFrom(true, false, null),
      minute: fc.integer({ min: 0, max: 59 }),
    })

    await fc.assert(
      fc.asyncProperty(
        fc.array(write, { minLength: 1, maxLength: 12 }),
        async (steps) => {
          const { projection } = world()
          const expected = new Map<string, ProductDoc>()

          for (const step of steps) {
            const productId = `p${step.product}`
            const at = `2026-12-06T10:${String(step.minute).padStart(
              2,
              '0'
            )}:00.000Z`

            const written = step.channels.map((c) =>
              doc(productId, c, step.desired, step.associated, at)
            )

            for (const d of written)
              expected.set(`${productId}|${d.channel}`, d)
            await projection.putProducts(productId, written)
          }

          const before = '2026-12-06T10:30:00.000Z'

          for (const channel of channels) {
            const mine = [...expected.values()].filter(
              (d) => d.channel === channel
            )

            const pending = mine
              .filter((d) => pendingOf(d) !== 'NONE')
              .sort((a, b) => a.productId.localeCompare(b.productId))

            for (const kind of ['ASSOCIATE', 'DISSOCIATE', 'NONE'] as const) {
              expect(await projection.countPending(channel, kind)).toBe(
                mine.filter((d) => pendingOf(d) === kind).length
              )
            }

            const page = await projection.pendingPage(channel, 1, 100)

            expect(page.pagination.total).toBe(pending.length)
            expect(page.data).toEqual(
              pending.map((d) => ({
                productId: d.productId,
                desired: d.desired,
                associated: d.associated,
                pending: pendingOf(d),
              }))
            )
            expect(
              (await all(projection.pendingAssociations(channel))).sort(
                (a, b) => a.productId.localeCompare(b.productId)
              )
            ).toEqual(
              pending.map((d) => ({
                productId: d.productId,
                associated: d.associated,
              }))
            )
            expect(
              (await projection.pendingProducts([channel], before, 100)).sort(
                (a, b) => a.localeCompare(b)
              )
            ).toEqual(
              pending
                .filter((d) => d.updatedAt < before)
                .map((d) => d.productId)
                .sort((a, b) => a.localeCompare(b))
            )
          }
        }
      ),
      { numRuns: 60 }
    )
  })
})
