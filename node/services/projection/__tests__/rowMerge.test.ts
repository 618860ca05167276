import type { ExposureDoc } from '../exposureRow'
import { exposureWhere, sortFieldAt } from '../exposureQuery'
import { mergePages, resumesAtSku, splitRowId } from '../rowMerge'
import { placeOf, skuDocId } from '../skuDoc'

const row = (skuId: string, channel: string, stockRank: number | null) =>
  ({ id: `${skuId}-${channel}`, skuId, channel, stockRank } as ExposureDoc)

describe("given a channel's slot", () => {
  it('should place slot k in group floor(k / 10), as fields k % 10', () => {
    expect(placeOf(3)).toEqual({ group: 0, index: 3 })
    expect(placeOf(13)).toEqual({ group: 1, index: 3 })
    expect(skuDocId('7', 0)).toBe('7')
    expect(skuDocId('7', 1)).toBe('7~g1')
  })

  it("should filter the channel's rows in the slot's fields and the SKU's shared ones", () => {
    expect(
      exposureWhere(
        {
          channel: 'MKB',
          status: 'WITHHELD',
          reason: 'NO_PRICE',
          sellerId: 'sellera',
          changedSince: '2026-12-01T00:00:00.000Z',
          statuses: ['ERROR'],
          productIds: ['10'],
        },
        { group: 1, index: 2 }
      )
    ).toBe(
      'group=1 AND s2 is not null AND (productId="10") AND s2="WITHHELD" AND r2="NO_PRICE" AND sellerIds="sellera" AND c2 between "2026-12-01T00:00:00.000Z" AND "9999-12-31T23:59:59.999Z" AND (s2="ERROR")'
    )
    expect(exposureWhere({}, { group: 0, index: 0 })).toBe(
      'group=0 AND s0 is not null'
    )
  })

  it.each([
    ['status', 's4'],
    ['stockRank', 'k4'],
    ['evaluatedAt', 'e4'],
    ['changedAt', 'c4'],
    ['skuId', 'skuId'],
    ['skuName', 'skuName'],
  ])('should sort %s by %s', (field, stored) => {
    expect(sortFieldAt(field, { group: 0, index: 4 })).toBe(stored)
  })
})

describe('given the keyset pages of several channels', () => {
  const sort = { field: 'stockRank', desc: false, numeric: true }

  it('should merge them by value, then SKU, then channel, and total what follows', () => {
    const merged = mergePages(
      [
        { rows: [row('2', 'AAA', 1), row('9', 'AAA', 3)], total: 5 },
        { rows: [row('10', 'BBB', null), row('2', 'BBB', 1)], total: 2 },
      ],
      sort,
      3
    )

    expect(merged.rows.map((r) => r.id)).toEqual(['10-BBB', '2-AAA', '2-BBB'])
    expect(merged.total).toBe(7)
  })

  it("should resume a later channel at the last row's own SKU, an earlier one after it", () => {
    expect(resumesAtSku(sort, 'BBB', 'CCC')).toBe(true)
    expect(resumesAtSku(sort, 'BBB', 'AAA')).toBe(false)
    expect(resumesAtSku({ ...sort, desc: true }, 'BBB', 'AAA')).toBe(true)
    expect(resumesAtSku(sort, 'BBB', 'BBB')).toBe(false)
  })

  it('should split a row id into its SKU and channel, the longest channel that fits, else at its last dash', () => {
    expect(splitRowId('12-MKB', ['MKB', 'GGL'])).toEqual({
      skuId: '12',
      channel: 'MKB',
    })
    expect(splitRowId('12-A-B', ['B', 'A-B'])).toEqual({
      skuId: '12',
      channel: 'A-B',
    })
    expect(splitRowId('12-XYZ', ['MKB'])).toEqual({
      skuId: '12',
      channel: 'XYZ',
    })
    expect(splitRowId('12', ['MKB'])).toBeNull()
  })
})
