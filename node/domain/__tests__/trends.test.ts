import fc from 'fast-check'

import {
  dayOf,
  exposedShare,
  firstDayWithin,
  isTrendWindow,
  MAX_TREND_POINTS,
  pointsWithin,
  runDay,
  withPoint,
} from '../trends'
import type { TrendPoint } from '../trends'

const point = (day: string, exposed = 1, total = 2): TrendPoint => ({
  day,
  total,
  exposed,
  withheld: total - exposed,
  byReason: {},
  medianLatencySeconds: null,
})

const NOW = new Date('2026-12-03T15:00:00.000Z')

describe('trend days', () => {
  it.each<[Date, number, string]>([
    [NOW, 1, '2026-12-03'],
    [NOW, 30, '2026-11-04'],
    [NOW, 90, '2026-09-05'],
    [new Date('2026-03-01T00:00:00.000Z'), 2, '2026-02-28'],
  ])('of %s within %i days should start on %s', (now, days, from) => {
    expect(firstDayWithin(now, days)).toBe(from)
  })

  it.each([
    [30, true],
    [90, true],
    [7, false],
    [0, false],
    [365, false],
  ])('window %i allowed: %p', (days, allowed) => {
    expect(isTrendWindow(days)).toBe(allowed)
  })

  it("should read a run's creation day from its id", () => {
    expect(runDay('20261203145548123-abcdef')).toBe('2026-12-03')
  })

  it.each([
    [{ exposed: 1, total: 4 }, 0.25],
    [{ exposed: 0, total: 0 }, null],
  ])('share of %j should be %p', (p, share) => {
    expect(exposedShare(p)).toBe(share)
  })
})

describe('withPoint', () => {
  it("should add today's point once: a second one of the same day is no change", () => {
    const first = withPoint({ points: [] }, point('2026-12-03'), NOW, 90)

    expect(first).toEqual({ points: [point('2026-12-03')] })
    expect(
      withPoint(first ?? { points: [] }, point('2026-12-03', 2), NOW, 90)
    ).toBeNull()
  })

  it('should drop the points older than the retention in the same write', () => {
    const doc = {
      points: [point('2026-11-02'), point('2026-11-03'), point('2026-11-04')],
    }

    expect(
      withPoint(doc, point('2026-12-03'), NOW, 30)?.points.map((p) => p.day)
    ).toEqual(['2026-11-04', '2026-12-03'])
  })

  it('should keep the points in day order and never more than the bound', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 800 }), { maxLength: 60 }),
        (offsets) => {
          let doc = { points: [] as TrendPoint[] }

          for (const offset of offsets) {
            const day = dayOf(new Date(NOW.getTime() - offset * 86_400_000))

            doc = withPoint(doc, point(day), NOW, 3650) ?? doc
          }

          const days = doc.points.map((p) => p.day)

          expect(days).toEqual(
            [...new Set(days)].sort((a, b) => a.localeCompare(b))
          )
          expect(days.length).toBeLessThanOrEqual(MAX_TREND_POINTS)
        }
      )
    )
  })
})

describe('pointsWithin', () => {
  const doc = {
    points: [point('2026-09-01'), point('2026-11-10'), point('2026-12-03')],
  }

  it.each<[number, number, string[]]>([
    [30, 90, ['2026-11-10', '2026-12-03']],
    [90, 90, ['2026-11-10', '2026-12-03']],
    [90, 3650, ['2026-11-10', '2026-12-03']],
    [90, 10, ['2026-12-03']],
  ])(
    'within %i days under a %i-day retention should be %j',
    (days, retention, expected) => {
      expect(pointsWithin(doc, NOW, days, retention).map((p) => p.day)).toEqual(
        expected
      )
    }
  )
})
