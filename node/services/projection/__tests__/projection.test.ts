import type { ExposureStatus } from '../../../domain/types'
import {
  ROW_FORMAT,
  UNLIMITED_RANK,
  rowChanged,
  toExposureDoc,
} from '../projection'
import type { StoredDecision } from '../../evaluation/state'

const decision = (
  status: ExposureStatus,
  available: number | null,
  over: Partial<StoredDecision> = {}
): StoredDecision => ({
  skuId: '5',
  productId: '5',
  channel: 'MKB',
  status,
  reasons: status === 'ERROR' ? ['UPSTREAM_ERROR'] : [],
  available,
  trace: [],
  evaluatedAt: '2026-12-03T12:00:00.000Z',
  changedAt: '2026-12-03T12:00:00.000Z',
  skuName: 'SKU 5',
  productName: 'Product 5',
  sellerIds: ['sellera'],
  productAssociated: true,
  rowFormat: ROW_FORMAT,
  ...over,
})

describe("the projection row's stock rank (the admin's stock sort)", () => {
  it.each<[string, ExposureStatus, number | null, number | null]>([
    [
      'unlimited stock on an exposed SKU ranks above any count',
      'EXPOSED',
      null,
      UNLIMITED_RANK,
    ],
    [
      'unlimited stock on a withheld SKU ranks above any count too',
      'WITHHELD',
      null,
      UNLIMITED_RANK,
    ],
    ['a count ranks as itself', 'EXPOSED', 20, 20],
    ['no stock ranks as zero', 'WITHHELD', 0, 0],
    [
      'an ERROR decision that read no stock has no rank (unknown)',
      'ERROR',
      null,
      null,
    ],
    [
      'a PENDING decision that read no stock has no rank (unknown)',
      'PENDING',
      null,
      null,
    ],
  ])('should rank %s', (_, status, available, rank) => {
    const doc = toExposureDoc(decision(status, available), null)

    expect(doc.stockRank).toBe(rank)
    expect(doc.available).toBe(available)
  })

  it('should rank unlimited above the largest quantity VTEX stores (a 32-bit integer)', () => {
    expect(UNLIMITED_RANK).toBeGreaterThanOrEqual(2 ** 31 - 1)
  })

  it('should write again a row stored before the rank existed (format 2)', () => {
    const before = decision('EXPOSED', null, { rowFormat: 2 })

    expect(rowChanged(before, decision('EXPOSED', null))).toBe(true)
    expect(
      rowChanged(decision('EXPOSED', null), decision('EXPOSED', null))
    ).toBe(false)
  })
})

describe("the projection row's brand and categories (the admin's filters)", () => {
  const place = {
    brandId: '2000001',
    brandName: 'Brand 2000001',
    categoryIds: ['2', '11'],
    categoryNames: ['Department 2', null],
  }

  it('should carry the brand, the own category and the whole path', () => {
    const doc = toExposureDoc(decision('EXPOSED', 3, { place }), null)

    expect(doc).toMatchObject({
      brandId: '2000001',
      brandName: 'Brand 2000001',
      categoryId: '11',
      categoryIds: ['2', '11'],
      categoryPath: 'Department 2 / 11',
    })
  })

  it('should carry none for a decision stored before they were kept', () => {
    const doc = toExposureDoc(decision('EXPOSED', 3), null)

    expect(doc).toMatchObject({
      brandId: null,
      categoryId: null,
      categoryIds: [],
      categoryPath: null,
    })
  })

  it.each([
    ['a row stored before the brand was kept (format 3)', { rowFormat: 3 }],
    ['a brand change', { place: { ...place, brandId: '2000002' } }],
    ['a category move', { place: { ...place, categoryIds: ['2', '12'] } }],
  ])('should write the row again after %s', (_, over) => {
    const next = decision('EXPOSED', 3, { place })

    expect(rowChanged(decision('EXPOSED', 3, { place, ...over }), next)).toBe(
      true
    )
    expect(rowChanged(decision('EXPOSED', 3, { place }), next)).toBe(false)
  })
})
