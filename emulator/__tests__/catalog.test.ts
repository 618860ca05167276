import type { Emulator } from '../index'
import { account, AUTH, call, start } from './helpers'

describe('given the demo seed', () => {
  let emulator: Emulator

  beforeAll(async () => {
    emulator = await start()
  })
  afterAll(() => emulator.close())

  describe('when a product is associated with a trade policy', () => {
    it('should be idempotent and reflected in the SKU context and channel list', async () => {
      for (let i = 0; i < 2; i++)
        expect(
          (
            await call(
              emulator,
              'POST',
              account('/api/catalog/pvt/product/1/salespolicy/2'),
              { headers: AUTH }
            )
          ).status
        ).toBe(200)
      const policies = (
        await call(
          emulator,
          'GET',
          account('/api/catalog/pvt/product/1/salespolicy'),
          { headers: AUTH }
        )
      ).json()

      expect(policies).toEqual([
        { ProductId: 1, StoreId: 1 },
        { ProductId: 1, StoreId: 2 },
      ])
      const ids = (
        await call(
          emulator,
          'GET',
          account(
            '/api/catalog_system/pvt/sku/stockkeepingunitidsbysaleschannel?sc=2&page=1&pageSize=100'
          ),
          { headers: AUTH }
        )
      ).json<number[]>()

      expect(ids).toContain(1)
      for (let i = 0; i < 2; i++)
        expect(
          (
            await call(
              emulator,
              'DELETE',
              account('/api/catalog/pvt/product/1/salespolicy/2'),
              { headers: AUTH }
            )
          ).status
        ).toBe(200)
      expect(
        (
          await call(
            emulator,
            'POST',
            account('/api/catalog/pvt/product/1/salespolicy/9'),
            { headers: AUTH }
          )
        ).status
      ).toBe(404)
    })
  })

  describe('when catalog entities are written', () => {
    it('should create a product and SKU, and activate the SKU through a full PUT', async () => {
      const product = await call(
        emulator,
        'POST',
        account('/api/catalog/pvt/product'),
        {
          headers: AUTH,
          body: {
            Name: 'New thing',
            CategoryId: 10,
            BrandId: 2000000,
            IsActive: true,
          },
        }
      )

      const productId = product.json<{ Id: number }>().Id
      const sku = await call(
        emulator,
        'POST',
        account('/api/catalog/pvt/stockkeepingunit'),
        {
          headers: AUTH,
          body: {
            ProductId: productId,
            Name: 'Only',
            PackagedHeight: 1,
            PackagedLength: 1,
            PackagedWidth: 1,
            PackagedWeightKg: 1,
          },
        }
      )

      const skuId = sku.json<{ Id: number; IsActive: boolean }>().Id

      expect(sku.json()).toMatchObject({
        IsActive: false,
        ProductId: productId,
      })
      await call(
        emulator,
        'PUT',
        account(`/api/catalog/pvt/stockkeepingunit/${skuId}`),
        {
          headers: AUTH,
          body: {
            ProductId: productId,
            Name: 'Only',
            IsActive: true,
            PackagedHeight: 1,
            PackagedLength: 1,
            PackagedWidth: 1,
            PackagedWeightKg: 1,
          },
        }
      )
      expect(
        (
          await call(
            emulator,
            'GET',
            account(`/api/catalog/pvt/stockkeepingunit/${skuId}`),
            { headers: AUTH }
          )
        ).json()
      ).toMatchObject({ IsActive: true })
      const byProduct = (
        await call(
          emulator,
          'GET',
          account(
            `/api/catalog_system/pvt/sku/stockkeepingunitByProductId/${productId}`
          ),
          { headers: AUTH }
        )
      ).json<Array<{ Id: number }>>()

      expect(byProduct.map((s) => s.Id)).toEqual([skuId])
    })

    it('should move a SKU to another product with a full PUT', async () => {
      const byProduct = async (id: number) =>
        (
          await call(
            emulator,
            'GET',
            account(
              `/api/catalog_system/pvt/sku/stockkeepingunitByProductId/${id}`
            ),
            { headers: AUTH }
          )
        )
          .json<Array<{ Id: number }>>()
          .map((s) => s.Id)

      expect(await byProduct(3)).toEqual([3, 4])
      await call(
        emulator,
        'PUT',
        account('/api/catalog/pvt/stockkeepingunit/4'),
        {
          headers: AUTH,
          body: {
            ProductId: 11,
            Name: 'Moved',
            IsActive: true,
            PackagedHeight: 1,
            PackagedLength: 1,
            PackagedWidth: 1,
            PackagedWeightKg: 1,
          },
        }
      )
      expect(await byProduct(3)).toEqual([3])
      expect(await byProduct(11)).toContain(4)
    })

    it('should page all SKU ids', async () => {
      const page1 = (
        await call(
          emulator,
          'GET',
          account(
            '/api/catalog_system/pvt/sku/stockkeepingunitids?page=1&pagesize=100'
          ),
          { headers: AUTH }
        )
      ).json<number[]>()

      const page9 = (
        await call(
          emulator,
          'GET',
          account(
            '/api/catalog_system/pvt/sku/stockkeepingunitids?page=9&pagesize=100'
          ),
          { headers: AUTH }
        )
      ).json<number[]>()

      expect(page1).toHaveLength(100)
      expect(page1[0]).toBe(1)
      expect(page9).toEqual([])
    })
  })

  describe('when affiliates are written', () => {
    it('should accept both endpoint casings and reject ids that are not three consonants', async () => {
      const url = account('/api/fulfillment/pvt/affiliates/TST')

      expect(
        (
          await call(emulator, 'PUT', url, {
            headers: AUTH,
            body: {
              name: 'Test',
              salesChannel: '2',
              searchURIEndPoint: 'http://x.example/notify',
              followUpEmail: 'a@b.c',
            },
          })
        ).status
      ).toBe(204)
      expect(
        (await call(emulator, 'GET', url, { headers: AUTH })).json()
      ).toMatchObject({
        id: 'TST',
        searchURIEndpoint: 'http://x.example/notify',
      })
      expect(
        (
          await call(
            emulator,
            'PUT',
            account('/api/fulfillment/pvt/affiliates/ABC'),
            { headers: AUTH, body: { name: 'x' } }
          )
        ).status
      ).toBe(400)
      expect(
        (await call(emulator, 'DELETE', url, { headers: AUTH })).status
      ).toBe(204)
    })
  })

  describe('when bindings are managed', () => {
    it('should insert, refuse duplicates and toggle activation', async () => {
      const body = {
        StockKeepingUnitId: 1,
        IsActive: true,
        SellerId: 'sellerb',
        SellerStockKeepingUnitId: 'B-NEW-1',
      }

      expect(
        (
          await call(
            emulator,
            'POST',
            account('/api/sku-binding/pvt/skuseller/insertion'),
            { headers: AUTH, body }
          )
        ).status
      ).toBe(200)
      expect(
        (
          await call(
            emulator,
            'POST',
            account('/api/sku-binding/pvt/skuseller/insertion'),
            { headers: AUTH, body }
          )
        ).status
      ).toBe(409)
      await call(
        emulator,
        'POST',
        account('/api/sku-binding/pvt/skuseller/inactivate/sellerb/B-NEW-1'),
        { headers: AUTH }
      )
      expect(
        (
          await call(
            emulator,
            'GET',
            account('/api/sku-binding/pvt/skuseller/sellerb/B-NEW-1'),
            { headers: AUTH }
          )
        ).json()
      ).toMatchObject({ IsActive: false, StockKeepingUnitId: 1 })
    })
  })
})
