import { readTimesOf } from '../state'
import type { StoredInputs } from '../state'

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
