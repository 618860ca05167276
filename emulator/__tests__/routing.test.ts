import type { Emulator } from '../index'
import { accessOf } from '../auth/licenses'
import { allRoutes } from '../server/routes'
import {
  account,
  APP_TOKEN,
  AUTH,
  call,
  portal,
  pricing,
  start,
} from './helpers'

describe('given the demo seed', () => {
  let emulator: Emulator

  beforeAll(async () => {
    emulator = await start()
  })
  afterAll(() => emulator.close())

  describe('when a request carries no credential', () => {
    it('should answer 401 with a JSON message on every VTEX API', async () => {
      for (const url of [
        portal('/api/catalog_system/pvt/sku/stockkeepingunitbyid/1'),
        pricing('/pricing/prices/1'),
        account('/api/fulfillment/pvt/affiliates'),
      ]) {
        const res = await call(emulator, 'GET', url)

        expect(res.status).toBe(401)
        expect(res.json<{ message: string }>().message).toMatch(/credential/i)
      }
    })

    it('should serve the control API without auth', async () => {
      expect((await call(emulator, 'GET', '/_emulator/health')).status).toBe(
        200
      )
    })
  })

  describe('when the account is resolved from different places', () => {
    it.each([
      [
        'portal host with ?an=',
        portal('/api/catalog_system/pvt/sku/stockkeepingunitbyid/1'),
        {},
      ],
      [
        'account host',
        account('/api/catalog_system/pvt/sku/stockkeepingunitbyid/1'),
        {},
      ],
      [
        'Host header sent directly',
        '/api/catalog_system/pvt/sku/stockkeepingunitbyid/1',
        { host: 'marketplacea.vtexcommercestable.com.br' },
      ],
      [
        'https absolute URI with X-Vtex-Use-Https',
        'https://marketplacea.vtexcommercestable.com.br/api/catalog_system/pvt/sku/stockkeepingunitbyid/1',
        { 'X-Vtex-Use-Https': 'true' },
      ],
      [
        'X-VTEX-Proxy-To',
        '/api/catalog_system/pvt/sku/stockkeepingunitbyid/1',
        { 'X-VTEX-Proxy-To': 'https://marketplacea.vtexcommercestable.com.br' },
      ],
    ])('should route via %s', async (_label, url, headers) => {
      const res = await call(emulator, 'GET', url, {
        headers: { ...AUTH, ...headers },
      })

      expect(res.status).toBe(200)
      expect(res.json<{ Id: number }>().Id).toBe(1)
    })

    it('should answer 404 for any other account', async () => {
      const res = await call(
        emulator,
        'GET',
        'http://other.vtexcommercestable.com.br/api/catalog_system/pvt/sku/stockkeepingunitbyid/1',
        { headers: AUTH }
      )

      expect(res.status).toBe(404)
    })

    it('should read the account from api.vtex.com/{account}/pricing', async () => {
      expect(
        (
          await call(emulator, 'GET', pricing('/pricing/prices/1'), {
            headers: AUTH,
          })
        ).status
      ).toBe(200)
      expect(
        (
          await call(
            emulator,
            'GET',
            'http://api.vtex.com/otheraccount/pricing/prices/1',
            { headers: AUTH }
          )
        ).status
      ).toBe(404)
    })

    it('should accept every VTEX credential form', async () => {
      const url = portal('/api/catalog_system/pvt/saleschannel/list')

      const forms: Array<Record<string, string>> = [
        AUTH,
        { Authorization: `Bearer ${APP_TOKEN}` },
        { Authorization: APP_TOKEN },
        { VtexIdclientAutCookie: APP_TOKEN },
        { Cookie: `VtexIdclientAutCookie=${APP_TOKEN}` },
        { Cookie: `other=1; VtexIdclientAutCookie_marketplacea=${APP_TOKEN}` },
      ]

      for (const headers of forms) {
        expect((await call(emulator, 'GET', url, { headers })).status).toBe(200)
      }
    })

    it.each<[string, Record<string, string>]>([
      ['no credential', {}],
      [
        'Proxy-Authorization alone (the egress credential)',
        { 'Proxy-Authorization': APP_TOKEN },
      ],
      ['an unknown token', { VtexIdclientAutCookie: 'forged-token' }],
      ['an unknown token as Bearer', { Authorization: 'Bearer forged-token' }],
      [
        'a wrong AppToken',
        {
          'X-VTEX-API-AppKey': AUTH['X-VTEX-API-AppKey'],
          'X-VTEX-API-AppToken': 'nope',
        },
      ],
    ])('should answer 401 to %s', async (_what, headers) => {
      const res = await call(
        emulator,
        'GET',
        portal('/api/catalog_system/pvt/saleschannel/list'),
        { headers }
      )

      expect(res.status).toBe(401)
    })
  })

  describe('when VTEX ID and License Manager are asked about the seeded users', () => {
    it('should resolve the admin and viewer tokens and nothing else', async () => {
      const user = (token: string) =>
        call(
          emulator,
          'GET',
          `http://vtexid.vtex.com.br/api/vtexid/pub/authenticated/user?authToken=${token}`,
          { headers: { 'Proxy-Authorization': 'app' } }
        )

      expect((await user('demo-admin-token')).json()).toMatchObject({
        user: 'admin@marketplacea.example',
        account: 'marketplacea',
      })
      expect((await user('demo-viewer-token')).json()).toMatchObject({
        user: 'viewer@marketplacea.example',
      })
      expect((await user('unknown')).text).toBe('null')
    })

    it("should answer `granted` per product and resource, from the user's roles", async () => {
      const granted = (email: string, product: string, resource: string) =>
        call(
          emulator,
          'GET',
          portal(
            `/api/license-manager/pvt/accounts/marketplacea/products/${product}/logins/${email}/resources/${resource}/granted`
          ),
          { headers: AUTH }
        )

      const admin = 'admin@marketplacea.example'
      const viewer = 'viewer@marketplacea.example'

      expect((await granted(admin, '2', 'EditProduct')).json()).toBe(true)
      // The pair, not the user, decides: another resource or product is not granted.
      expect((await granted(admin, '2', 'some-resource')).json()).toBe(false)
      expect((await granted(admin, '97', 'EditProduct')).json()).toBe(false)
      expect((await granted(viewer, '2', 'EditProduct')).json()).toBe(false)
      expect((await granted(viewer, '2', 'ViewProduct')).json()).toBe(true)
      expect(
        (await granted('nobody@example.com', '2', 'EditProduct')).json()
      ).toBe(false)
    })
  })

  describe('when counters are read', () => {
    it('should key them by api, method and path template', async () => {
      await call(emulator, 'POST', '/_emulator/counters/reset')
      await call(
        emulator,
        'GET',
        account('/api/catalog_system/pvt/sku/stockkeepingunitbyid/2'),
        { headers: AUTH }
      )
      await call(
        emulator,
        'GET',
        account('/api/catalog_system/pvt/sku/stockkeepingunitbyid/3'),
        { headers: AUTH }
      )
      const counters = (
        await call(emulator, 'GET', '/_emulator/counters')
      ).json<{
        endpoints: Record<string, number>
        totals: Record<string, number>
      }>()

      expect(
        counters.endpoints[
          'catalog GET /api/catalog_system/pvt/sku/stockkeepingunitbyid/{skuId}'
        ]
      ).toBe(2)
      expect(counters.totals.catalog).toBe(2)
    })
  })
})

describe('given every emulated route', () => {
  it('should have a License Manager rule (the table in emulator/README.md)', () => {
    const missing = allRoutes()
      .filter((route) => !accessOf(route.method, route.template))
      .map((route) => route.key)

    expect(missing).toEqual([])
  })
})
