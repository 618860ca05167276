import type { EngineDeps } from '../shared/deps'
import type { RunTrigger, SweepScope } from './types'
import { scheduleStateStore, scheduleStore } from '../shared/stores/reconcile'
import type {
  ScheduleState,
  SweepSchedule,
  TickRecord,
} from '../shared/stores/reconcile'

export { defaultSchedule } from '../shared/stores/reconcile'
export type {
  ScheduleState,
  SweepSchedule,
  TickRecord,
} from '../shared/stores/reconcile'

export async function readSchedule(deps: Pick<EngineDeps, 'docs'>) {
  return (await scheduleStore(deps.docs).read()).value
}

export type ScheduleError = 'INVALID_SCHEDULE'

/** Saves the schedule; null when the input is out of range (a day at most for partial sweeps, 30 days for full). */
export async function saveSchedule(
  deps: Pick<EngineDeps, 'docs'>,
  input: Nullable<SweepSchedule>
): Promise<SweepSchedule | ScheduleError> {
  const current = await readSchedule(deps)
  const next = { ...current, ...stripNulls<SweepSchedule>(input) }
  const valid =
    Number.isInteger(next.fullEveryHours) &&
    next.fullEveryHours >= 0 &&
    next.fullEveryHours <= 720 &&
    Number.isInteger(next.partialEveryMinutes) &&
    next.partialEveryMinutes >= 0 &&
    next.partialEveryMinutes <= 1440 &&
    next.partialStatuses.length > 0

  if (!valid) return 'INVALID_SCHEDULE'
  await scheduleStore(deps.docs).update(() => next)

  return next
}

/** A partial input whose fields may also be null (GraphQL's optional input fields): as unset. */
type Nullable<T> = { [K in keyof T]?: T[K] | null }

function stripNulls<T extends object>(input: Nullable<T>): Partial<T> {
  return Object.fromEntries(
    Object.entries(input).filter(([, v]) => v !== null && v !== undefined)
  ) as Partial<T>
}

/** A scheduled sweep claimed by a tick, with what its claim replaced (to give it back). */
export interface ClaimedSweep {
  trigger: RunTrigger
  scope: SweepScope
  claim: {
    at: string
    before: Pick<ScheduleState, 'lastFullAt' | 'lastPartialAt'>
  }
}

/**
 * Which scheduled sweep is due at `now`, claimed with a conditional write so that of several
 * workers ticking at once only one starts it. The full sweep wins when both are due.
 */
export async function claimDue(
  deps: Pick<EngineDeps, 'docs'>,
  schedule: SweepSchedule,
  now: Date
): Promise<ClaimedSweep | null> {
  let due: ClaimedSweep | null = null
  const at = now.toISOString()
  const since = (last: string | null) =>
    last ? now.getTime() - Date.parse(last) : Infinity

  await scheduleStateStore(deps.docs).update((state) => {
    due = null
    if (
      schedule.fullEveryHours > 0 &&
      since(state.lastFullAt) >= schedule.fullEveryHours * 3600_000
    ) {
      due = {
        trigger: 'SCHEDULE_FULL',
        scope: {},
        claim: { at, before: pick(state) },
      }

      // A full sweep covers the partial one: its slot starts over too.
      return {
        ...state,
        lastFullAt: now.toISOString(),
        lastPartialAt: now.toISOString(),
      }
    }

    if (
      schedule.partialEveryMinutes > 0 &&
      since(state.lastPartialAt) >= schedule.partialEveryMinutes * 60_000
    ) {
      due = {
        trigger: 'SCHEDULE_PARTIAL',
        scope: { statuses: schedule.partialStatuses },
        claim: { at, before: pick(state) },
      }

      return { ...state, lastPartialAt: now.toISOString() }
    }

    return null
  })

  return due
}

const pick = (state: ScheduleState) => ({
  lastFullAt: state.lastFullAt,
  lastPartialAt: state.lastPartialAt,
})

/**
 * Gives a claimed sweep's slot back when it could not start (storage failing, another sweep
 * holding the account's lock), so that the next tick claims it again instead of a whole period
 * later. Only if nobody claimed the slot since: a later claim is left as it is.
 */
export async function releaseClaim(
  deps: Pick<EngineDeps, 'docs'>,
  claimed: ClaimedSweep
) {
  const field =
    claimed.trigger === 'SCHEDULE_FULL' ? 'lastFullAt' : 'lastPartialAt'

  await scheduleStateStore(deps.docs).update((state) =>
    state[field] === claimed.claim.at
      ? { ...state, ...claimed.claim.before }
      : null
  )
}

export async function readScheduleState(
  deps: Pick<EngineDeps, 'docs'>
): Promise<ScheduleState> {
  return (await scheduleStateStore(deps.docs).read()).value
}

/**
 * Records that vtex.scheduler called: one VBase write per tick (every 10 minutes), so the
 * operator can see the schedule is alive; a tick that stopped coming is otherwise invisible
 * until sweeps are missed.
 */
export async function recordTick(
  deps: Pick<EngineDeps, 'docs'>,
  now: Date,
  outcome: TickRecord
) {
  await scheduleStateStore(deps.docs).update((state) => ({
    ...state,
    lastTickAt: now.toISOString(),
    lastTickOutcome: outcome,
  }))
}

/** When each scheduled sweep is due next: its last start plus its period (null: off). */
export function nextDue(
  schedule: SweepSchedule,
  state: ScheduleState,
  now: Date
): { fullAt: string | null; partialAt: string | null } {
  const at = (last: string | null, periodMs: number) =>
    periodMs <= 0
      ? null
      : new Date(
          last ? Date.parse(last) + periodMs : now.getTime()
        ).toISOString()

  return {
    fullAt: at(state.lastFullAt, schedule.fullEveryHours * 3600_000),
    partialAt: at(state.lastPartialAt, schedule.partialEveryMinutes * 60_000),
  }
}
