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

describe('given stock moves that keep the status, each delivered to two workers at once', () => {
  // Such an event takes no lease (node/services/evaluation/keepStatus.ts): the state's own
  // conditional write orders the two workers, and the loser rewrites its rows under the lease.
  it('should leave the state and the row at the last stock read, with no new status entry', async () => {
    const shown = async () => {
      const state = await graphql<{
        exposure: { status: string; available: number | null } | null
      }>(
        workers[0],
        '{ exposure(skuId: "1", channel: "MKB") { status available } }'
      )

      const rows = await graphql<{
        exposures: {
          items: Array<{ skuId: string; status: string; available: number }>
        }
      }>(
        workers[1],
        '{ exposures(filter: { channel: "MKB", text: "1" }, pageSize: 100) { items { skuId status available } } }'
      )

      return {
        state: state.data?.exposure,
        row: rows.data?.exposures.items.find((r) => r.skuId === '1'),
      }
    }

    const entries = async () =>
      (
        await graphql<{
          auditTrail: { items: Array<{ kind: string; channel: string }> }
        }>(
          workers[0],
          '{ auditTrail(skuId: "1", pageSize: 100) { items { kind channel } } }'
        )
      ).data?.auditTrail.items.filter(
        (e) => e.kind === 'STATUS_CHANGE' && e.channel === 'MKB'
      ).length

    const before = await entries()

    for (const quantity of [3, 2, 5]) {
      await vtex(
        emulator,
        'PUT',
        '/api/logistics/pvt/inventory/skus/1/warehouses/wh-a',
        { quantity, unlimitedQuantity: false, leadTime: '00:00:00' }
      )
      const event = {
        IdSku: '1',
        StockModified: true,
        PriceModified: false,
        HasStockKeepingUnitModified: false,
        HasStockKeepingUnitRemovedFromAffiliate: false,
        IsActive: true,
        DateModified: new Date().toISOString(),
      }

      await new Promise((resolve) => setTimeout(resolve, 600))
      const both = workers

      await Promise.all(
        [0, 1, 2].flatMap(() => both.map((w) => sendEvent(w, event)))
      )
      await waitFor(`SKU 1 at ${quantity} on MKB, state and row`, async () => {
        const { state, row } = await shown()

        return state?.available === quantity && row?.available === quantity
      })
    }

    const { state, row } = await shown()

    expect(state).toEqual({ status: 'EXPOSED', available: 5 })
    expect(row).toMatchObject({ status: 'EXPOSED', available: 5 })
    expect(await entries()).toBe(before)
  })
})
