import {
  BASE_SEEN_MARGIN_MS,
  behindBound,
  MAX_SKEW_MS,
  seenMargin,
  tightest,
} from '../clock'

const AT = Date.parse('2026-12-02T12:00:00.000Z')

describe('behindBound', () => {
  it.each([
    [
      'VTEX on time, answer 300 ms into the second',
      'Wed, 02 Dec 2026 12:00:00 GMT',
      AT + 300,
      300,
    ],
    ['VTEX 2 s behind', 'Wed, 02 Dec 2026 11:59:58 GMT', AT + 100, 2100],
    ['VTEX 3 s ahead', 'Wed, 02 Dec 2026 12:00:03 GMT', AT, -3000],
    ['an unreadable Date', 'yesterday', AT, null],
  ])('given %s, should bound the skew at %p', (_, header, at, bound) => {
    expect(behindBound(header, at)).toBe(bound)
  })
})

describe('seenMargin', () => {
  it.each([
    [null, BASE_SEEN_MARGIN_MS],
    [-3000, BASE_SEEN_MARGIN_MS],
    [2100, BASE_SEEN_MARGIN_MS + 2100],
    [60_000, BASE_SEEN_MARGIN_MS + MAX_SKEW_MS],
  ])(
    'given VTEX behind by at most %p ms, should be %p ms',
    (behind, margin) => {
      expect(seenMargin(behind)).toBe(margin)
    }
  )
})

describe('tightest', () => {
  it.each([
    [[], null],
    [[null, 1200, 2050, 2900], 1200],
  ])('given %p, should be %p', (bounds, min) => {
    expect(tightest(bounds)).toBe(min)
  })
})
