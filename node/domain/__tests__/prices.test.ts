import { pricesByTradePolicy } from '../prices'

const NOW = '2026-11-27T12:00:00.000Z'

describe('pricesByTradePolicy', () => {
  describe('given the SKU has no stored price', () => {
    it('should give no trade policy a price', () => {
      expect(pricesByTradePolicy(null, ['2', '3'], NOW)).toEqual({
        byTradePolicy: {},
      })
    })
  })

  describe('given only a base price', () => {
    it('should price every asked trade policy at the base price (VTEX computes tables from it)', () => {
      expect(pricesByTradePolicy({ basePrice: 90 }, ['2', '3'], NOW)).toEqual({
        byTradePolicy: { '2': 90, '3': 90 },
      })
    })
  })

  describe('given fixed prices', () => {
    it.each<[string, Record<string, unknown>, Record<string, number>]>([
      [
        'a fixed price for one unit wins over the base price',
        { tradePolicyId: '2', value: 70, minQuantity: 1 },
        { '2': 70, '3': 90 },
      ],
      [
        'a fixed price from 10 units does not price one unit',
        { tradePolicyId: '2', value: 70, minQuantity: 10 },
        { '2': 90, '3': 90 },
      ],
      [
        'an expired fixed price falls back to the base price',
        {
          tradePolicyId: '2',
          value: 70,
          dateRange: {
            from: '2026-01-01T00:00:00Z',
            to: '2026-02-01T00:00:00Z',
          },
        },
        { '2': 90, '3': 90 },
      ],
      [
        'a scheduled fixed price in force applies',
        {
          tradePolicyId: '2',
          value: 70,
          dateRange: {
            from: '2026-11-01T00:00:00Z',
            to: '2026-12-01T00:00:00Z',
          },
        },
        { '2': 70, '3': 90 },
      ],
      [
        'a fixed price of zero is not a price',
        { tradePolicyId: '2', value: 0 },
        { '2': 90, '3': 90 },
      ],
    ])('%s', (_, fixed, expected) => {
      expect(
        pricesByTradePolicy(
          {
            basePrice: 90,
            fixedPrices: [fixed as { tradePolicyId: string; value: number }],
          },
          ['2', '3'],
          NOW
        ).byTradePolicy
      ).toEqual(expected)
    })

    it('should price only the trade policies with a fixed price when there is no base price', () => {
      expect(
        pricesByTradePolicy(
          { basePrice: null, fixedPrices: [{ tradePolicyId: '3', value: 12 }] },
          ['2', '3'],
          NOW
        ).byTradePolicy
      ).toEqual({ '3': 12 })
    })
  })
})
