import type { Emulator } from '../index'
import { account, AUTH, call, portal, pricing, start } from './helpers'

interface Simulation {
  items: Array<{ id: string; quantity: number; price: number }>
  logisticsInfo: Array<{ stockBalance: number }>
  messages: Array<{ code: string }>
}

describe('given the demo seed', () => {
  let emulator: Emulator

  beforeAll(async () => {
    emulator = await start()
  })
  afterAll(() => emulator.close())

  const simulate = async (sc: string, ids: string[], affiliateId?: string) => {
    const query = `sc=${sc}${affiliateId ? `&affiliateId=${affiliateId}` : ''}`
    const res = await call(
      emulator,
      'POST',
      account(`/api/fulfillment/pvt/orderForms/simulation?${query}`),
      {
        headers: AUTH,
        body: { items: ids.map((id) => ({ id, quantity: 1, seller: '1' })) },
      }
    )

    return res.json<Simulation>()
  }

  describe('when SKU 1 (Seller A, no marketplace stock) is read', () => {
    it('should show Seller A in SkuSellers and trade policy 1 only', async () => {
      const sku = (
        await call(
          emulator,
          'GET',
          portal('/api/catalog_system/pvt/sku/stockkeepingunitbyid/1'),
          { headers: AUTH }
        )
      ).json<Record<string, unknown>>()

      expect(sku).toMatchObject({
        Id: 1,
        ProductId: 1,
        IsActive: true,
        IsProductActive: true,
        SalesChannels: [1],
      })
      expect(sku.SkuSellers).toEqual([
        expect.objectContaining({
          SellerId: 'sellera',
          StockKeepingUnitId: 1,
          SellerStockKeepingUnitId: 'A1001',
          IsActive: true,
        }),
      ])
      const inventory = (
        await call(
          emulator,
          'GET',
          account('/api/logistics/pvt/inventory/skus/1'),
          { headers: AUTH }
        )
      ).json()

      expect(inventory).toEqual({ skuId: '1', balance: [] })
    })
  })

  describe('when the simulation is asked per trade policy', () => {
    it('should count only warehouses whose active docks serve that trade policy', async () => {
      // SKU 2: product 2 in [1,2], 20 units in wh-a (dock-a serves 1 and 2)
      const sc2 = await simulate('2', ['2'], 'MKB')

      expect(sc2.logisticsInfo[0].stockBalance).toBe(20)
      expect(sc2.items[0]).toMatchObject({ id: '2', quantity: 1 })
      expect(sc2.items[0].price).toBeGreaterThan(0)
      // SKU 3: product 3 in [1,3], 15 units in wh-b (dock-b serves 1 and 3)
      expect(
        (await simulate('3', ['3'], 'GGL')).logisticsInfo[0].stockBalance
      ).toBe(15)
      const notInPolicy = await simulate('2', ['3'])

      expect(notInPolicy.items[0].quantity).toBe(0)
      expect(notInPolicy.messages[0].code).toBe('ORD028')
    })

    it('should subtract reservations and report unlimited stock', async () => {
      // SKU 7: 10 in wh-a, 4 reserved; SKU 5: unlimited in wh-a (both products in [1])
      const res = await simulate('1', ['7', '5', '1'])

      expect(res.logisticsInfo.map((l) => l.stockBalance)).toEqual([
        6, 1000000, 0,
      ])
    })

    it('should make a SKU stocked only in wh-a available in 2 but not in 3', async () => {
      await call(
        emulator,
        'POST',
        account('/api/catalog/pvt/product/2/salespolicy/3'),
        { headers: AUTH }
      )
      expect((await simulate('2', ['2'])).logisticsInfo[0].stockBalance).toBe(
        20
      )
      expect((await simulate('3', ['2'])).logisticsInfo[0].stockBalance).toBe(0)
      await call(
        emulator,
        'DELETE',
        account('/api/catalog/pvt/product/2/salespolicy/3'),
        { headers: AUTH }
      )
    })

    it('should follow dock deactivation', async () => {
      await call(
        emulator,
        'POST',
        account('/api/logistics/pvt/configuration/docks/dock-a/deactivation'),
        { headers: AUTH }
      )
      expect((await simulate('2', ['2'])).logisticsInfo[0].stockBalance).toBe(0)
      await call(
        emulator,
        'POST',
        account('/api/logistics/pvt/configuration/docks/dock-a/activation'),
        { headers: AUTH }
      )
      expect((await simulate('2', ['2'])).logisticsInfo[0].stockBalance).toBe(
        20
      )
    })

    it('should price a table without a fixed price from the base price, and no table of a SKU without a price', async () => {
      const computed = async (path: string) =>
        call(emulator, 'GET', pricing(path), { headers: AUTH })

      // SKU 12 (skuId%6==0) has fixed prices in tables 1 and 2 only: table 3 follows its base price.
      const twelve = await computed('/pricing/prices/12/computed/3')

      expect(twelve.status).toBe(200)
      expect(twelve.json<{ sellingPrice: number }>().sellingPrice).toBe(
        50 + ((12 * 7) % 200)
      )
      // SKU 13 (skuId%13==0) has no price at all.
      expect((await computed('/pricing/prices/13/computed/2')).status).toBe(404)
      expect((await computed('/pricing/prices/13/computed/3')).status).toBe(404)
    })
  })
})

describe('given the checkout simulation (storefront view)', () => {
  let emulator: Emulator

  beforeAll(async () => {
    emulator = await start()
  })
  afterAll(() => emulator.close())

  const checkout = async (
    sc: string,
    items: Array<{ id: string; seller: string }>
  ) =>
    (
      await call(
        emulator,
        'POST',
        account(`/api/checkout/pub/orderForms/simulation?sc=${sc}`),
        {
          headers: AUTH,
          body: {
            items: items.map((i) => ({ ...i, quantity: 100 })),
            country: 'BRA',
            postalCode: '01310-000',
          },
        }
      )
    ).json<{
      items: Array<{ availability: string; quantity: number; price: number }>
    }>()

  describe('when Seller A is asked for SKU 1', () => {
    it("should answer from Seller A's offer, not from the marketplace stock", async () => {
      const res = await checkout('1', [
        { id: '1', seller: 'sellera' },
        { id: '1', seller: '1' },
      ])

      expect(res.items[0]).toMatchObject({
        availability: 'available',
        quantity: 7,
        price: 5200,
      })
      expect(res.items[1]).toMatchObject({
        availability: 'withoutStock',
        quantity: 0,
      })
    })

    it('should follow offer changes made through the control API', async () => {
      await call(emulator, 'POST', '/_emulator/sellers/sellera/offers/A1001', {
        body: { quantity: 0 },
      })
      expect(
        (await checkout('1', [{ id: '1', seller: 'sellera' }])).items[0]
          .availability
      ).toBe('withoutStock')
      await call(emulator, 'POST', '/_emulator/sellers/sellera/offers/A1001', {
        body: { quantity: 7 },
      })
    })

    it('should not deliver a product outside the trade policy', async () => {
      expect(
        (await checkout('2', [{ id: '1', seller: 'sellera' }])).items[0]
          .availability
      ).toBe('cannotBeDelivered')
    })
  })
})
