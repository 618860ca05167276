/**
 * Scheduled sweeps through the real worker and the emulator, with the local stand-in for
 * vtex.scheduler (RECONCILE_LOCAL_TICK_MS): the operator's schedule decides what the tick starts.
 */
import type { Emulator } from '../support/emulator'
import { control, emulatorFor, lifecycle, vtex } from '../support/emulator'
import type { Worker } from '../support/worker'
import { freePort, graphql, startWorker, waitFor } from '../support/worker'
import { freshAccount, SWEEP_ENV } from './reconcileSupport'

let emulator: Emulator
let worker: Worker

beforeAll(async () => {
  const port = await freePort()

  emulator = await emulatorFor(`http://127.0.0.1:${port}`, 'none')
  await freshAccount(emulator, 10)
  worker = await startWorker(emulator.url, port, {
    ...SWEEP_ENV,
    RECONCILE_LOCAL_TICK_MS: '300',
  })
  // The install's setup event registers the tick with vtex.scheduler.
  await lifecycle(emulator, 'install')
})

afterAll(async () => {
  await worker?.stop()
  await emulator?.close()
})

interface ScheduleOut {
  id: string
  scheduler: { expression: string }
  request: { uri: string; headers: Record<string, string> }
}

interface Listed {
  reconciliations: {
    items: Array<{
      trigger: string
      state: string
      scope: { statuses: string[] | null }
    }>
  }
}

const runs = async () =>
  (
    await graphql<Listed>(
      worker,
      '{ reconciliations(pageSize: 10) { items { trigger state scope { statuses } } } }'
    )
  ).data?.reconciliations.items ?? []

describe('given the default schedule and a worker whose ticker is on', () => {
  it('should start the full sweep that is due once, then nothing until the schedule says so', async () => {
    const saved = await graphql<{
      saveReconciliationSchedule: Record<string, unknown>
    }>(
      worker,
      'mutation { saveReconciliationSchedule(input: { partialEveryMinutes: 0 }) { fullEveryHours partialEveryMinutes partialStatuses } }'
    )

    expect(saved.data?.saveReconciliationSchedule).toEqual({
      fullEveryHours: 24,
      partialEveryMinutes: 0,
      partialStatuses: ['ERROR', 'PENDING'],
    })
    const done = await waitFor('the scheduled full sweep', async () => {
      const list = await runs()

      return list.length > 0 && list[0].state === 'DONE' ? list : null
    })

    expect(done).toEqual([
      { trigger: 'SCHEDULE_FULL', state: 'DONE', scope: { statuses: null } },
    ])
    await new Promise((r) => setTimeout(r, 1500))
    expect(await runs()).toHaveLength(1)
  })

  it('should refuse a schedule out of range', async () => {
    const res = await graphql(
      worker,
      'mutation { saveReconciliationSchedule(input: { fullEveryHours: -2 }) { fullEveryHours } }'
    )

    expect(res.errors?.[0]?.message).toBe('INVALID_SCHEDULE')
  })

  it('should register its tick with the scheduler, whose call passes the secret and is answered', async () => {
    const app = 'marketplacea.marketplace-stock-gate'
    const res = await vtex(
      emulator,
      'GET',
      `/api/scheduler/master/${app}?version=4`
    )

    const entry = (res.body as ScheduleOut[]).find(
      (e) => e.id === 'stock-gate-reconcile-tick'
    )

    if (!entry) throw new Error('the install registered no tick')

    expect(entry.scheduler.expression).toBe('*/10 * * * *')
    expect(entry.request.uri).toBe(
      'https://master--marketplacea.myvtex.com/_v/marketplace-stock-gate/reconcile/tick'
    )
    expect(entry.request.headers['x-stock-gate-tick']).toMatch(/^[\w-]{20,}$/)
    const run = await vtex(
      emulator,
      'POST',
      `/api/scheduler/master/${app}/stock-gate-reconcile-tick/run`
    )

    // The schedule is off and nothing is left to resume: the tick answers and starts nothing.
    expect(run.body).toEqual({ status: 200 })
    expect(await runs()).toHaveLength(1)
  })
  it('should show when the scheduler last ticked, when the schedule last started a full sweep and when the next is due', async () => {
    const res = await graphql<{
      reconciliationSchedule: {
        lastTickAt: string | null
        lastTickOutcome: string | null
        lastFullAt: string | null
        nextFullAt: string | null
        lastPartialAt: string | null
        nextPartialAt: string | null
      }
    }>(
      worker,
      '{ reconciliationSchedule { lastTickAt lastTickOutcome lastFullAt nextFullAt lastPartialAt nextPartialAt } }'
    )

    expect(res.errors).toBeUndefined()
    const s = res.data?.reconciliationSchedule

    // The previous test's scheduler call is the last tick.
    expect(Date.now() - Date.parse(s?.lastTickAt ?? '')).toBeLessThan(60_000)
    // It started nothing: the schedule was off and nothing was left to resume.
    expect(s?.lastTickOutcome).toBe('IDLE')
    expect(s?.lastFullAt).not.toBeNull()
    expect(
      Date.parse(s?.nextFullAt ?? '') - Date.parse(s?.lastFullAt ?? '')
    ).toBe(24 * 3600_000)
    // Partial sweeps were turned off above.
    expect(s?.nextPartialAt).toBeNull()
  })
  it('should record a call whose tick failed as FAILED, so the page does not take it for a healthy one', async () => {
    const app = 'marketplacea.marketplace-stock-gate'

    // The sweep lock cannot be read: the tick throws after its secret was checked.
    await control(emulator, 'POST', '/faults', {
      match: 'GET /vbase*/files/locks*',
      status: 500,
      times: 50,
    })
    try {
      const run = await vtex(
        emulator,
        'POST',
        `/api/scheduler/master/${app}/stock-gate-reconcile-tick/run`
      )

      expect((run.body as { status: number }).status).toBeGreaterThanOrEqual(
        500
      )
    } finally {
      await control(emulator, 'DELETE', '/faults')
    }

    const res = await graphql<{
      reconciliationSchedule: { lastTickOutcome: string | null }
    }>(worker, '{ reconciliationSchedule { lastTickOutcome } }')

    expect(res.data?.reconciliationSchedule.lastTickOutcome).toBe('FAILED')
  })
})
