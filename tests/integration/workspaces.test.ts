/**
 * Master Data is account-wide while VBase and settings are per workspace: two workspaces of one
 * account, the same SKU under different settings, keep their own projection and audit rows.
 */
import type { Emulator } from '../support/emulator'
import { control, emulatorFor, vtex } from '../support/emulator'
import type { Worker } from '../support/worker'
import { freePort, graphql, startWorker } from '../support/worker'

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

  it("should store master's rows under their usual ids and dev's under its own", () => {
    const docs = emulator.state.md.entity('sgexposure').docs

    expect(docs.get('1-MKB')).toMatchObject({
      status: 'EXPOSED',
      workspace: 'master',
    })
    expect(docs.get('dev--1-MKB')).toMatchObject({
      status: 'WITHHELD',
      workspace: 'dev',
    })
  })

  it('should have filtered and sorted on indexed fields only', async () => {
    expect(
      (await control(emulator, 'GET', '/masterdata/unindexed')).body
    ).toEqual({ total: 0, fields: {} })
  })
})
