// The overview's trends: one point a day per channel, kept within the audit's retention.
import type { ReasonCode } from './types'

/** The windows the admin may ask for. */
const TREND_WINDOWS = [30, 90] as const

export type TrendWindow = (typeof TREND_WINDOWS)[number]

/**
 * A channel's figures on one UTC day, as the overview counted them the first time a tick ran that
 * day (a snapshot, not a daily average).
 */
export interface TrendPoint {
  /** UTC day, YYYY-MM-DD. */
  day: string
  total: number
  exposed: number
  withheld: number
  /** Withheld SKUs by their reasons (a SKU may count under several); reasons with none absent. */
  byReason: Partial<Record<ReasonCode, number>>
  /** Median seconds from a stock change to the channel update over the day before; null: none. */
  medianLatencySeconds: number | null
}

/**
 * A channel's points, oldest first. A bounded array in one document (not one document per day):
 * the query reads one document per channel, and the tick's write replaces it whole, once a day.
 */
export interface TrendDoc {
  points: TrendPoint[]
}

/** A hard bound on the points one document keeps (a year), whatever the retention. */
export const MAX_TREND_POINTS = 366

const DAY_MS = 86_400_000

export const dayOf = (at: Date) => at.toISOString().slice(0, 10)

/** The first day still within `days` of `now` (that day included). */
export const firstDayWithin = (now: Date, days: number) =>
  dayOf(new Date(now.getTime() - (days - 1) * DAY_MS))

export const isTrendWindow = (days: number): days is TrendWindow =>
  (TREND_WINDOWS as readonly number[]).includes(days)

/** Whether the document already has today's point: the tick then writes nothing. */
export const hasDay = (doc: TrendDoc, day: string) =>
  doc.points.some((p) => p.day === day)

/**
 * The document with `point` added, and the points past the retention dropped in the same write;
 * null when it already holds that day's point (another worker or tick recorded it).
 */
export function withPoint(
  doc: TrendDoc,
  point: TrendPoint,
  now: Date,
  retentionDays: number
): TrendDoc | null {
  if (hasDay(doc, point.day)) return null
  const from = firstDayWithin(now, retentionDays)
  const points = [...doc.points, point]
    .filter((p) => p.day >= from)
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0))

  return { points: points.slice(-MAX_TREND_POINTS) }
}

/** The points within the window (and still within the retention), oldest first. */
export function pointsWithin(
  doc: TrendDoc,
  now: Date,
  days: number,
  retentionDays: number
) {
  const from = firstDayWithin(now, Math.min(days, retentionDays))

  return doc.points.filter((p) => p.day >= from)
}

/** Exposed SKUs over the channel's evaluated SKUs; null when it has none. */
export const exposedShare = (point: Pick<TrendPoint, 'exposed' | 'total'>) =>
  point.total > 0 ? point.exposed / point.total : null

/** The UTC day a run was created, from its id (`YYYYMMDDhhmmssSSS-xxxxxx`): no read needed. */
export const runDay = (runId: string) =>
  `${runId.slice(0, 4)}-${runId.slice(4, 6)}-${runId.slice(6, 8)}`
