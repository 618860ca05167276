import net from 'node:net'

import type { Emulator } from '../index'
import { account, AUTH, call, pricing, start } from './helpers'

describe('given fault injection and rate limits', () => {
  let emulator: Emulator

  beforeAll(async () => {
    emulator = await start()
  })
  afterAll(() => emulator.close())
  afterEach(async () => {
    await call(emulator, 'DELETE', '/_emulator/faults')
    await call(emulator, 'DELETE', '/_emulator/ratelimit')
  })

  describe('when a status fault matches a glob', () => {
    it('should answer it the given number of times, then recover', async () => {
      await call(emulator, 'POST', '/_emulator/faults', {
        body: {
          match: 'GET /pricing/prices/*',
          status: 503,
          retryAfter: 2,
          times: 2,
        },
      })
      const url = pricing('/pricing/prices/1')
      const statuses = []

      for (let i = 0; i < 3; i++)
        statuses.push(
          (await call(emulator, 'GET', url, { headers: AUTH })).status
        )
      expect(statuses).toEqual([503, 503, 200])
    })

    it('should answer the documented 423 lock text on inventory writes', async () => {
      await call(emulator, 'POST', '/_emulator/faults', {
        body: {
          match: 'PUT /api/logistics/pvt/inventory/skus/*/warehouses/*',
          status: 423,
          times: 1,
        },
      })
      const res = await call(
        emulator,
        'PUT',
        account('/api/logistics/pvt/inventory/skus/2/warehouses/wh-a'),
        { headers: AUTH, body: { quantity: 1, unlimitedQuantity: false } }
      )

      expect(res.status).toBe(423)
      expect(res.text).toBe(
        'Unable to acquire lock for key: marketplacea_item_logistics_2_wh-a.'
      )
    })
  })

  describe('when the inventory lock window is on', () => {
    it('should answer 423 to a second write on the same SKU and warehouse within the window', async () => {
      await call(emulator, 'POST', '/_emulator/logistics', {
        body: { lockWindowMs: 500 },
      })
      const put = (warehouse: string) =>
        call(
          emulator,
          'PUT',
          account(
            `/api/logistics/pvt/inventory/skus/2/warehouses/${warehouse}`
          ),
          {
            headers: AUTH,
            body: {
              quantity: 5,
              unlimitedQuantity: false,
              leadTime: '00:00:00',
            },
          }
        )

      try {
        expect((await put('wh-a')).status).toBe(200)
        const locked = await put('wh-a')

        expect(locked.status).toBe(423)
        expect(locked.text).toBe(
          'Unable to acquire lock for key: marketplacea_item_logistics_2_wh-a.'
        )
        expect((await put('wh-b')).status).toBe(200)
      } finally {
        await call(emulator, 'POST', '/_emulator/logistics', {
          body: { lockWindowMs: 0 },
        })
      }
    })
  })

  describe('when a regex fault adds latency', () => {
    it('should delay the answer', async () => {
      await call(emulator, 'POST', '/_emulator/faults', {
        body: {
          match: '/stockkeepingunitbyid\\/2$/',
          latencyMs: 120,
          times: 1,
        },
      })
      const started = Date.now()
      const res = await call(
        emulator,
        'GET',
        account('/api/catalog_system/pvt/sku/stockkeepingunitbyid/2'),
        { headers: AUTH }
      )

      expect(res.status).toBe(200)
      expect(Date.now() - started).toBeGreaterThanOrEqual(110)
    })
  })

  describe('when a reset fault matches', () => {
    it('should destroy the socket', async () => {
      await call(emulator, 'POST', '/_emulator/faults', {
        body: {
          match: 'GET /api/fulfillment/pvt/affiliates',
          reset: true,
          times: 1,
        },
      })
      await expect(
        call(emulator, 'GET', account('/api/fulfillment/pvt/affiliates'), {
          headers: AUTH,
        })
      ).rejects.toThrow(/socket hang up|ECONNRESET/)
      expect(
        (
          await call(
            emulator,
            'GET',
            account('/api/fulfillment/pvt/affiliates'),
            { headers: AUTH }
          )
        ).status
      ).toBe(200)
    })
  })

  describe('when an API is rate limited', () => {
    it('should answer 429 with Retry-After past the budget, per API', async () => {
      await call(emulator, 'POST', '/_emulator/ratelimit', {
        body: { api: 'catalog', perSecond: 5 },
      })
      const statuses: number[] = []
      let retryAfter: string | undefined

      for (let i = 0; i < 8; i++) {
        const res = await call(
          emulator,
          'GET',
          account('/api/catalog_system/pvt/sku/stockkeepingunitbyid/1'),
          { headers: AUTH }
        )

        statuses.push(res.status)
        if (res.status === 429)
          retryAfter = res.headers['retry-after'] as string
      }

      expect(statuses.filter((s) => s === 200)).toHaveLength(5)
      expect(statuses.filter((s) => s === 429)).toHaveLength(3)
      expect(Number(retryAfter)).toBeGreaterThanOrEqual(1)
      expect(
        (
          await call(emulator, 'GET', pricing('/pricing/prices/1'), {
            headers: AUTH,
          })
        ).status
      ).toBe(200)
    })
  })

  describe('when the account-wide budget (`*`) is spent', () => {
    const vtexId = () =>
      call(
        emulator,
        'GET',
        'http://vtexid.vtex.com.br/api/vtexid/pub/authenticated/user?authToken=demo-admin-token',
        { headers: { 'Proxy-Authorization': 'app' } }
      )

    const sku = () =>
      call(
        emulator,
        'GET',
        account('/api/catalog_system/pvt/sku/stockkeepingunitbyid/1'),
        { headers: AUTH }
      )

    it("should refuse the commerce APIs and still answer VTEX ID, which IO's @auth calls without retry", async () => {
      await call(emulator, 'POST', '/_emulator/ratelimit', {
        body: { api: '*', perSecond: 2 },
      })
      const catalog: number[] = []
      const identity: number[] = []

      for (let i = 0; i < 4; i++) catalog.push((await sku()).status)
      for (let i = 0; i < 4; i++) identity.push((await vtexId()).status)

      expect(catalog.filter((s) => s === 429)).toHaveLength(2)
      expect(identity).toEqual([200, 200, 200, 200])
    })

    it('should still limit VTEX ID with a budget of its own', async () => {
      await call(emulator, 'POST', '/_emulator/ratelimit', {
        body: { api: 'identity', perSecond: 2 },
      })
      const identity: number[] = []

      for (let i = 0; i < 4; i++) identity.push((await vtexId()).status)

      expect(identity.filter((s) => s === 429)).toHaveLength(2)
    })
  })

  it('should keep the TCP server usable after faults', async () => {
    const connected = await new Promise<boolean>((resolve, reject) => {
      const socket = net.connect(emulator.port, '127.0.0.1', () => {
        socket.end()
        resolve(true)
      })

      socket.on('error', reject)
    })

    expect(connected).toBe(true)
  })
})
