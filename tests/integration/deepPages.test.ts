/**
 * 12,000 rows on one channel, past Master Data's 10,000-document search window: the admin's table
 * reaches every row through keyset pages, and the settings preview reads them all by scroll. The
 * rows are seeded as the projection stores them: one document per SKU, MKB in slot 0.
 */
import type { Emulator } from '../support/emulator'
import type { ExposureStatus } from '../../node/domain/types'
import { stockRankOf } from '../../node/services/projection/projection'
import { control, emulatorFor, vtex } from '../support/emulator'
import { jobEnd } from '../support/jobs'
import type { Worker } from '../support/worker'
import { freePort, graphql, startWorker } from '../support/worker'

let emulator: Emulator
let worker: Worker
const ROWS = 12_000
const STATUSES: ExposureStatus[] = ['EXPOSED', 'WITHHELD', 'ERROR']
const SLOTS =
  '/vbase/v2/marketplacea/master/buckets/marketplacea.marketplace-stock-gate/projection/files/slots.json'

beforeAll(async () => {
  const port = await freePort()

  emulator = await emulatorFor(`http://127.0.0.1:${port}`, 'demo')
  worker = await startWorker(emulator.url, port)
  await control(emulator, 'POST', '/events', { enabled: false })
  // MKB holds the projection's first slot (as the worker assigns it on its first MKB row).
  const slots = await vtex(
    emulator,
    'PUT',
    SLOTS,
    { slots: { MKB: 0 }, next: 1 },
    'infra.io.vtex.com'
  )

  if (slots.status >= 300) throw new Error(`slots not saved: ${slots.status}`)
  const entity = emulator.state.md.entity('sgsku')

  for (let i = 0; i < ROWS; i++) {
    const skuId = String(1000 + i)
    const status = STATUSES[i % 3]
    // Some null quantities: unlimited stock on a decided row, unknown on an ERROR row.
    const available = i % 11 === 0 ? null : i % 7

    // The SKU's one document, its MKB row in slot 0, as the app writes it (skuDoc.ts).
    entity.put(skuId, {
      id: skuId,
      skuId,
      group: 0,
      productId: String(1000 + Math.floor(i / 3)),
      // Few distinct values: the sort key ties on thousands of rows.
      s0: status,
      r0: i % 3 === 1 ? ['NO_MARKETPLACE_STOCK'] : [],
      a0: available,
      // As the app writes it (projection.ts).
      k0: stockRankOf({ available, status }),
      e0: '2026-11-20T12:00:00.000Z',
      c0: '2026-11-20T12:00:00.000Z',
      skuName: `SKU ${skuId}`,
      productName: null,
      sellerIds: ['sellera'],
      o0: null,
      p0: null,
      text: `${skuId} sku ${skuId}`,
      t0: '[]',
      ...(i % 2 ? { workspace: 'master' } : {}),
    })
  }

  await control(emulator, 'DELETE', '/masterdata/unindexed')
}, 120_000)

afterAll(async () => {
  await worker?.stop()
  await emulator?.close()
})

interface Page {
  exposures: {
    items: Array<{ skuId: string; status: string; available: number | null }>
    total: number
    pageSize: number
    next: string | null
  }
}

/**
 * The stock sort as the operator reads it: unlimited (a decided row without a quantity) above
 * every count, an unknown quantity (ERROR) below every count.
 */
const stockOrder = (r: { status: string; available: number | null }) =>
  r.available !== null
    ? r.available
    : r.status === 'ERROR' || r.status === 'PENDING'
    ? -1
    : Infinity

async function everyRow(sort: string) {
  const seen: string[] = []
  const values: Array<number | string> = []
  let after: string | null = null
  let total = -1

  for (let i = 0; i < 200; i++) {
    const res: { data: Page | null; errors?: unknown } = await graphql<Page>(
      worker,
      `query ($after: String) { exposures(filter: { channel: "MKB" }, pageSize: 100, after: $after, sort: ${sort}) { items { skuId status available } total pageSize next } }`,
      { after }
    )

    expect(res.errors).toBeUndefined()
    const page = res.data?.exposures

    if (!page) throw new Error('no page')
    total = page.total
    seen.push(...page.items.map((r) => r.skuId))
    values.push(
      ...page.items.map((r) =>
        sort.includes('AVAILABLE') ? stockOrder(r) : r.status
      )
    )
    after = page.next
    if (!after) break
  }

  return { seen, values, total }
}

describe('given 12,000 rows on channel MKB', () => {
  it.each([
    ['{ field: STATUS, order: ASC }'],
    ['{ field: AVAILABLE, order: DESC }'],
    ['{ field: AVAILABLE, order: ASC }'],
  ])(
    'should serve every row exactly once, sorted, through keyset pages (%s)',
    async (sort) => {
      const { seen, values, total } = await everyRow(sort)

      expect(total).toBe(ROWS)
      expect(seen).toHaveLength(ROWS)
      expect(new Set(seen).size).toBe(ROWS)
      const sorted = [...values].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))

      expect(values).toEqual(sort.includes('DESC') ? sorted.reverse() : sorted)
    },
    120_000
  )

  it('should serve a later page with one Master Data search and the rows left as its total when asked not to count again (countAll: false)', async () => {
    const page = (after: string | null, countAll: boolean) =>
      graphql<Page>(
        worker,
        'query ($after: String, $countAll: Boolean) { exposures(filter: { channel: "MKB" }, pageSize: 100, after: $after, countAll: $countAll) { items { skuId } total next } }',
        { after, countAll }
      )

    const searches = async (after: string, countAll: boolean) => {
      await control(emulator, 'POST', '/counters/reset')
      const res = await page(after, countAll)
      const { totals } = (await control(emulator, 'GET', '/counters')).body as {
        totals: Record<string, number>
      }

      return { total: res.data?.exposures.total, searches: totals.masterdata }
    }

    const first = (await page(null, false)).data?.exposures
    const after = first?.next ?? ''

    expect(first?.total).toBe(ROWS)
    expect(await searches(after, true)).toEqual({ total: ROWS, searches: 2 })
    expect(await searches(after, false)).toEqual({
      total: ROWS - 100,
      searches: 1,
    })
  })

  it('should answer 400 INVALID_CURSOR to a cursor that is not one of ours', async () => {
    const res = await graphql(
      worker,
      '{ exposures(filter: { channel: "MKB" }, after: "nope", sort: { field: AVAILABLE }) { total } }'
    )

    expect(res.errors?.[0]?.message).toMatch(/INVALID_CURSOR/)
  })

  it("should preview a settings change over every row (scroll, not search's window)", async () => {
    // The preview is a job the admin follows (it can outlast a request).
    const res = await graphql<{ settingsPreview: { id: string } }>(
      worker,
      'query { settingsPreview(input: { channels: [{ channel: "MKB", exposeAt: 100, withdrawBelow: 100 }] }) { id } }'
    )

    expect(res.errors).toBeUndefined()
    const job = await jobEnd(worker, res.data?.settingsPreview.id ?? '', 50_000)

    expect(job.status).toBe('DONE')
    // Every EXPOSED row with a known quantity (all below 100) would be withheld.
    const expected = Array.from({ length: ROWS }, (_, i) => i).filter(
      (i) => i % 3 === 0 && i % 11 !== 0
    ).length

    expect(job.result?.preview?.[0]?.toWithheld).toBe(expected)
  }, 60_000)

  it('should have filtered and sorted on indexed fields only', async () => {
    expect(
      (await control(emulator, 'GET', '/masterdata/unindexed')).body
    ).toEqual({ total: 0, fields: {} })
  })
})
