/**
 * A stock buffer through the real worker and the emulator: SKU 1 with 2 units, which every channel
 * exposes at 1, is withheld on MKB once its product has a buffer of 3 there, stays on GGL, and is
 * decided again as soon as the buffer is saved and as soon as it is deleted.
 */
import type { Emulator } from '../support/emulator'
import { vtex } from '../support/emulator'
import { startSystem, stopSystem } from '../support/system'
import type { Worker } from '../support/worker'
import { graphql, waitFor } from '../support/worker'

let emulator: Emulator
let worker: Worker

beforeAll(async () => {
  const system = await startSystem()

  emulator = system.emulator
  worker = system.worker
})

afterAll(() => stopSystem({ emulator, worker }))

interface Exposure {
  channel: string
  status: string
  reasons: string[]
  trace: Array<{ rule: string; details: string }>
  rulesChanged: { changed: string[] } | null
}

async function skuOne() {
  const res = await graphql<{
    skuDetail: { productId: string; exposures: Exposure[] } | null
  }>(
    worker,
    `
      {
        skuDetail(skuId: "1") {
          productId
          exposures {
            channel
            status
            reasons
            trace {
              rule
              details
            }
            rulesChanged {
              changed
            }
          }
        }
      }
    `
  )

  expect(res.errors).toBeUndefined()

  return res.data?.skuDetail ?? null
}

const on = (
  detail: Awaited<ReturnType<typeof skuOne>>,
  channel: string
): Exposure | undefined => detail?.exposures.find((e) => e.channel === channel)

const stockOf = (exposure: Exposure | undefined) =>
  JSON.parse(
    exposure?.trace.find((r) => r.rule === 'MARKETPLACE_STOCK')?.details ?? '{}'
  ) as Record<string, unknown>

const FIELDS = 'id scope targetId channel exposeAt withdrawBelow note by at'

async function auditOf(kind: string) {
  const res = await graphql<{
    auditTrail: {
      items: Array<{
        kind: string
        actor: string
        at: string
        productId: string | null
        channel: string | null
        details: string
      }>
    }
  }>(
    worker,
    '{ auditTrail(channel: "MKB") { items { kind actor at productId channel details } } }'
  )

  expect(res.errors).toBeUndefined()

  return res.data?.auditTrail.items.filter((i) => i.kind === kind) ?? []
}

describe('given SKU 1 with 2 units reaching both channels, exposed at 1 on MKB and GGL', () => {
  let productId: string

  beforeAll(async () => {
    // wh-a reaches trade policy 2 (MKB), wh-b trade policy 3 (GGL): 2 units on each channel.
    for (const warehouse of ['wh-a', 'wh-b']) {
      await vtex(
        emulator,
        'PUT',
        `/api/logistics/pvt/inventory/skus/1/warehouses/${warehouse}`,
        { quantity: 2, unlimitedQuantity: false, leadTime: '00:00:00' }
      )
    }

    const detail = await waitFor('SKU 1 exposed on both channels', async () => {
      const d = await skuOne()

      return on(d, 'MKB')?.status === 'EXPOSED' &&
        on(d, 'GGL')?.status === 'EXPOSED' &&
        stockOf(on(d, 'GGL')).available === 2
        ? d
        : null
    })

    productId = detail.productId
  })

  it('should refuse a buffer whose withdrawBelow is above its exposeAt, with a code', async () => {
    const res = await graphql(
      worker,
      `
        mutation ($input: StockBufferInput!) {
          saveStockBuffer(input: $input) {
            id
          }
        }
      `,
      {
        input: {
          scope: 'PRODUCT',
          targetId: productId,
          channel: 'MKB',
          exposeAt: 2,
          withdrawBelow: 3,
          note: 'too much',
        },
      }
    )

    expect(res.errors?.[0]?.message).toBe('WITHDRAW_ABOVE_EXPOSE')
  })

  it('should withhold SKU 1 on MKB right after a product buffer of 3 is saved there, and keep it on GGL', async () => {
    const res = await graphql<{ saveStockBuffer: Array<{ id: string }> }>(
      worker,
      `mutation ($input: StockBufferInput!) { saveStockBuffer(input: $input) { ${FIELDS} } }`,
      {
        input: {
          scope: 'PRODUCT',
          targetId: productId,
          channel: 'MKB',
          exposeAt: 3,
          withdrawBelow: 3,
          note: 'MKB sells faster than we restock',
        },
      }
    )

    expect(res.errors).toBeUndefined()
    expect(res.data?.saveStockBuffer).toEqual([
      expect.objectContaining({
        id: `PRODUCT-${productId}-MKB`,
        exposeAt: 3,
        by: 'admin@marketplacea.example',
      }),
    ])

    // No wait: the save answers once the SKUs it changes were decided again.
    const detail = await skuOne()
    const mkb = on(detail, 'MKB')

    expect(mkb?.status).toBe('WITHHELD')
    expect(mkb?.reasons).toEqual(['NO_MARKETPLACE_STOCK'])
    expect(stockOf(mkb)).toMatchObject({
      available: 2,
      threshold: 3,
      exposeAt: 1,
      thresholdsFrom: 'BUFFER',
      buffer: { id: `PRODUCT-${productId}-MKB`, exposeAt: 3 },
    })
    expect(mkb?.rulesChanged).toBeNull()
    expect(on(detail, 'GGL')?.status).toBe('EXPOSED')
    expect(stockOf(on(detail, 'GGL'))).toMatchObject({
      thresholdsFrom: 'CHANNEL',
    })
  })

  it('should list the buffer and audit its creation with who, when and what', async () => {
    const res = await graphql<{
      stockBuffers: Array<Record<string, unknown>>
    }>(worker, `{ stockBuffers { ${FIELDS} } }`)

    expect(res.data?.stockBuffers).toEqual([
      expect.objectContaining({
        scope: 'PRODUCT',
        targetId: productId,
        channel: 'MKB',
        note: 'MKB sells faster than we restock',
      }),
    ])
    const [created] = await auditOf('BUFFER_CREATED')

    expect(created).toMatchObject({
      actor: 'admin@marketplacea.example',
      productId,
      channel: 'MKB',
    })
    expect(JSON.parse(created.details)).toMatchObject({
      before: null,
      after: { exposeAt: 3, withdrawBelow: 3 },
      note: 'MKB sells faster than we restock',
    })
  })

  it('should expose SKU 1 on MKB again right after the buffer is deleted, and audit it', async () => {
    const res = await graphql<{ deleteStockBuffer: unknown[] }>(
      worker,
      `
        mutation ($id: ID!) {
          deleteStockBuffer(id: $id) {
            id
          }
        }
      `,
      { id: `PRODUCT-${productId}-MKB` }
    )

    expect(res.errors).toBeUndefined()
    expect(res.data?.deleteStockBuffer).toEqual([])
    const mkb = on(await skuOne(), 'MKB')

    expect(mkb?.status).toBe('EXPOSED')
    expect(stockOf(mkb)).toMatchObject({
      threshold: 1,
      thresholdsFrom: 'CHANNEL',
      buffer: null,
    })
    const [removed] = await auditOf('BUFFER_REMOVED')

    expect(JSON.parse(removed.details)).toMatchObject({
      before: { exposeAt: 3 },
      after: null,
    })
  })

  it('should not evaluate a SKU whose status a buffer keeps, and say on its page that the trace predates the buffer', async () => {
    const res = await graphql(
      worker,
      `
        mutation ($input: StockBufferInput!) {
          saveStockBuffer(input: $input) {
            id
          }
        }
      `,
      {
        input: {
          scope: 'SKU',
          targetId: '1',
          channel: null,
          exposeAt: 2,
          withdrawBelow: 2,
          note: 'two on every channel',
        },
      }
    )

    expect(res.errors).toBeUndefined()
    const detail = await skuOne()

    for (const channel of ['MKB', 'GGL']) {
      expect(on(detail, channel)?.status).toBe('EXPOSED')
      expect(stockOf(on(detail, channel))).toMatchObject({ buffer: null })
      expect(on(detail, channel)?.rulesChanged).toEqual({ changed: ['buffer'] })
    }

    await graphql(
      worker,
      'mutation { deleteStockBuffer(id: "SKU-1-ALL") { id } }'
    )
  })

  it('should answer BUFFER_NOT_FOUND for a buffer deleted already', async () => {
    const res = await graphql(
      worker,
      `
        mutation ($id: ID!) {
          deleteStockBuffer(id: $id) {
            id
          }
        }
      `,
      { id: `PRODUCT-${productId}-MKB` }
    )

    expect(res.errors?.[0]?.message).toBe('BUFFER_NOT_FOUND')
  })
})
