/**
 * IO runs several replicas with several workers each: correctness must not depend on process
 * memory. Two real worker processes share one emulator (VBase, Master Data, catalog).
 */
import type { Emulator } from '../support/emulator'
import { control, emulatorFor, vtex } from '../support/emulator'
import type { Worker } from '../support/worker'
import {
  freePort,
  graphql,
  sendEvent,
  startWorker,
  waitFor,
} from '../support/worker'

let emulator: Emulator
let workers: Worker[]

beforeAll(async () => {
  const port = await freePort()

  emulator = await emulatorFor(`http://127.0.0.1:${port}`)
  // Events from the emulator go to the first worker; the test also delivers to both at once.
  workers = await Promise.all([
    startWorker(emulator.url, port),
    startWorker(emulator.url),
  ])
  await control(emulator, 'POST', '/events', { enabled: false })
  const res = await graphql(
    workers[0],
    `
      mutation {
        saveSettings(input: { channels: [{ channel: "MKB", mode: ENFORCE }] }) {
          cacheId
        }
      }
    `
  )

  if (res.errors)
    throw new Error(`saveSettings failed: ${JSON.stringify(res.errors)}`)
})

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()))
  await emulator?.close()
})

const counters = async () =>
  (
    (await control(emulator, 'GET', '/counters')).body as {
      endpoints: Record<string, number>
    }
  ).endpoints

const sum = (endpoints: Record<string, number>, pattern: RegExp) =>
  Object.entries(endpoints)
    .filter(([key]) => pattern.test(key))
    .reduce((n, [, v]) => n + v, 0)

describe('given the same SKU change delivered to two workers at once, several times', () => {
  it('should store one decision, one audit entry per status change and write the association once', async () => {
    await vtex(
      emulator,
      'PUT',
      '/api/logistics/pvt/inventory/skus/1/warehouses/wh-a',
      {
        quantity: 4,
        unlimitedQuantity: false,
        leadTime: '00:00:00',
      }
    )
    const event = {
      IdSku: '1',
      StockModified: true,
      DateModified: new Date().toISOString(),
    }

    // Delivered after the margin within which a read may predate the change it is compared
    // with (SEEN_MARGIN_MS, node/services/evaluation/evaluate.ts): inside it, each delivery is read again.
    await new Promise((resolve) => setTimeout(resolve, 600))
    await control(emulator, 'POST', '/counters/reset')

    const responses = await Promise.all(
      [0, 1, 2].flatMap(() => workers.map((w) => sendEvent(w, event)))
    )

    expect(responses.map((r) => r.status)).toEqual([
      204, 204, 204, 204, 204, 204,
    ])
    await waitFor('SKU 1 exposed on MKB', async () => {
      const res = await graphql<{ exposure: { status: string } | null }>(
        workers[1],
        `
          {
            exposure(skuId: "1", channel: "MKB") {
              status
            }
          }
        `
      )

      return res.data?.exposure?.status === 'EXPOSED'
    })

    const audit = await graphql<{
      auditTrail: {
        items: Array<{ kind: string; channel: string; toStatus: string }>
      }
    }>(
      workers[0],
      `
        {
          auditTrail(skuId: "1", pageSize: 100) {
            items {
              kind
              channel
              toStatus
            }
          }
        }
      `
    )

    const items = audit.data?.auditTrail.items ?? []

    expect(
      items.filter((e) => e.kind === 'STATUS_CHANGE' && e.channel === 'MKB')
    ).toHaveLength(1)
    expect(
      items.filter((e) => e.kind === 'ENFORCEMENT_WRITE' && e.channel === 'MKB')
    ).toHaveLength(1)
    const endpoints = await counters()

    expect(
      sum(
        endpoints,
        /catalog POST \/api\/catalog\/pvt\/product\/.+\/salespolicy/
      )
    ).toBe(1)
    // Six deliveries of one change: the SKU's inputs were read once (duplicates cost no read).
    expect(sum(endpoints, /stockkeepingunitbyid/)).toBe(1)
    const policies = await vtex(
      emulator,
      'GET',
      '/api/catalog/pvt/product/1/salespolicy'
    )

    expect(
      (policies.body as Array<{ StoreId: number }>).map((p) => p.StoreId)
    ).toContain(2)
  })
})
