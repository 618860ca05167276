import { placeOf } from '../facts'
import { readTimesOf } from '../state'
import type { StoredInputs } from '../state'
import type { SkuContextResponse } from '../../../typings/catalog'

const context = (over: Partial<SkuContextResponse>): SkuContextResponse => ({
  Id: 1,
  ProductId: 1,
  IsActive: true,
  ...over,
})

describe('given the SKU context the evaluation reads', () => {
  it.each<[string, Partial<SkuContextResponse>, ReturnType<typeof placeOf>]>([
    [
      'a brand and a category path with their names',
      {
        BrandId: '2000001',
        BrandName: 'Orma Carbon',
        ProductCategoryIds: '/1/10/',
        ProductCategories: { '1': 'Pets', '10': 'Food' },
      },
      {
        brandId: '2000001',
        brandName: 'Orma Carbon',
        categoryIds: ['1', '10'],
        categoryNames: ['Pets', 'Food'],
      },
    ],
    [
      'a numeric brand id and a category the names miss',
      { BrandId: 7, ProductCategoryIds: '/3/', ProductCategories: {} },
      {
        brandId: '7',
        brandName: null,
        categoryIds: ['3'],
        categoryNames: [null],
      },
    ],
    [
      'neither',
      {},
      { brandId: null, brandName: null, categoryIds: [], categoryNames: [] },
    ],
  ])('should read %s', (_, over, expected) => {
    expect(placeOf(context(over))).toEqual(expected)
  })
})

describe('given facts stored before the brand and categories were kept', () => {
  const inputs = (withPlace: boolean): StoredInputs => ({
    sku: {
      skuId: '1',
      productId: '1',
      name: null,
      productName: null,
      skuActive: true,
      productActive: true,
      sellers: [],
      ...(withPlace
        ? {
            place: {
              brandId: null,
              brandName: null,
              categoryIds: [],
              categoryNames: [],
            },
          }
        : {}),
    },
    tradePolicies: null,
    contextAt: '2026-12-03T12:00:00.000Z',
    inventory: [],
    inventoryAt: '2026-12-03T12:00:00.000Z',
    price: null,
    pricedFor: [],
    priceAt: '2026-12-03T12:00:00.000Z',
  })

  it('should not reuse them: the next evaluation reads the context again', () => {
    expect(readTimesOf(inputs(false))).toBeNull()
    expect(readTimesOf(inputs(true))).not.toBeNull()
  })
})
