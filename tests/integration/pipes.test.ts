/**
 * The foundation: the real @vtex/api worker, wired to the emulator through HTTP_PROXY, receives
 * the emulator's broadcaster events, answers GraphQL and its private route, and refuses anonymous
 * callers. Every request body the app sent validates against VTEX's published request schemas.
 */
import type { Emulator } from '../support/emulator'
import { control, vtex } from '../support/emulator'
import { startSystem, stopSystem } from '../support/system'
import type { Worker } from '../support/worker'
import { ACCOUNT, graphql, waitFor } from '../support/worker'

let emulator: Emulator
let worker: Worker

beforeAll(async () => {
  const system = await startSystem()

  emulator = system.emulator
  worker = system.worker
})

afterAll(() => stopSystem({ emulator, worker }))

const route = (skuId: string, token?: string) =>
  fetch(
    `${worker.url}/${ACCOUNT}/master/_v/private/marketplace-stock-gate/skus/${skuId}`,
    {
      headers: {
        'x-vtex-account': ACCOUNT,
        'x-vtex-workspace': 'master',
        'x-vtex-credential': worker.appToken,
        ...(token ? { VtexIdclientAutCookie: token } : {}),
      },
    }
  )

describe('given the worker behind the emulator', () => {
  it('should receive the broadcaster event the emulator sends for an inventory write', async () => {
    await vtex(
      emulator,
      'PUT',
      '/api/logistics/pvt/inventory/skus/2/warehouses/wh-a',
      {
        quantity: 7,
        unlimitedQuantity: false,
        leadTime: '00:00:00',
      }
    )
    const log = await waitFor('event delivered', async () => {
      const res = await control(emulator, 'GET', '/events/log?kind=broadcaster')
      const entries = res.body as Array<{
        payload: { IdSku: string }
        status: string
        httpStatus?: number
      }>

      return entries.find(
        (e) => e.payload.IdSku === '2' && e.status === 'delivered'
      )
    })

    expect(log.httpStatus).toBe(204)
    const res = await waitFor('decision on the private route', async () => {
      const r = await route('2', 'demo-admin-token')

      return r.status === 200 ? r : null
    })

    const body = (await res.json()) as {
      exposures: Array<{ channel: string; status: string; available: number }>
    }

    expect(body.exposures.find((e) => e.channel === 'MKB')).toMatchObject({
      status: 'EXPOSED',
      available: 7,
    })
  })

  it('should answer GraphQL for an admin and refuse anonymous and non-admin callers', async () => {
    const admin = await graphql<{
      channels: Array<{ id: string; salesChannel: string }>
    }>(worker, '{ channels { id salesChannel } }')

    expect(admin.data?.channels).toEqual([
      { id: 'MKB', salesChannel: '2' },
      { id: 'GGL', salesChannel: '3' },
    ])

    const anonymous = await graphql(worker, '{ channels { id } }', {}, null)

    expect(anonymous.data).toBeNull()
    // @vtex/api's @auth answers with apollo's codes.
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED')

    const viewer = await graphql(
      worker,
      '{ channels { id } }',
      {},
      'demo-viewer-token'
    )

    expect(viewer.errors?.[0].extensions?.code).toBe('FORBIDDEN')
  })

  it('should refuse the private route without an admin', async () => {
    expect((await route('2')).status).toBe(401)
    expect((await route('2', 'demo-viewer-token')).status).toBe(403)
    expect((await route('abc', 'demo-admin-token')).status).toBe(400)
  })

  it('should have sent only request bodies that validate against the request schemas', async () => {
    const violations = await control(emulator, 'GET', '/contract-violations')

    expect(violations.body).toEqual([])
  })

  it('should have filtered and sorted Master Data on v-indexed fields only', async () => {
    const report = await control(emulator, 'GET', '/masterdata/unindexed')

    expect(report.body).toEqual({ total: 0, fields: {} })
  })
})

describe("given the marketplace's sellers in the catalog", () => {
  it('should list the third-party ones for the admin, not the marketplace itself', async () => {
    const res = await graphql<{
      sellers: Array<{ id: string; name: string | null; active: boolean }>
    }>(worker, '{ sellers { id name active } }')

    expect(res.errors).toBeUndefined()
    expect(res.data?.sellers).toEqual([
      { id: 'sellera', name: 'Seller A', active: true },
      { id: 'sellerb', name: 'Seller B', active: true },
      { id: 'sellerc', name: 'Seller C', active: true },
    ])
  })
})
