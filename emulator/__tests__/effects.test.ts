import type { Emulator } from '../index'
import { account, AUTH, call, pricing, start, stubService } from './helpers'

type Payload = Record<string, unknown>

describe('given an emulator wired to a stub service', () => {
  let emulator: Emulator
  let service: Awaited<ReturnType<typeof stubService>>

  beforeAll(async () => {
    service = await stubService()
    emulator = await start({ serviceUrl: service.url, eventsEnabled: true })
  })
  afterAll(async () => {
    await emulator.close()
    await service.close()
  })
  beforeEach(async () => {
    await call(emulator, 'POST', '/_emulator/events/flush')
    service.received.length = 0
    await call(emulator, 'DELETE', '/_emulator/affiliates/MKB/inbox')
    await call(emulator, 'DELETE', '/_emulator/affiliates/GGL/inbox')
  })

  const flush = () => call(emulator, 'POST', '/_emulator/events/flush')
  const inbox = async (id: string) =>
    (await call(emulator, 'GET', `/_emulator/affiliates/${id}/inbox`)).json<
      Payload[]
    >()

  const putStock = (skuId: string, warehouse: string, quantity: number) =>
    call(
      emulator,
      'PUT',
      account(
        `/api/logistics/pvt/inventory/skus/${skuId}/warehouses/${warehouse}`
      ),
      {
        headers: AUTH,
        body: { quantity, unlimitedQuantity: false, leadTime: '00:00:00' },
      }
    )

  describe('when the inventory of a SKU changes', () => {
    it('should answer 200 true and deliver a broadcaster event with the IO headers', async () => {
      const res = await putStock('2', 'wh-a', 21)

      expect(res.status).toBe(200)
      expect(res.json()).toBe(true)
      await flush()
      expect(service.received).toHaveLength(1)
      const [event] = service.received

      expect(event.url).toBe('/marketplacea/master/_events')
      expect(event.headers).toMatchObject({
        'x-event-handler-id': 'broadcasterNotification',
        'x-event-key': 'broadcaster.notification',
        'x-event-sender': 'vtex.broadcaster@0.10.2',
        'x-vtex-account': 'marketplacea',
        'x-vtex-workspace': 'master',
        'content-type': 'application/json',
      })
      // the app's own token, as IO's router sends it (never a user's)
      expect(event.headers['x-vtex-credential']).toBe(emulator.appToken)
      expect(event.body).toEqual({
        IdSku: '2',
        An: 'marketplacea',
        DateModified: expect.stringMatching(
          /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/
        ),
        IsActive: true,
        StockModified: true,
        PriceModified: false,
        HasStockKeepingUnitModified: false,
        HasStockKeepingUnitRemovedFromAffiliate: false,
      })
    })

    it("should stamp DateModified with VTEX's clock when a test sets it apart from this machine's", async () => {
      await call(emulator, 'POST', '/_emulator/events', {
        body: { clockOffsetMs: -60_000 },
      })
      const before = Date.now()

      await putStock('2', 'wh-a', 22)
      await flush()
      await call(emulator, 'POST', '/_emulator/events', {
        body: { clockOffsetMs: 0 },
      })
      const stamped = Date.parse(
        String((service.received[0].body as Payload).DateModified)
      )

      expect(before - stamped).toBeGreaterThanOrEqual(59_000)
      expect(before - stamped).toBeLessThanOrEqual(61_000)
    })

    it("should send VTEX's clock as every answer's Date, whole seconds behind with it", async () => {
      await call(emulator, 'POST', '/_emulator/events', {
        body: { clockOffsetMs: -60_000 },
      })
      const before = Date.now()
      const res = await putStock('2', 'wh-a', 23)

      await call(emulator, 'POST', '/_emulator/events', {
        body: { clockOffsetMs: 0 },
      })
      const date = Date.parse(String(res.headers.date))

      expect(before - date).toBeGreaterThanOrEqual(59_000)
      expect(before - date).toBeLessThanOrEqual(61_000)
      expect(date % 1000).toBe(0)
    })

    it('should notify affiliates only across the five-unit line', async () => {
      // SKU 2 (product 2 in [1,2]) is seen by MKB (sc 2): 21 -> 30 is silent, 30 -> 4 and 4 -> 0 are not
      await putStock('2', 'wh-a', 30)
      expect(await inbox('MKB')).toHaveLength(0)
      await putStock('2', 'wh-a', 4)
      await putStock('2', 'wh-a', 0)
      const received = await inbox('MKB')

      expect(received).toHaveLength(2)
      expect(received[0]).toMatchObject({
        IdSku: '2',
        IdAffiliate: 'MKB',
        StockModified: true,
      })
      expect(await inbox('GGL')).toHaveLength(0)
      await putStock('2', 'wh-a', 20)
    })
  })

  describe('when a product enters and leaves a trade policy', () => {
    it('should notify the affiliate for every SKU of the product and flag the removal', async () => {
      // product 5 has SKUs 6, 7, 8
      await call(
        emulator,
        'POST',
        account('/api/catalog/pvt/product/5/salespolicy/3'),
        { headers: AUTH }
      )
      const added = await inbox('GGL')

      expect(added.map((p) => p.IdSku)).toEqual(['6', '7', '8'])
      expect(
        added.every(
          (p) =>
            p.HasStockKeepingUnitModified === true &&
            p.HasStockKeepingUnitRemovedFromAffiliate === false
        )
      ).toBe(true)
      await call(
        emulator,
        'DELETE',
        account('/api/catalog/pvt/product/5/salespolicy/3'),
        { headers: AUTH }
      )
      const all = await inbox('GGL')

      expect(
        all
          .slice(3)
          .map((p) => [p.IdSku, p.HasStockKeepingUnitRemovedFromAffiliate])
      ).toEqual([
        ['6', true],
        ['7', true],
        ['8', true],
      ])
      await flush()
      expect(service.received.map((e) => (e.body as Payload).IdSku)).toEqual([
        '6',
        '7',
        '8',
        '6',
        '7',
        '8',
      ])
    })
  })

  describe('when a price changes', () => {
    it('should send PriceModified', async () => {
      await call(emulator, 'PUT', pricing('/pricing/prices/2'), {
        headers: AUTH,
        body: {
          basePrice: 70,
          listPrice: 90,
          fixedPrices: [{ tradePolicyId: '2', value: 72, minQuantity: 1 }],
        },
      })
      await flush()
      expect(service.received.map((e) => e.body)).toEqual([
        expect.objectContaining({ IdSku: '2', PriceModified: true }),
      ])
      expect((await inbox('MKB')).map((p) => p.PriceModified)).toEqual([true])
    })
  })

  describe('when delivery is switched off', () => {
    it('should log the event as suppressed and send nothing (drift)', async () => {
      await call(emulator, 'POST', '/_emulator/events', {
        body: { enabled: false },
      })
      await putStock('3', 'wh-b', 16)
      await flush()
      expect(service.received).toHaveLength(0)
      const log = (
        await call(
          emulator,
          'GET',
          '/_emulator/events/log?kind=broadcaster&limit=1'
        )
      ).json<Array<{ status: string }>>()

      expect(log[0].status).toBe('suppressed')
      await call(emulator, 'POST', '/_emulator/events', {
        body: { enabled: true },
      })
    })
  })

  describe('when the service fails', () => {
    it('should retry once and log the failure', async () => {
      service.setStatus(500)
      await putStock('3', 'wh-b', 17)
      await flush()
      service.setStatus(204)
      expect(service.received).toHaveLength(2)
      const [entry] = (
        await call(
          emulator,
          'GET',
          '/_emulator/events/log?kind=broadcaster&limit=1'
        )
      ).json<Array<{ status: string; attempts: number }>>()

      expect(entry).toMatchObject({ status: 'failed', attempts: 2 })
    })
  })

  describe('when a reservation is made and cancelled', () => {
    it('should count the reserved units and release them', async () => {
      const body = {
        salesChannel: '1',
        lockId: 'order-1',
        autorizationExpirationTTL: '00:10:00',
        deliveryItemOptions: [
          {
            item: { id: '2', quantity: 5 },
            wareHouseId: 'wh-a',
            dockId: 'dock-a',
          },
        ],
      }

      const reserved = await call(
        emulator,
        'POST',
        account('/api/logistics/pvt/inventory/reservations'),
        { headers: AUTH, body }
      )

      expect(reserved.json()).toMatchObject({
        LockId: 'order-1',
        IsSucess: true,
      })
      const balance = async () =>
        (
          await call(
            emulator,
            'GET',
            account('/api/logistics/pvt/inventory/skus/2'),
            { headers: AUTH }
          )
        ).json<{ balance: Array<{ reservedQuantity: number }> }>().balance[0]

      expect((await balance()).reservedQuantity).toBe(5)
      await call(
        emulator,
        'POST',
        account('/api/logistics/pvt/inventory/reservations/order-1/cancel'),
        { headers: AUTH }
      )
      expect((await balance()).reservedQuantity).toBe(0)
    })
  })
})
