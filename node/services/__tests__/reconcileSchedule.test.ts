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

  describe('when the operator turns the partial sweep off and changes the full one', () => {
    it.each([
      [
        { fullEveryHours: 6, partialEveryMinutes: 0 },
        { fullEveryHours: 6, partialEveryMinutes: 0 },
      ],
      [{ fullEveryHours: -1 }, 'INVALID_SCHEDULE'],
      [{ partialEveryMinutes: 1441 }, 'INVALID_SCHEDULE'],
      [{ partialStatuses: [] }, 'INVALID_SCHEDULE'],
    ])('should save %j as %j', async (input, expected) => {
      const deps = { docs: new FakeDocs() }
      const saved = await saveSchedule(deps, input)

      if (expected === 'INVALID_SCHEDULE') {
        expect(saved).toBe(expected)
        expect(await readSchedule(deps)).toEqual(defaultSchedule())
      } else {
        expect(saved).toMatchObject(expected as object)
        expect(await readSchedule(deps)).toEqual(saved)
      }
    })
  })
})
