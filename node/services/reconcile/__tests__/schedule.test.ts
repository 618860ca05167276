import type { ExposureStatus, ReasonCode } from '../../../domain/types'
import { scopeFilter } from '../collect'
import { exposureWhere } from '../../projection/exposureQuery'
import { normaliseScope } from '../scope'
import type { SweepScope } from '../types'
import {
  claimDue,
  defaultSchedule,
  nextDue,
  readSchedule,
  readScheduleState,
  recordTick,
  saveSchedule,
} from '../schedule'
import { FakeDocs } from '../../shared/__tests__/fakes'

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
        {
          trigger: 'SCHEDULE_FULL',
          scope: {},
          // What the claim replaced, to give the slot back if the sweep cannot start.
          claim: {
            at: '2026-11-26T00:00:00.000Z',
            before: { lastFullAt: null, lastPartialAt: null },
          },
        },
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
        claim: {
          at: '2026-11-26T01:00:00.000Z',
          before: {
            lastFullAt: '2026-11-26T00:00:00.000Z',
            lastPartialAt: '2026-11-26T00:00:00.000Z',
          },
        },
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

/** The `_where` the projection reads a scope with (its filter, as the adapter writes it). */
const scopeWhere = (scope: SweepScope) =>
  exposureWhere(scopeFilter(scope)) ?? null

describe('given a partial scope', () => {
  it.each([
    [{ channel: 'MKB' }, 'channel="MKB"'],
    [{ sellerId: 'sellera' }, 'sellerIds="sellera"'],
    [
      { changedSince: '2026-11-26T00:00:00.000Z' },
      'changedAt between "2026-11-26T00:00:00.000Z" AND "9999-12-31T23:59:59.999Z"',
    ],
    [
      { statuses: ['ERROR', 'PENDING'] as ExposureStatus[] },
      '(status="ERROR" OR status="PENDING")',
    ],
    [
      { channel: 'GGL', statuses: ['ERROR'] as ExposureStatus[] },
      'channel="GGL" AND (status="ERROR")',
    ],
    [{ channel: 'M"KB' }, 'channel="MKB"'],
    // What the admin's exposures table shows: "sweep all matching".
    [
      {
        channel: 'MKB',
        reason: 'NO_PRICE' as ReasonCode,
        text: ' Camiseta"* ',
      },
      'channel="MKB" AND reasons="NO_PRICE" AND text=*camiseta*',
    ],
    [{}, null],
  ])('should read %j from the projection with %s', (scope, where) => {
    expect(scopeWhere(scope)).toBe(where)
  })

  it.each([
    [{ changedSince: 'yesterday' }],
    [{ statuses: ['LOST'] as unknown as ExposureStatus[] }],
    [{ skuIds: Array.from({ length: 10_001 }, (_, i) => String(i)) }],
    [{ reason: 'TOO_EXPENSIVE' as unknown as ReasonCode }],
    // Nothing searchable left: it must not become a full sweep.
    [{ text: '"*?' }],
    [{ text: 'x'.repeat(101) }],
  ])('should refuse %#', (scope) => {
    expect(() => normaliseScope(scope)).toThrow('INVALID_SCOPE')
  })

  it('should drop empty fields, so {} and empty lists are a full sweep', () => {
    expect(normaliseScope({ channel: null, skuIds: [], statuses: [] })).toEqual(
      {}
    )
    expect(normaliseScope({ skuIds: ['2', '2', '3'] })).toEqual({
      skuIds: ['2', '3'],
    })
    expect(normaliseScope({ text: '   ', reason: null })).toEqual({})
    expect(normaliseScope({ text: ' shirt ', reason: 'NO_PRICE' })).toEqual({
      text: 'shirt',
      reason: 'NO_PRICE',
    })
  })
})

describe('the schedule as the Reconciliation page shows it', () => {
  it('should say a never-run sweep is due now, a run one its period after its last start, and an off one never', () => {
    const now = at('2026-12-03T12:00:00Z')
    const state = {
      lastFullAt: '2026-12-03T01:00:00.000Z',
      lastPartialAt: null,
    }

    expect(nextDue(defaultSchedule(), state, now)).toEqual({
      fullAt: '2026-12-04T01:00:00.000Z',
      partialAt: '2026-12-03T12:00:00.000Z',
    })
    expect(
      nextDue(
        { ...defaultSchedule(), fullEveryHours: 0, partialEveryMinutes: 0 },
        state,
        now
      )
    ).toEqual({ fullAt: null, partialAt: null })
  })

  it('should record the last tick without losing when sweeps last started, and the reverse', async () => {
    const deps = { docs: new FakeDocs() }

    expect((await readScheduleState(deps)).lastTickAt ?? null).toBeNull()
    await claimDue(deps, defaultSchedule(), at('2026-12-03T00:00:00Z'))
    await recordTick(deps, at('2026-12-03T00:10:00Z'), 'IDLE')
    await claimDue(deps, defaultSchedule(), at('2026-12-03T01:00:00Z'))

    expect(await readScheduleState(deps)).toEqual({
      lastFullAt: '2026-12-03T00:00:00.000Z',
      lastPartialAt: '2026-12-03T01:00:00.000Z',
      lastTickAt: '2026-12-03T00:10:00.000Z',
      lastTickOutcome: 'IDLE',
    })
  })
})
