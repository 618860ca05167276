import { toCsv } from '../admin/exposures/hooks/csv'
import { availableOf } from '../admin/shared/format'
import { exposure } from '../__fixtures__'

describe('a SKU’s marketplace stock for a channel', () => {
  it.each([
    [3, 'EXPOSED', 3],
    [0, 'WITHHELD', 0],
    // null on a decided SKU is unlimited stock, not "—".
    [null, 'EXPOSED', 'unlimited'],
    [null, 'WITHHELD', 'unlimited'],
    // null on ERROR or PENDING is stock that was not read.
    [null, 'ERROR', null],
    [null, 'PENDING', null],
  ] as const)('%p on %s reads as %p', (available, status, shown) => {
    expect(availableOf({ available, status })).toBe(shown)
  })

  it('is exported as the code `unlimited`, and empty when not read', () => {
    const csv = toCsv([
      { ...exposure({ skuId: '5', status: 'EXPOSED', available: null }) },
      { ...exposure({ skuId: '6', status: 'ERROR', available: null }) },
    ])

    const [, five, six] = csv.split('\r\n').map((line) => line.split(','))

    expect(five[7]).toBe('unlimited')
    expect(six[7]).toBe('')
  })
})
