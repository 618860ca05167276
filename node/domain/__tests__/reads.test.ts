import fc from 'fast-check'

import { priceSource, pricesByTradePolicy } from '../prices'
import type { EventChanges, InputPart, ReadTimes } from '../reads'
import { joinEvents, MAX_JOINED_EVENTS, partsToRead } from '../reads'

const NOW = Date.parse('2026-11-26T12:00:00.000Z')
const STORED: ReadTimes = {
  context: NOW - 60_000,
  inventory: NOW - 60_000,
  price: NOW - 60_000,
  active: true,
}

const ALL: InputPart[] = ['context', 'inventory', 'price']
const flags = (changed: Partial<EventChanges>): EventChanges => ({
  stockModified: false,
  priceModified: false,
  skuModified: false,
  removedFromAffiliate: false,
  isActive: true,
  ...changed,
})

describe('partsToRead', () => {
  it.each<[string, EventChanges[] | undefined, ReadTimes | null, InputPart[]]>([
    ['no event (sweep, retry, operator)', undefined, STORED, ALL],
    ['stock moved', [flags({ stockModified: true })], STORED, ['inventory']],
    // Every narrowed read includes the inventory (a stock move may come unflagged).
    [
      'price moved',
      [flags({ priceModified: true })],
      STORED,
      ['inventory', 'price'],
    ],
    [
      'the SKU changed',
      [flags({ skuModified: true })],
      STORED,
      ['context', 'inventory'],
    ],
    [
      'removed from an affiliate',
      [flags({ removedFromAffiliate: true })],
      STORED,
      ['context', 'inventory'],
    ],
    [
      'IsActive differs from the stored',
      [flags({ isActive: false })],
      STORED,
      ['context', 'inventory'],
    ],
    [
      'stock moved, but the payload lacks the price flag',
      [flags({ stockModified: true, priceModified: null })],
      STORED,
      ALL,
    ],
    [
      'stock moved, but the payload lacks IsActive',
      [flags({ stockModified: true, isActive: null })],
      STORED,
      ALL,
    ],
    [
      'the SKU changed, but the payload lacks the stock flag',
      [flags({ skuModified: true, stockModified: null })],
      STORED,
      ALL,
    ],
    ['IsActive as stored, nothing flagged', [flags({})], STORED, ALL],
    [
      'no flag said',
      [
        {
          stockModified: null,
          priceModified: null,
          skuModified: null,
          removedFromAffiliate: null,
          isActive: null,
        },
      ],
      STORED,
      ALL,
    ],
    ['nothing stored', [flags({ stockModified: true })], null, ALL],
    [
      'stock and price in one event',
      [flags({ stockModified: true, priceModified: true })],
      STORED,
      ['inventory', 'price'],
    ],
    [
      'two joined events',
      [flags({ stockModified: true }), flags({ priceModified: true })],
      STORED,
      ['inventory', 'price'],
    ],
    [
      'a joined event with no flag',
      [flags({ stockModified: true }), flags({})],
      STORED,
      ALL,
    ],
    [
      'one stored input older than a day',
      [flags({ stockModified: true })],
      { ...STORED, price: NOW - 24 * 3600_000 - 1 },
      ALL,
    ],
    [
      'a stored read time that is not a time',
      [flags({ stockModified: true })],
      { ...STORED, context: NaN },
      ALL,
    ],
  ])('given %s', (_, events, stored, expected) => {
    expect(partsToRead(events, stored, NOW)).toEqual(expected)
  })
})

describe('joinEvents', () => {
  it('should read everything when either side does, or past the bound', () => {
    const one = [flags({ stockModified: true })]

    expect(joinEvents(one, undefined)).toBeUndefined()
    expect(joinEvents(undefined, one)).toBeUndefined()
    expect(joinEvents(one, one)).toEqual([...one, ...one])
    expect(
      joinEvents(Array(MAX_JOINED_EVENTS).fill(one[0]), one)
    ).toBeUndefined()
  })
})

describe('priceSource', () => {
  const date = fc
    .integer({ min: NOW - 5 * 86_400_000, max: NOW + 5 * 86_400_000 })
    .map((ms) => new Date(ms).toISOString())

  const price = fc.record({
    basePrice: fc.option(fc.integer({ min: -5, max: 200 })),
    fixedPrices: fc.option(
      fc.array(
        fc.record({
          tradePolicyId: fc.constantFrom('1', '2', '3', '4'),
          value: fc.integer({ min: -5, max: 200 }),
          minQuantity: fc.option(fc.integer({ min: 0, max: 3 })),
          dateRange: fc.option(
            fc.record({ from: fc.option(date), to: fc.option(date) })
          ),
        }),
        { maxLength: 6 }
      )
    ),
  })

  it('should price the kept trade policies as the whole response does, at any time', () => {
    fc.assert(
      fc.property(
        price,
        fc.subarray(['1', '2', '3', '4']),
        date,
        (full, tradePolicies, at) => {
          expect(
            pricesByTradePolicy(
              priceSource(full, tradePolicies),
              tradePolicies,
              at
            )
          ).toEqual(pricesByTradePolicy(full, tradePolicies, at))
        }
      )
    )
  })

  it('should keep no fixed price of another trade policy', () => {
    expect(
      priceSource(
        {
          basePrice: 90,
          fixedPrices: [
            { tradePolicyId: '2', value: 70 },
            { tradePolicyId: '5', value: 60 },
          ],
        },
        ['2']
      )
    ).toEqual({
      basePrice: 90,
      fixedPrices: [{ tradePolicyId: '2', value: 70 }],
    })
  })
})
