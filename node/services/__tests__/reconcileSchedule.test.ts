import {
  claimDue,
  defaultSchedule,
  readSchedule,
  saveSchedule,
} from '../reconcile/schedule'
import { FakeDocs } from './fakes'

const at = (iso: string) => new Date(iso)

describe('given the default schedule (daily full, hourly ERROR and PENDING)', () => {
  describe('when workers tick over a day', () => {
    it('should start the full sweep first, then the partial one each hour, once across workers', async () => {
      const deps = { docs: new FakeDocs() }
      const schedule = defaultSchedule()

      const [a, b] = await Promise.all([
        claimDue(deps, schedule, at('2026-11-26T00:00:00Z')),
        claimDue(deps, schedule, at('2026-11-26T00:00:00Z')),
      ])

      // Two workers at the same instant: one sweep.
      // Two workers at the same instant: one sweep.
      expect([a, b].filter(Boolean)).toEqual([
        { trigger: 'SCHEDULE_FULL', scope: {} },
      ])
      // The full sweep covers the partial one of that hour.
      expect(
        await claimDue(deps, schedule, at('2026-11-26T00:30:00Z'))
      ).toBeNull()
      expect(
        await claimDue(deps, schedule, at('2026-11-26T01:00:00Z'))
      ).toEqual({
        trigger: 'SCHEDULE_PARTIAL',
        scope: { statuses: ['ERROR', 'PENDING'] },
      })
      expect(
        await claimDue(deps, schedule, at('2026-11-26T01:30:00Z'))
      ).toBeNull()
      expect(
        await claimDue(deps, schedule, at('2026-11-27T00:00:00Z'))
      ).toMatchObject({
        trigger: 'SCHEDULE_FULL',
      })
    })
  })

  describe('when the operator changes the schedule', () => {
    it('should save a valid one (0 turns a sweep off)', async () => {
      const deps = { docs: new FakeDocs() }
      const saved = await saveSchedule(deps, {
        fullEveryHours: 6,
        partialEveryMinutes: 0,
      })

      expect(saved).toEqual({
        ...defaultSchedule(),
        fullEveryHours: 6,
        partialEveryMinutes: 0,
      })
      expect(await readSchedule(deps)).toEqual(saved)
    })

    it.each([
      [{ fullEveryHours: -1 }],
      [{ fullEveryHours: 1.5 }],
      [{ partialEveryMinutes: 1441 }],
      [{ partialStatuses: [] }],
    ])('should refuse %j and keep the schedule', async (input) => {
      const deps = { docs: new FakeDocs() }

      expect(await saveSchedule(deps, input)).toBe('INVALID_SCHEDULE')
      expect(await readSchedule(deps)).toEqual(defaultSchedule())
    })
  })
})
