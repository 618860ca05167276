import fs from 'node:fs'

import {
  LENIENT,
  SPEC_DIR,
  validateRequestBody,
  validateResponseBody,
} from '../contracts/contracts'
import type { Emulator } from '../index'
import { account, AUTH, call, md, portal, pricing, start } from './helpers'

const specsPresent = fs.existsSync(SPEC_DIR)
const describeIfSpecs = specsPresent ? describe : describe.skip

/** [method, url, body?]: every emulated response that has a schema in the specs. */
const CASES: Array<[string, string, unknown?]> = [
  ['GET', portal('/api/catalog/pvt/product/2')],
  [
    'POST',
    account('/api/catalog/pvt/product'),
    { Name: 'Contract product', CategoryId: 10, BrandId: 2000000 },
  ],
  [
    'PUT',
    account('/api/catalog/pvt/product/3'),
    { Name: 'Shirt 3', CategoryId: 10, BrandId: 2000000, IsActive: true },
  ],
  ['GET', account('/api/catalog_system/pvt/products/productget/2')],
  [
    'GET',
    account(
      '/api/catalog_system/pvt/products/GetProductAndSkuIds?_from=1&_to=5'
    ),
  ],
  ['GET', account('/api/catalog/pvt/stockkeepingunit/1')],
  [
    'POST',
    account('/api/catalog/pvt/stockkeepingunit'),
    {
      ProductId: 1,
      Name: 'Extra',
      PackagedHeight: 1,
      PackagedLength: 1,
      PackagedWidth: 1,
      PackagedWeightKg: 1,
    },
  ],
  [
    'PUT',
    account('/api/catalog/pvt/stockkeepingunit/4'),
    {
      ProductId: 3,
      Name: 'Blue',
      IsActive: true,
      PackagedHeight: 1,
      PackagedLength: 1,
      PackagedWidth: 1,
      PackagedWeightKg: 1,
    },
  ],
  ['GET', portal('/api/catalog_system/pvt/sku/stockkeepingunitbyid/1')],
  ['GET', portal('/api/catalog_system/pvt/sku/stockkeepingunitbyid/4')],
  ['GET', account('/api/catalog_system/pvt/sku/stockkeepingunitByProductId/5')],
  [
    'GET',
    account(
      '/api/catalog_system/pvt/sku/stockkeepingunitids?page=1&pagesize=10'
    ),
  ],
  [
    'GET',
    account(
      '/api/catalog_system/pvt/sku/stockkeepingunitidsbysaleschannel?sc=2&page=1&pageSize=10'
    ),
  ],
  ['GET', account('/api/catalog/pvt/product/2/salespolicy')],
  ['GET', account('/api/catalog_system/pvt/saleschannel/list')],
  ['GET', account('/api/catalog_system/pub/saleschannel/2')],
  ['GET', account('/api/catalog_system/pvt/seller/list')],
  ['GET', account('/api/catalog_system/pvt/seller/sellera')],
  ['GET', account('/api/catalog_system/pvt/sellers/sellera')],
  ['GET', account('/api/sku-binding/pvt/skusellers/4')],
  ['GET', account('/api/sku-binding/pvt/skuseller/sellera/A1001')],
  ['GET', account('/api/catalog_system/pvt/skuseller/sellera/A1001')],
  ['GET', account('/api/sku-binding/pvt/skuseller/list/bysellerId/sellerb')],
  ['GET', account('/api/logistics/pvt/inventory/skus/10')],
  ['GET', account('/api/logistics/pvt/inventory/items/10/warehouses/wh-a')],
  [
    'PUT',
    account('/api/logistics/pvt/inventory/skus/10/warehouses/wh-a'),
    { quantity: 9, unlimitedQuantity: false, leadTime: '00:00:00' },
  ],
  ['GET', account('/api/logistics/pvt/configuration/warehouses')],
  ['GET', account('/api/logistics/pvt/configuration/warehouses/wh-a')],
  ['GET', account('/api/logistics/pvt/configuration/docks')],
  ['GET', account('/api/logistics/pvt/configuration/docks/dock-a')],
  ['GET', pricing('/pricing/prices/2')],
  ['GET', pricing('/pricing/prices/2/fixed')],
  ['GET', pricing('/pricing/prices/2/computed/1')],
  ['GET', pricing('/pricing/prices/2/computed')],
  ['GET', pricing('/pricing/tables')],
  ['GET', account('/api/fulfillment/pvt/affiliates')],
  ['GET', account('/api/fulfillment/pvt/affiliates/MKB')],
  [
    'POST',
    account('/api/fulfillment/pvt/orderForms/simulation?sc=2&affiliateId=MKB'),
    {
      items: [
        { id: '2', quantity: 1, seller: '1' },
        { id: '3', quantity: 1, seller: '1' },
      ],
      postalCode: '01310-000',
      country: 'BRA',
    },
  ],
  [
    'POST',
    account('/api/checkout/pub/orderForms/simulation?sc=1'),
    {
      items: [
        { id: '1', quantity: 1, seller: 'sellera' },
        { id: '2', quantity: 1, seller: '1' },
      ],
    },
  ],
  ['POST', md('/CT/documents'), { id: 'c1', name: 'contract' }],
  ['PATCH', md('/CT/documents'), { id: 'c1', more: true }],
  ['GET', md('/CT/documents/c1?_fields=_all')],
  ['GET', md('/CT/search?_fields=_all')],
  ['GET', md('/CT/scroll?_fields=_all&_size=10')],
]

describeIfSpecs('given the VTEX OpenAPI specs', () => {
  let emulator: Emulator

  beforeAll(async () => {
    emulator = await start()
  })
  afterAll(() => emulator.close())

  describe('when each emulated endpoint answers', () => {
    // Rows always carry 3 values: with fewer, jest would pass its `done` callback as `body`.
    const rows = CASES.map(
      ([method, url, body]) => [method, url, body ?? null] as const
    )

    it.each(rows)(
      '%s %s should match the response schema',
      async (method, url, body) => {
        const res = await call(emulator, method, url, {
          headers: AUTH,
          body: body ?? undefined,
        })

        expect(res.status).toBeLessThan(300)
        const outcome = validateResponseBody(
          method,
          url,
          res.status,
          res.text ? JSON.parse(res.text) : undefined
        )

        if (outcome === null) return // the spec documents no body for this status
        expect(outcome.errors).toEqual([])
      }
    )

    it('should have a schema for most of those endpoints', () => {
      const withSchema = CASES.filter(
        ([method, url]) =>
          validateResponseBody(
            method,
            url,
            method === 'POST' && url.includes('dataentities') ? 201 : 200,
            {}
          ) !== null
      )

      expect(withSchema.length).toBeGreaterThanOrEqual(30)
    })
  })

  describe('when the emulator sent request bodies', () => {
    it('should have recorded no contract violation for valid bodies', async () => {
      expect(
        (await call(emulator, 'GET', '/_emulator/contract-violations')).json()
      ).toEqual([])
    })

    it('should record a body that breaks the request schema', async () => {
      await call(
        emulator,
        'PUT',
        account('/api/logistics/pvt/inventory/skus/2/warehouses/wh-a'),
        { headers: AUTH, body: { quantity: 'ten' } }
      )
      const violations = (
        await call(emulator, 'GET', '/_emulator/contract-violations')
      ).json<Array<{ operation: string }>>()

      expect(violations.map((v) => v.operation)).toEqual([
        'Logistics API PUT /api/logistics/pvt/inventory/skus/{skuId}/warehouses/{warehouseId}',
      ])
    })
  })

  describe('when the app validates its own request bodies', () => {
    it.each([
      [
        'PUT',
        'http://marketplacea.vtexcommercestable.com.br/api/logistics/pvt/inventory/skus/1/warehouses/wh-a',
        { quantity: 1, unlimitedQuantity: false, leadTime: '00:00:00' },
        true,
      ],
      [
        'PUT',
        'http://marketplacea.vtexcommercestable.com.br/api/logistics/pvt/inventory/skus/1/warehouses/wh-a',
        { quantity: 1 },
        false,
      ],
      [
        'PUT',
        'http://api.vtex.com/marketplacea/pricing/prices/1',
        {
          basePrice: 10,
          fixedPrices: [{ tradePolicyId: '2', value: 9, minQuantity: 1 }],
        },
        true,
      ],
      [
        'POST',
        'http://marketplacea.vtexcommercestable.com.br/api/sku-binding/pvt/skuseller/insertion',
        { StockKeepingUnitId: 1, IsActive: true, SellerId: 'x' },
        false,
      ],
    ])('%s %s', (method, url, body, valid) => {
      expect(validateRequestBody(method, url, body)?.valid).toBe(valid)
    })

    it('should answer null when the spec has no request schema', () => {
      expect(
        validateRequestBody(
          'GET',
          'http://portal.vtexcommercestable.com.br/api/catalog_system/pvt/saleschannel/list?an=x',
          undefined
        )
      ).toBeNull()
    })
  })

  test('should justify every lenient case', () => {
    for (const entry of Object.values(LENIENT))
      expect(entry.reason.length).toBeGreaterThan(20)
  })
})
