import { defaultChannelSettings } from '../../../domain'
import type { ChannelSettings } from '../../../domain'
import type { ExposureView } from '../exposures'
import { listedProducts, PREVIEW_PRODUCTS_MAX, previewStatus } from '../preview'
import type { ProductToChange } from '../../enforcement/productsToChange'

const view = (over: Partial<ExposureView>): ExposureView => ({
  id: '1-MKB',
  skuId: '1',
  productId: '10',
  channel: 'MKB',
  status: 'WITHHELD',
  reasons: ['NO_MARKETPLACE_STOCK'],
  available: 0,
  stockRank: 0,
  evaluatedAt: '2026-11-26T12:00:00.000Z',
  changedAt: '2026-11-26T12:00:00.000Z',
  skuName: null,
  productName: null,
  sellerIds: ['sellera'],
  brandId: null,
  brandName: null,
  categoryId: null,
  categoryIds: [],
  categoryPath: null,
  overrideAction: null,
  productAssociated: null,
  override: null,
  trace: [
    { rule: 'PRICE', passed: true, reason: null, details: { price: 100 } },
    {
      rule: 'SELLERS',
      passed: true,
      reason: null,
      details: { sellers: [{ sellerId: 'sellera', active: true }] },
    },
  ],
  ...over,
})

const settings = (over: Partial<ChannelSettings> = {}): ChannelSettings => ({
  ...defaultChannelSettings(),
  ...over,
})

describe('previewStatus', () => {
  it.each([
    [
      'withheld, 3 available, exposeAt 3',
      view({ available: 3 }),
      settings({ exposeAt: 3, withdrawBelow: 3 }),
      'EXPOSED',
    ],
    [
      'withheld, 2 available, exposeAt 3',
      view({ available: 2 }),
      settings({ exposeAt: 3, withdrawBelow: 3 }),
      'WITHHELD',
    ],
    [
      'exposed, 2 available, inside the hysteresis band',
      view({ status: 'EXPOSED', reasons: [], available: 2 }),
      settings({ exposeAt: 3, withdrawBelow: 1 }),
      'EXPOSED',
    ],
    [
      'exposed, 2 available, withdrawBelow raised to 3',
      view({ status: 'EXPOSED', reasons: [], available: 2 }),
      settings({ exposeAt: 3, withdrawBelow: 3 }),
      'WITHHELD',
    ],
    [
      'unlimited stock',
      view({ available: null }),
      settings({ exposeAt: 1000 }),
      'EXPOSED',
    ],
    [
      'the only seller denied',
      view({ status: 'EXPOSED', reasons: [], available: 5 }),
      settings({ sellerDeny: ['sellera'] }),
      'WITHHELD',
    ],
    [
      'price newly required and the trace saw none',
      view({
        available: 5,
        trace: [
          {
            rule: 'PRICE',
            passed: true,
            reason: null,
            details: { price: null },
          },
          {
            rule: 'SELLERS',
            passed: true,
            reason: null,
            details: { sellers: [{ sellerId: 'sellera', active: true }] },
          },
        ],
      }),
      settings({ requirePrice: true }),
      'WITHHELD',
    ],
    [
      'allowed by the operator',
      view({ overrideAction: 'ALLOW' }),
      settings({ exposeAt: 99 }),
      'EXPOSED',
    ],
    [
      'blocked by the operator',
      view({ available: 50, overrideAction: 'BLOCK' }),
      settings(),
      'WITHHELD',
    ],
    [
      'inactive SKU',
      view({ available: 50, reasons: ['SKU_INACTIVE'] }),
      settings(),
      'WITHHELD',
    ],
    [
      'an ERROR stays ERROR',
      view({ status: 'ERROR', reasons: ['UPSTREAM_ERROR'] }),
      settings(),
      'ERROR',
    ],
  ])('%s', (_, input, after, expected) => {
    expect(previewStatus(input, after)).toBe(expected)
  })
})

const changed = (n: number): ProductToChange[] =>
  // Listed in reverse: the list is by product id whatever the order they were read in.
  Array.from({ length: n }, (_, i) => ({
    productId: String(n - i),
    productName: null,
    action: i % 2 ? 'ASSOCIATE' : 'DISSOCIATE',
    skuIds: [String(n - i)],
  }))

describe('listedProducts', () => {
  it.each([
    ['none', 0, 0, false],
    ['a few', 3, 3, false],
    ['exactly the maximum', PREVIEW_PRODUCTS_MAX, PREVIEW_PRODUCTS_MAX, false],
    [
      'one past the maximum',
      PREVIEW_PRODUCTS_MAX + 1,
      PREVIEW_PRODUCTS_MAX,
      true,
    ],
  ])('%s', (_, n, listed, truncated) => {
    const { products, productsTruncated } = listedProducts(changed(n))

    expect(products).toHaveLength(listed)
    expect(productsTruncated).toBe(truncated)
  })

  it('should keep the lowest product ids, in numeric order, when it stops short', () => {
    const { products, productsTruncated } = listedProducts(changed(12), 10)

    expect(productsTruncated).toBe(true)
    expect(products.map((p) => p.productId)).toEqual(
      Array.from({ length: 10 }, (_, i) => String(i + 1))
    )
  })
})
