import fc from 'fast-check'

import { countBy, median } from '../stats'

describe('median', () => {
  it.each<[number[], number | null]>([
    [[], null],
    [[4], 4],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[5, 5, 1], 5],
    [[-2, -8, 0], -2],
    [[1, NaN, 3, Infinity], 2],
    [[NaN], null],
  ])('of %j should be %p', (numbers, expected) => {
    expect(median(numbers)).toBe(expected)
  })

  it('should not reorder its input', () => {
    const numbers = [3, 1, 2]

    median(numbers)
    expect(numbers).toEqual([3, 1, 2])
  })

  it('should lie between the smallest and the largest value', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { minLength: 1 }), (numbers) => {
        const m = median(numbers) as number

        expect(m).toBeGreaterThanOrEqual(Math.min(...numbers))
        expect(m).toBeLessThanOrEqual(Math.max(...numbers))
      })
    )
  })
})

describe('countBy', () => {
  it.each<[string[], Record<string, number>]>([
    [[], {}],
    [['EXPOSED'], { EXPOSED: 1 }],
    [['EXPOSED', 'WITHHELD', 'EXPOSED'], { EXPOSED: 2, WITHHELD: 1 }],
  ])('of %j should be %j', (items, expected) => {
    expect(countBy(items, (s) => s)).toEqual(expected)
  })

  it('should count every item once', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c')), (items) => {
        const counts = countBy(items, (s) => s)
        const total = Object.values(counts).reduce<number>(
          (sum, n) => sum + (n ?? 0),
          0
        )

        expect(total).toBe(items.length)
      })
    )
  })
})
