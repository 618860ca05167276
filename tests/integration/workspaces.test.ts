/**
 * Master Data is account-wide while VBase and settings are per workspace: two workspaces of one
 * account, the same SKU under different settings, keep their own projection and audit rows. And
 * the worker's memory is per workspace too: one worker deciding the same SKU's events in both
 * applies each workspace's own settings and takes neither's reads for the other's.
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
let worker: Worker

interface Row {
  skuId: string
  channel: string
  status: string
}

const gql = <T>(workspace: string, query: string) =>
  graphql<T>(worker, query, {}, 'demo-admin-token', workspace)

async function evaluateIn(workspace: string, exposeAt: number) {
  const saved = await gql(
    workspace,
    `mutation { saveSettings(input: { channels: [{ channel: "MKB", exposeAt: ${exposeAt}, withdrawBelow: ${exposeAt} }] }) { cacheId } }`
  )

  expect(saved.errors).toBeUndefined()
  const evaluated = await gql<{ reevaluate: Row[] }>(
    workspace,
    'mutation { reevaluate(skuId: "1", channel: "MKB") { skuId channel status } }'
  )

  expect(evaluated.errors).toBeUndefined()

  return evaluated.data?.reevaluate ?? []
}

const table = (workspace: string) =>
  gql<{ exposures: { items: Row[]; total: number } }>(
    workspace,
    '{ exposures(filter: { channel: "MKB" }, pageSize: 100) { items { skuId channel status } total } }'
  )

const trail = (workspace: string) =>
  gql<{ auditTrail: { items: Array<{ toStatus: string | null }> } }>(
    workspace,
    '{ auditTrail(skuId: "1", channel: "MKB") { items { toStatus } } }'
  )

beforeAll(async () => {
  const port = await freePort()

  emulator = await emulatorFor(`http://127.0.0.1:${port}`, 'demo')
  worker = await startWorker(emulator.url, port)
  await control(emulator, 'POST', '/events', { enabled: false })
  // The marketplace stocks 3 units of SKU 1 (warehouse wh-a reaches MKB's trade policy).
  await vtex(
    emulator,
    'PUT',
    '/api/logistics/pvt/inventory/skus/1/warehouses/wh-a',
    { quantity: 3, unlimitedQuantity: false, leadTime: '00:00:00' }
  )
  await control(emulator, 'DELETE', '/masterdata/unindexed')
}, 60_000)

afterAll(async () => {
  await worker?.stop()
  await emulator?.close()
})

describe('given workspaces master and dev of one account, SKU 1 with 3 units', () => {
  it('should keep each workspace its own decision, table row and audit trail', async () => {
    // master exposes at 1 unit, dev only at 10: the same SKU decides differently.
    expect(await evaluateIn('master', 1)).toEqual([
      expect.objectContaining({ skuId: '1', status: 'EXPOSED' }),
    ])
    expect(await evaluateIn('dev', 10)).toEqual([
      expect.objectContaining({ skuId: '1', status: 'WITHHELD' }),
    ])

    const [master, dev] = await Promise.all([table('master'), table('dev')])
    const rowOf = (res: typeof master) =>
      res.data?.exposures.items.filter((r) => r.skuId === '1')

    expect(rowOf(master)).toEqual([
      { skuId: '1', channel: 'MKB', status: 'EXPOSED' },
    ])
    expect(rowOf(dev)).toEqual([
      { skuId: '1', channel: 'MKB', status: 'WITHHELD' },
    ])
    // dev evaluated one SKU only: master's other rows are not dev's.
    expect(dev.data?.exposures.total).toBe(1)

    const [masterTrail, devTrail] = await Promise.all([
      trail('master'),
      trail('dev'),
    ])

    expect(masterTrail.data?.auditTrail.items.map((e) => e.toStatus)).toEqual([
      'EXPOSED',
    ])
    expect(devTrail.data?.auditTrail.items.map((e) => e.toStatus)).toEqual([
      'WITHHELD',
    ])
  })

  it("should store master's SKU document under its usual id and dev's under its own", async () => {
    const { docs } = emulator.state.md.entity('sgsku')
    // Each workspace's channel slots are its own (VBase): MKB's status field in each.
    const statusField = async (workspace: string) => {
      const { body } = await vtex(
        emulator,
        'GET',
        `/vbase/v2/marketplacea/${workspace}/buckets/marketplacea.marketplace-stock-gate/projection/files/slots.json`,
        undefined,
        'infra.io.vtex.com'
      )

      return `s${(body as { slots: Record<string, number> }).slots.MKB % 10}`
    }

    expect(docs.get('1')).toMatchObject({
      [await statusField('master')]: 'EXPOSED',
      workspace: 'master',
    })
    expect(docs.get('dev--1')).toMatchObject({
      [await statusField('dev')]: 'WITHHELD',
      workspace: 'dev',
    })
  })

  it('should have filtered and sorted on indexed fields only', async () => {
    expect(
      (await control(emulator, 'GET', '/masterdata/unindexed')).body
    ).toEqual({ total: 0, fields: {} })
  })
})

describe('given master (MKB exposes at 1) and dev (MKB in ENFORCE, exposes at 10) on one worker', () => {
  interface Decision {
    status: string
    reasons: string[]
    available: number | null
  }

  const decision = async (workspace: string) =>
    (
      await gql<{ exposure: Decision | null }>(
        workspace,
        '{ exposure(skuId: "1", channel: "MKB") { status reasons available } }'
      )
    ).data?.exposure ?? null

  const eventIn = (workspace: string, changedAt: string) =>
    sendEvent(
      worker,
      {
        IdSku: '1',
        An: 'marketplacea',
        StockModified: true,
        DateModified: changedAt,
      },
      false,
      workspace
    )

  const modeIn = async (workspace: string) =>
    (
      await gql<{
        channels: Array<{
          id: string
          mode: string
          catalogWritesBlocked: boolean
        }>
      }>(workspace, '{ channels { id mode catalogWritesBlocked } }')
    ).data?.channels.find((c) => c.id === 'MKB')

  const policies = async () =>
    (
      (await vtex(emulator, 'GET', '/api/catalog/pvt/product/1/salespolicy'))
        .body as Array<{ StoreId: number }>
    ).map((r) => r.StoreId)

  describe("when SKU 1's stock falls to 2 and its event reaches master, then dev", () => {
    it("should decide each workspace's SKU from its own settings and its own reads, and write no catalog", async () => {
      const saved = await gql(
        'dev',
        'mutation { saveSettings(input: { channels: [{ channel: "MKB", mode: ENFORCE }] }) { cacheId } }'
      )

      expect(saved.errors).toBeUndefined()
      await vtex(
        emulator,
        'PUT',
        '/api/logistics/pvt/inventory/skus/1/warehouses/wh-a',
        { quantity: 2, unlimitedQuantity: false, leadTime: '00:00:00' }
      )
      // The change, as VTEX stamps it: both workspaces' last reads of SKU 1 (the first case's)
      // were before it, so neither has seen it. Then longer than the duplicate margin (half a
      // second plus the clock's measured skew), so master's read covers it.
      const changedAt = new Date().toISOString()

      await new Promise((r) => setTimeout(r, 2_500))

      // dev's channels, read through the worker's settings cache just before master decides:
      // a cache shared by the workspaces would hand master dev's ENFORCE and exposeAt 10.
      expect(await modeIn('dev')).toMatchObject({
        mode: 'ENFORCE',
        catalogWritesBlocked: true,
      })
      expect((await eventIn('master', changedAt)).status).toBe(204)
      const inMaster = await waitFor('master seeing 2 units', async () => {
        const d = await decision('master')

        return d?.available === 2 ? d : null
      })

      expect(inMaster).toMatchObject({ status: 'EXPOSED', reasons: [] })

      // The same change reaches dev after master read past it: dev has not seen it (a memory
      // of reads shared by the workspaces would drop it as a duplicate), and decides it with
      // its own exposeAt 10, not master's settings just cached.
      expect((await eventIn('dev', changedAt)).status).toBe(204)
      const inDev = await waitFor(
        'dev seeing 2 units',
        async () => {
          const d = await decision('dev')

          return d?.available === 2 ? d : null
        },
        5_000
      )

      expect(inDev.status).toBe('WITHHELD')
      expect(await decision('master')).toEqual(inMaster)
      expect(await modeIn('master')).toMatchObject({
        mode: 'OBSERVE',
        catalogWritesBlocked: false,
      })
      // master is in OBSERVE and dev may not write the catalog: product 1 stays off MKB's
      // trade policy 2, though master exposes SKU 1.
      expect(await policies()).not.toContain(2)
    })
  })
})
