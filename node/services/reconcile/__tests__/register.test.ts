import type { ScheduleEntry } from '../../../clients/scheduler'
import {
  isThisApp,
  LEASE_MS,
  registerTick,
  renewTickIfDue,
  SCHEDULE_ID,
  TICK_HEADER,
  validTick,
} from '../register'
import { FakeDocs } from '../../shared/__tests__/fakes'

const DAY = 24 * 60 * 60_000
const NOW = Date.parse('2026-06-01T12:00:00Z')
const target = {
  account: 'marketplacea',
  workspace: 'master',
  appName: 'acme.marketplace-stock-gate',
}

function setup() {
  const docs = new FakeDocs()
  const upserts: Array<{ app: string; entry: ScheduleEntry }> = []
  const log = { info: jest.fn(), warn: jest.fn(), error: jest.fn() }
  const scheduler = {
    upsert: jest.fn(async (app: string, entry: ScheduleEntry) => {
      upserts.push({ app, entry })
    }),
  }

  return { deps: { docs, log }, scheduler, upserts, log }
}

describe('isThisApp', () => {
  it.each<[string | undefined, boolean]>([
    ['acme.marketplace-stock-gate@0.1.0', true],
    ['acme.marketplace-stock-gate@1.2.3', true],
    ['acme.marketplace-stock-gate', true],
    ['acme.marketplace-stock-gate-extra@0.1.0', false],
    ['vtex.availability-notify@1.14.1', false],
    [undefined, false],
  ])('%s is this app: %s', (id, expected) => {
    expect(isThisApp(id, 'acme.marketplace-stock-gate@0.1.0')).toBe(expected)
  })
})

describe('given an install', () => {
  it('should register one task, a week long, whose request carries the secret the tick checks', async () => {
    const { deps, scheduler, upserts } = setup()

    await registerTick(deps, scheduler, target, NOW)

    expect(upserts).toHaveLength(1)
    const [{ app, entry }] = upserts

    expect(app).toBe('acme.marketplace-stock-gate')
    expect(entry).toMatchObject({
      id: SCHEDULE_ID,
      scheduler: {
        expression: '*/10 * * * *',
        endDate: new Date(NOW + LEASE_MS).toISOString(),
      },
      request: {
        uri: 'https://master--marketplacea.myvtex.com/_v/marketplace-stock-gate/reconcile/tick',
        method: 'POST',
      },
    })
    expect(await validTick(deps, entry.request.headers[TICK_HEADER])).toBe(true)
    expect(await validTick(deps, 'another')).toBe(false)
  })

  it('should keep the secret across installs, so the task is replaced, not doubled', async () => {
    const { deps, scheduler, upserts } = setup()

    await registerTick(deps, scheduler, target, NOW)
    await registerTick(deps, scheduler, target, NOW + DAY)

    expect(upserts.map((u) => u.entry.id)).toEqual([SCHEDULE_ID, SCHEDULE_ID])
    expect(upserts[1].entry.request.headers).toEqual(
      upserts[0].entry.request.headers
    )
  })

  it('should throw when the scheduler refuses, so that IO delivers the event again', async () => {
    const { deps, scheduler } = setup()

    scheduler.upsert.mockRejectedValueOnce(new Error('503'))
    await expect(registerTick(deps, scheduler, target, NOW)).rejects.toThrow(
      '503'
    )
  })
})

describe('given the tick', () => {
  it.each<[string, boolean, number]>([
    ['the same day', false, DAY - 60_000],
    ['a day later', true, DAY],
    ['after the lease ended', true, LEASE_MS + DAY],
  ])('%s: renews the lease: %s', async (_when, renewed, later) => {
    const { deps, scheduler, upserts } = setup()

    await registerTick(deps, scheduler, target, NOW)
    expect(await renewTickIfDue(deps, scheduler, target, NOW + later)).toBe(
      renewed
    )
    expect(upserts.map((u) => u.entry.scheduler.endDate)).toEqual([
      new Date(NOW + LEASE_MS).toISOString(),
      ...(renewed ? [new Date(NOW + later + LEASE_MS).toISOString()] : []),
    ])
  })

  it('should not fail the tick when the scheduler refuses the renewal', async () => {
    const { deps, scheduler, log } = setup()

    scheduler.upsert.mockRejectedValueOnce(new Error('503'))
    expect(await renewTickIfDue(deps, scheduler, target, NOW)).toBe(false)
    expect(log.warn).toHaveBeenCalledWith(
      expect.objectContaining({ message: 'reconcile-schedule-renew-failed' })
    )
  })
})
