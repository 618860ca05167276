/**
 * The operator's filters through the real worker and the emulator: brand and category come from
 * the SKU context the evaluation reads (no other call), a trade policy is the channels bound to
 * it, the SKU name sort pages every row once with ties broken by id, and "allow every matching
 * row" reaches the rows past the first page, as many as the operator confirmed.
 */
import type { Emulator } from '../support/emulator'
import { control, emulatorFor } from '../support/emulator'
import { jobEnd } from '../support/jobs'
import type { Worker } from '../support/worker'
import { freePort, graphql, startWorker, waitFor } from '../support/worker'

let emulator: Emulator
let worker: Worker
// Products 1 to about 50 of the demo seed: SKUs of three channels, several brands and categories.
const SKUS = Array.from({ length: 80 }, (_, i) => String(i + 1))

interface Row {
  skuId: string
  skuName: string | null
  channel: string
  brandId: string | null
  brandName: string | null
  categoryId: string | null
  categoryPath: string | null
}

const ROW = 'skuId skuName channel brandId brandName categoryId categoryPath'

async function rows(filter: Record<string, unknown>, sort?: string) {
  const out: Row[] = []
  let after: string | null = null
  let total = -1

  for (let i = 0; i < 100; i++) {
    const res: {
      data: {
        exposures: { items: Row[]; total: number; next: string | null }
      } | null
      errors?: unknown
    } = await graphql(
      worker,
      `query ($f: ExposureFilter, $after: String) { exposures(filter: $f, after: $after, pageSize: 7${
        sort ? `, sort: ${sort}` : ''
      }) { items { ${ROW} } total next } }`,
      { f: filter, after }
    )

    if (res.errors || !res.data) throw new Error(JSON.stringify(res.errors))
    out.push(...res.data.exposures.items)
    total = res.data.exposures.total
    after = res.data.exposures.next
    if (!after) break
  }

  return { rows: out, total }
}

const keys = (list: Row[]) =>
  new Set(list.map((r) => `${r.skuId}-${r.channel}`))

/** The product of a SKU in the emulator's catalog. */
const productOf = (skuId: string) => {
  const sku = emulator.state.skus.get(Number(skuId))

  if (!sku) throw new Error(`no SKU ${skuId}`)
  const product = emulator.state.products.get(sku.ProductId)

  if (!product) throw new Error(`no product for SKU ${skuId}`)

  return product
}

let all: Row[] = []

beforeAll(async () => {
  const port = await freePort()

  emulator = await emulatorFor(`http://127.0.0.1:${port}`, 'demo')
  // A second channel on trade policy 2, beside MKB.
  const mkb = emulator.state.affiliates.get('MKB')

  if (!mkb) throw new Error('setup: no MKB')
  emulator.state.affiliates.set('KBC', { ...mkb, id: 'KBC', name: 'KBC' })
  worker = await startWorker(emulator.url, port)
  await control(emulator, 'POST', '/events', { enabled: false })

  const res = await graphql<{ reevaluateMany: { id: string } }>(
    worker,
    'mutation ($s: [ID!]!) { reevaluateMany(skuIds: $s) { id } }',
    { s: SKUS }
  )

  if (!res.data) throw new Error(JSON.stringify(res.errors))
  const job = await jobEnd(worker, res.data.reevaluateMany.id, 120_000)

  if (job.status !== 'DONE') throw new Error(JSON.stringify(job))
  all = (await rows({})).rows
}, 180_000)

afterAll(async () => {
  await worker?.stop()
  await emulator?.close()
})

describe('given rows evaluated from the catalog', () => {
  it('should carry the brand and category path the SKU context says', () => {
    expect(all.length).toBeGreaterThan(100)
    for (const row of all) {
      const product = productOf(row.skuId)

      expect(row.brandId).toBe(String(product.BrandId))
      expect(row.brandName).toBe(`Brand ${product.BrandId}`)
      expect(row.categoryId).toBe(String(product.CategoryId))
      expect(row.categoryPath).toBe(
        `Department ${product.DepartmentId} / Category ${product.CategoryId}`
      )
    }
  })

  it.each<[string, Record<string, string>, (row: Row) => boolean]>([
    [
      'a brand',
      { brandId: '2000001' },
      (r) => productOf(r.skuId).BrandId === 2000001,
    ],
    [
      'a department (its categories included)',
      { categoryId: '2' },
      (r) => productOf(r.skuId).DepartmentId === 2,
    ],
    [
      'a category',
      { categoryId: '11' },
      (r) => productOf(r.skuId).CategoryId === 11,
    ],
    [
      'a trade policy (the channels bound to it)',
      { tradePolicy: '2' },
      (r) => r.channel === 'MKB' || r.channel === 'KBC',
    ],
    [
      'a brand on a trade policy',
      { brandId: '2000002', tradePolicy: '3' },
      (r) => productOf(r.skuId).BrandId === 2000002 && r.channel === 'GGL',
    ],
    ['a trade policy no channel is on', { tradePolicy: '9' }, () => false],
  ])(
    'should return exactly the rows of %s',
    async (_, filter, expected) => {
      const found = await rows(filter)
      const wanted = all.filter(expected)

      expect(found.total).toBe(wanted.length)
      expect(keys(found.rows)).toEqual(keys(wanted))
      // Each filter but the empty one keeps some rows and drops others.
      expect(wanted.length > 0 && wanted.length < all.length).toBe(
        filter.tradePolicy !== '9'
      )
    },
    60_000
  )

  it.each(['ASC', 'DESC'])(
    'should page the SKU name sort (%s) over every row once, names that tie ordered by id',
    async (order) => {
      const found = await rows({}, `{ field: SKU_NAME, order: ${order} }`)
      const names = found.rows.map((r) => r.skuName ?? '')

      // A SKU's name is on each of its channels' rows: ties of 3 cross pages of 7.
      expect(new Set(names).size).toBeLessThan(names.length / 2)
      expect(found.rows).toHaveLength(all.length)
      expect(keys(found.rows)).toEqual(keys(all))
      const ids = found.rows.map((r) => `${r.skuId}-${r.channel}`)
      const sorted = [...found.rows]
        .sort(
          (a, b) =>
            (a.skuName ?? '').localeCompare(b.skuName ?? '') ||
            (`${a.skuId}-${a.channel}` < `${b.skuId}-${b.channel}` ? -1 : 1)
        )
        .map((r) => `${r.skuId}-${r.channel}`)

      expect(ids).toEqual(order === 'ASC' ? sorted : sorted.reverse())
    },
    60_000
  )

  it('should page the changed date sort over every row once', async () => {
    const found = await rows({}, '{ field: CHANGED_AT, order: DESC }')

    expect(found.rows).toHaveLength(all.length)
    expect(keys(found.rows)).toEqual(keys(all))
  })
})

describe('given the filter choices', () => {
  it('should list the catalog brands and categories, a category under its department', async () => {
    const res = await graphql<{
      catalogFilterChoices: {
        brands: Array<{ id: string; name: string }>
        categories: Array<{ id: string; path: string; depth: number }>
      }
    }>(
      worker,
      '{ catalogFilterChoices { brands { id name } categories { id path depth } } }'
    )

    expect(res.errors).toBeUndefined()
    const choices = res.data?.catalogFilterChoices

    expect(choices?.brands).toContainEqual({
      id: '2000001',
      name: 'Brand 2000001',
    })
    const categories = choices?.categories ?? []
    const department = categories.findIndex((c) => c.id === '2')
    const category = categories.findIndex((c) => c.id === '11')

    expect(categories[department]).toEqual({
      id: '2',
      path: 'Department 2',
      depth: 1,
    })
    expect(categories[category]).toEqual({
      id: '11',
      path: 'Department 2 / Category 11',
      depth: 2,
    })
    expect(category).toBeGreaterThan(department)
  })
})

describe('given "block every matching row" for a trade policy', () => {
  const FILTER = { tradePolicy: '2' }
  const start = (expected: number) =>
    graphql<{ setOverridesMatching: { id: string } }>(
      worker,
      `
        mutation ($i: OverridesMatchingInput!) {
          setOverridesMatching(input: $i) {
            id
            kind
            progress {
              total
            }
          }
        }
      `,
      {
        i: { filter: FILTER, action: 'BLOCK', note: 'recall', expected },
      }
    )

  it('should refuse a count that is not the filter total', async () => {
    const { total } = await rows(FILTER)
    const res = await start(total + 1)

    expect(res.errors?.map((e) => e.message)).toEqual(['COUNT_CHANGED'])
  })

  it('should block every matching row, past the first page, and no other', async () => {
    const first = await rows(FILTER)

    // More rows than one admin page (7 here) and than one of the job's pages (100).
    expect(first.total).toBeGreaterThan(100)
    const res = await start(first.total)

    expect(res.errors).toBeUndefined()
    const id = res.data?.setOverridesMatching.id ?? ''
    const job = await waitFor(
      'the job',
      async () => {
        const out = await graphql<{
          job: {
            status: string
            progress: { done: number; total: number }
            result: { overridden: number | null } | null
          } | null
        }>(
          worker,
          'query ($id: ID!) { job(id: $id) { status progress { done total } result { overridden } } }',
          { id }
        )

        return out.data?.job?.status !== 'RUNNING' ? out.data?.job : null
      },
      120_000
    )

    expect(job).toMatchObject({
      status: 'DONE',
      progress: { done: first.total, total: first.total },
      result: { overridden: first.total },
    })
    // A blocked row is withheld for MANUAL_BLOCK (the list's rows carry the reason).
    const blocked = await rows({ reason: 'MANUAL_BLOCK' })

    expect(keys(blocked.rows)).toEqual(keys(first.rows))
  }, 150_000)
})

describe('given "allow every matching row" stopped by a storage failure', () => {
  const jobOut = async (id: string) => {
    const out = await graphql<{
      job: {
        status: string
        error: string | null
        progress: { done: number; total: number }
        result: { overridden: number | null } | null
      } | null
    }>(
      worker,
      'query ($id: ID!) { job(id: $id) { status error progress { done total } result { overridden } } }',
      { id }
    )

    return out.data?.job ?? null
  }

  const ended = (id: string) =>
    waitFor(
      `job ${id}`,
      async () => {
        const job = await jobOut(id)

        return job && job.status !== 'RUNNING' ? job : null
      },
      120_000
    )

  it('should resume from the last page it finished, once', async () => {
    const { total } = await rows({})

    // SKU 70's state cannot be written: the job fails on its second page (by SKU id, as text).
    await control(emulator, 'POST', '/faults', {
      match: '/^PUT .*\\/files\\/70$/',
      status: 500,
    })
    const res = await graphql<{ setOverridesMatching: { id: string } }>(
      worker,
      'mutation ($i: OverridesMatchingInput!) { setOverridesMatching(input: $i) { id } }',
      {
        i: { filter: {}, action: 'ALLOW', note: 'campaign', expected: total },
      }
    )

    expect(res.errors).toBeUndefined()
    const id = res.data?.setOverridesMatching.id ?? ''
    const failed = await ended(id)

    expect(failed?.status).toBe('FAILED')
    expect(failed?.progress.done).toBeGreaterThanOrEqual(100)
    expect(failed?.progress.done).toBeLessThan(total)
    await control(emulator, 'DELETE', '/faults')

    const resume = (jobId: string) =>
      graphql<{ resumeOverridesMatching: { id: string } }>(
        worker,
        'mutation ($id: ID!) { resumeOverridesMatching(id: $id) { id } }',
        { id: jobId }
      )

    const resumed = await resume(id)

    expect(resumed.errors).toBeUndefined()
    const next = await ended(resumed.data?.resumeOverridesMatching.id ?? '')

    expect(next).toMatchObject({
      status: 'DONE',
      result: { overridden: total },
    })
    expect((await rows({ reason: 'MANUAL_ALLOW' })).total).toBe(total)
    expect((await resume(id)).errors?.map((e) => e.message)).toEqual([
      'ALREADY_RESUMED',
    ])
  }, 300_000)
})
