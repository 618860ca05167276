/**
 * The projection's rows stored one Master Data document per SKU, over the emulator's Master Data
 * engine (tests/support/fakeMasterData.ts): what one SKU's write puts, the group documents past
 * ten channels, and keyset pages across channels checked against a brute-force expectation.
 */
import fc from 'fast-check'

import type { ExposureStatus } from '../../node/domain/types'
import type { KeysetSort } from '../../node/masterdata/keyset'
import { TenantMemory } from '../../node/memory/tenantMemory'
import { ChannelSlots } from '../../node/services/projection/channelSlots'
import type {
  ExposureDoc,
  RowFilter,
} from '../../node/services/projection/projection'
import { Projection } from '../../node/services/projection/projection'
import { FakeDocs } from '../../node/services/shared/__tests__/fakes'
import { fakeMasterData } from '../support/fakeMasterData'

function world() {
  const fake = fakeMasterData()
  const projection = new Projection(
    fake.md,
    new ChannelSlots(new FakeDocs(), new TenantMemory())
  )

  return { ...fake, projection, docs: fake.entity('sgsku').docs }
}

function row(
  skuId: string,
  channel: string,
  over: Partial<ExposureDoc> = {}
): ExposureDoc {
  return {
    id: `${skuId}-${channel}`,
    skuId,
    productId: `p${skuId}`,
    channel,
    status: 'EXPOSED',
    reasons: [],
    available: 3,
    stockRank: 3,
    evaluatedAt: '2026-12-03T12:00:00.000Z',
    changedAt: '2026-12-03T12:00:00.000Z',
    skuName: `SKU ${skuId}`,
    productName: `Product ${skuId}`,
    sellerIds: ['sellera'],
    brandId: null,
    brandName: null,
    categoryId: null,
    categoryIds: [],
    categoryPath: null,
    overrideAction: null,
    productAssociated: true,
    text: `${skuId} p${skuId} sku ${skuId}`,
    trace: '[]',
    ...over,
  }
}

const byText = (a: string, b: string) => a.localeCompare(b)
const shown = ({ text: _text, ...rest }: ExposureDoc) => rest

async function all(projection: Projection, filter: RowFilter) {
  const rows: ExposureDoc[] = []

  for await (const page of projection.scan(filter)) rows.push(...page)

  return rows
}

describe("given a SKU's rows on two channels", () => {
  it('should write them as one document, each channel in its slot, and read back the rows as written', async () => {
    const w = world()
    const rows = [
      row('1', 'MKB'),
      row('1', 'GGL', { status: 'WITHHELD', reasons: ['NO_PRICE'] }),
    ]

    await w.projection.putSku('1', rows)

    expect(w.writes).toEqual(['PUT sgsku 1'])
    expect(w.docs.get('1')).toMatchObject({
      skuId: '1',
      group: 0,
      s0: 'EXPOSED',
      s1: 'WITHHELD',
      r1: ['NO_PRICE'],
    })
    const page = await w.projection.find(
      { channel: 'GGL' },
      { field: 'skuId', desc: false, numeric: false },
      null,
      10
    )

    expect(page.data).toEqual([shown(rows[1])])
    expect(await w.projection.count({})).toBe(2)
    expect(await w.projection.count({ status: 'WITHHELD' })).toBe(1)
  })

  it('should leave a channel that went out of the next write, and delete the document with its last row', async () => {
    const w = world()

    await w.projection.putSku('1', [row('1', 'MKB'), row('1', 'GGL')])
    await w.projection.putSku('1', [row('1', 'MKB')], ['GGL'])

    expect(w.docs.get('1')).not.toHaveProperty('s1')
    expect(await w.projection.count({ channel: 'GGL' })).toBe(0)
    expect(await all(w.projection, { channel: 'MKB' })).toHaveLength(1)

    await w.projection.putSku('1', [], ['MKB'])
    expect(w.docs.size).toBe(0)
    expect(w.writes.slice(-1)).toEqual(['DELETE sgsku 1'])
  })

  it("should scan some products' rows of a channel (what productsToChange reads)", async () => {
    const w = world()

    await w.projection.putSku('1', [row('1', 'MKB'), row('1', 'GGL')])
    await w.projection.putSku('2', [row('2', 'MKB')])
    await w.projection.putSku('3', [row('3', 'MKB')])

    const rows = await all(w.projection, {
      channel: 'MKB',
      productIds: ['p1', 'p3'],
    })

    expect(rows.map((r) => r.id).sort(byText)).toEqual(['1-MKB', '3-MKB'])
  })
})

describe('given more than ten channels', () => {
  const channels = Array.from({ length: 12 }, (_, i) => `C${i}`)

  it('should keep a SKU in one document per ten channels, and write only the group that changed', async () => {
    const w = world()

    await w.projection.putSku(
      '7',
      channels.map((c) => row('7', c))
    )
    expect([...w.docs.keys()].sort(byText)).toEqual(['7', '7~g1'])
    expect(w.docs.get('7~g1')).toMatchObject({ group: 1, s0: 'EXPOSED' })

    w.writes.length = 0
    await w.projection.putSku(
      '7',
      channels.map((c) =>
        row('7', c, c === 'C11' ? { status: 'WITHHELD' } : {})
      ),
      ['C11']
    )
    expect(w.writes).toEqual(['PUT sgsku 7~g1'])
    expect(
      (await all(w.projection, { status: 'WITHHELD' })).map((r) => r.id)
    ).toEqual(['7-C11'])
    expect(await w.projection.count({})).toBe(12)
    expect(await w.projection.count({ channel: 'C1' })).toBe(1)
  })
})

const STATUSES: ExposureStatus[] = ['EXPOSED', 'WITHHELD', 'ERROR']
const SORTS: KeysetSort[] = [
  { field: 'skuId', desc: false, numeric: false },
  { field: 'status', desc: false, numeric: false },
  { field: 'evaluatedAt', desc: false, numeric: false },
  { field: 'stockRank', desc: false, numeric: true },
  { field: 'skuName', desc: false, numeric: false },
  { field: 'changedAt', desc: false, numeric: false },
]

/** Master Data's order, written out: missing first, numbers (and numeric text) by value. */
function expectedOrder(sort: KeysetSort) {
  const key = (v: unknown) =>
    v == null
      ? null
      : typeof v === 'number'
      ? v
      : v !== '' && Number.isFinite(Number(v))
      ? Number(v)
      : String(v)

  const cmp = (a: unknown, b: unknown) => {
    const [x, y] = [key(a), key(b)]

    if (x === y) return 0
    if (x === null) return -1
    if (y === null) return 1
    if (typeof x === 'number' && typeof y === 'number') return x - y

    return String(x) < String(y) ? -1 : 1
  }

  const value = (r: ExposureDoc) =>
    (r as unknown as Record<string, unknown>)[sort.field]

  return (a: ExposureDoc, b: ExposureDoc) =>
    (sort.desc ? -1 : 1) *
    (cmp(value(a), value(b)) ||
      cmp(a.skuId, b.skuId) ||
      (a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : 0))
}

const rowArb = fc.record({
  status: fc.constantFrom(...STATUSES),
  stockRank: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
  evaluatedAt: fc.constantFrom(
    '2026-12-01T00:00:00.000Z',
    '2026-12-02T00:00:00.000Z'
  ),
  changedAt: fc.constantFrom(
    '2026-11-01T00:00:00.000Z',
    '2026-11-02T00:00:00.000Z',
    '2026-11-03T00:00:00.000Z'
  ),
})

const skuArb = fc.record({
  name: fc.option(fc.constantFrom('Alpha', 'Beta', 'Gamma'), { nil: null }),
  rows: fc.array(fc.option(rowArb, { nil: null }), {
    minLength: 12,
    maxLength: 12,
  }),
})

describe('given keyset pages over several channels', () => {
  it('should serve every matching row once, in order, with exact totals, for every sort and direction', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(skuArb, { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 2, max: 12 }),
        fc.record({
          sort: fc.constantFrom(...SORTS),
          desc: fc.boolean(),
          size: fc.integer({ min: 1, max: 7 }),
          status: fc.option(fc.constantFrom(...STATUSES), { nil: null }),
          some: fc.option(fc.integer({ min: 0, max: 4095 }), { nil: null }),
        }),
        async (skus, width, q) => {
          const w = world()
          const channels = Array.from({ length: width }, (_, i) => `C${i}`)
          const written: ExposureDoc[] = []

          for (const [i, sku] of skus.entries()) {
            const skuId = String(i + 1)
            const rows = channels.flatMap((c, k) => {
              const r = sku.rows[k]

              return r
                ? [
                    row(skuId, c, {
                      ...r,
                      available: r.stockRank,
                      skuName: sku.name,
                    }),
                  ]
                : []
            })

            if (rows.length) await w.projection.putSku(skuId, rows)
            written.push(...rows)
          }

          // A trade policy's channels (a subset), or every channel.
          const picked =
            q.some === null
              ? undefined
              : channels.filter((_, k) => (q.some ?? 0) & (1 << k))

          const filter: RowFilter = { channels: picked, status: q.status }
          const sort = { ...q.sort, desc: q.desc }
          const expected = written
            .filter((r) => !picked || picked.includes(r.channel))
            .filter((r) => !q.status || r.status === q.status)
            .sort(expectedOrder(sort))
            .map((r) => r.id)

          const served: string[] = []
          let firstTotal = -1
          let after: { value: string | number | null; id: string } | null = null

          for (let n = 0; n <= expected.length; n++) {
            const page = await w.projection.find(filter, sort, after, q.size)

            if (n === 0) firstTotal = page.pagination.total
            served.push(...page.data.map((r) => r.id))
            const last = page.data[page.data.length - 1]

            if (!last || page.pagination.total <= page.data.length) break
            const value = (last as unknown as Record<string, unknown>)[
              sort.field
            ]

            after = {
              value:
                typeof value === 'number' || typeof value === 'string'
                  ? value
                  : null,
              id: last.id,
            }
          }

          expect(firstTotal).toBe(expected.length)
          expect(served).toEqual(expected)
          expect(await w.projection.count(filter)).toBe(expected.length)
          expect(await all(w.projection, filter)).toHaveLength(expected.length)
        }
      ),
      { numRuns: 60 }
    )
  }, 120_000)
})
