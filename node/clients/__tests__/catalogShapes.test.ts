import {
  brandOf,
  categoryOf,
  placeOf,
  sellerOf,
  skuContextOf,
} from '../catalogShapes'
import { balancesOf, dockOf, warehouseOf } from '../logistics'
import type { SkuContextResponse } from '../../typings/catalog'

describe("given the catalog's brand rows", () => {
  it.each([
    [
      'an active brand',
      { id: 9, name: 'Zeta', isActive: true },
      { id: '9', name: 'Zeta', active: true },
    ],
    [
      'a deactivated brand',
      { id: 7, name: 'Alpha', isActive: false },
      { id: '7', name: 'Alpha', active: false },
    ],
    [
      'a row without name or flag',
      { id: 3 },
      { id: '3', name: null, active: true },
    ],
  ])('should map %s to a brand of the filter', (_, row, brand) => {
    expect(brandOf(row)).toEqual(brand)
  })
})

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

describe('given the SKU context VTEX answers', () => {
  it('should map it to the SKU facts and trade policies the evaluation reads', () => {
    expect(
      skuContextOf({
        Id: 5,
        ProductId: 50,
        SkuName: 'Bowl',
        IsActive: true,
        SkuSellers: [
          { SellerId: 'acme', SellerStockKeepingUnitId: 'a-5' },
          { SellerId: '1', IsActive: false },
        ],
        SalesChannels: [1, 3],
      })
    ).toEqual({
      sku: {
        skuId: '5',
        productId: '50',
        name: 'Bowl',
        productName: null,
        skuActive: true,
        productActive: true,
        sellers: [
          { sellerId: 'acme', sellerSkuId: 'a-5', isActive: true },
          { sellerId: '1', sellerSkuId: null, isActive: false },
        ],
        place: {
          brandId: null,
          brandName: null,
          categoryIds: [],
          categoryNames: [],
        },
      },
      tradePolicies: ['1', '3'],
    })
  })

  it('should say nothing of the trade policies when the context lists none', () => {
    const { sku, tradePolicies } = skuContextOf({
      Id: 5,
      ProductId: 50,
      NameComplete: 'Bowl blue',
      SkuName: 'Bowl',
      IsActive: false,
      IsProductActive: false,
    })

    expect(tradePolicies).toBeNull()
    expect(sku).toMatchObject({
      name: 'Bowl blue',
      skuActive: false,
      productActive: false,
      sellers: [],
    })
  })
})

describe("given the catalog's category tree and the inventory's balances", () => {
  it('should give categories string ids and a list of children, always', () => {
    expect(categoryOf({ id: 1, children: [{ id: 10, name: 'Food' }] })).toEqual(
      {
        id: '1',
        name: null,
        children: [{ id: '10', name: 'Food', children: [] }],
      }
    )
  })

  it('should read a missing inventory (404) as no balance, and quantities as numbers', () => {
    expect(balancesOf(null)).toEqual([])
    expect(
      balancesOf({
        skuId: '1',
        balance: [
          {
            warehouseId: 'w1',
            totalQuantity: 4,
            reservedQuantity: 1,
            hasUnlimitedQuantity: false,
          },
        ],
      })
    ).toEqual([
      {
        warehouseId: 'w1',
        totalQuantity: 4,
        reservedQuantity: 1,
        hasUnlimitedQuantity: false,
      },
    ])
  })
})

describe("given the catalog's sellers and the logistics' warehouses and docks", () => {
  it('should map a seller row, active unless the catalog says otherwise', () => {
    expect(sellerOf({ SellerId: 'acme', Name: 'Acme' })).toEqual({
      id: 'acme',
      name: 'Acme',
      active: true,
    })
    expect(sellerOf({ SellerId: 'old', IsActive: false })).toEqual({
      id: 'old',
      name: null,
      active: false,
    })
  })

  it("should keep a warehouse's dock ids and read a dock's single trade policy as a list", () => {
    expect(
      warehouseOf({ id: 'w1', warehouseDocks: [{ dockId: 'd1' }] })
    ).toEqual({ id: 'w1', name: null, isActive: true, dockIds: ['d1'] })
    expect(warehouseOf({ id: 'w2', isActive: false }).dockIds).toEqual([])
    expect(dockOf({ id: 'd1', name: 'Dock', salesChannel: '2' })).toEqual({
      id: 'd1',
      name: 'Dock',
      isActive: true,
      salesChannels: ['2'],
    })
    expect(
      dockOf({ id: 'd2', salesChannels: ['1', '3'] }).salesChannels
    ).toEqual(['1', '3'])
  })
})
