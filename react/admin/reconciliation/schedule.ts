import type { ReconciliationSchedule } from '../../typings/schema.generated'
import type { ExposureStatus } from '../shared/types'

export type Schedule = ReconciliationSchedule

export interface ScheduleDraft {
  fullEveryHours: string
  partialEveryMinutes: string
  partialStatuses: ExposureStatus[]
}

export type ScheduleField =
  | 'fullEveryHours'
  | 'partialEveryMinutes'
  | 'partialStatuses'

/** The scheduler calls every 10 minutes: three missed calls in a row is worth saying. */
export const TICK_LATE_MS = 30 * 60_000

const whole = (text: string, max: number) =>
  /^\d+$/.test(text.trim()) && Number(text) <= max

/** The fields the API would refuse (INVALID_SCHEDULE), so the form says which before saving. */
export function scheduleErrors(draft: ScheduleDraft): ScheduleField[] {
  const errors: ScheduleField[] = []

  if (!whole(draft.fullEveryHours, 720)) errors.push('fullEveryHours')
  if (!whole(draft.partialEveryMinutes, 1440))
    errors.push('partialEveryMinutes')
  if (draft.partialStatuses.length === 0) errors.push('partialStatuses')

  return errors
}

export const draftOf = (schedule: Schedule): ScheduleDraft => ({
  fullEveryHours: String(schedule.fullEveryHours),
  partialEveryMinutes: String(schedule.partialEveryMinutes),
  partialStatuses: schedule.partialStatuses,
})

/** A due time, or "now" when it is past: a due sweep starts at the scheduler's next call. */
export const isPast = (iso: string | null, now: number) =>
  !!iso && Date.parse(iso) <= now

/** Whether the last tick is missing or late, as of `now` (epoch ms). */
export const tickLate = (schedule: Schedule, now: number) =>
  !schedule.lastTickAt || now - Date.parse(schedule.lastTickAt) > TICK_LATE_MS
