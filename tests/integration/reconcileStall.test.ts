/**
 * A sweep that cannot go on says why, through the real worker and the emulator: one waiting for a
 * VTEX API that answers 5xx shows which API and when it tries again, and resumes on its own soon
 * after the API answers again (no other start, no scheduler tick); one whose query VTEX refuses
 * (a 4xx) fails at once with that reason and frees the account's sweep slot.
 */
import type { Emulator } from '../support/emulator'
import { startSystem, stopSystem } from '../support/system'
import { control } from '../support/emulator'
import type { Worker } from '../support/worker'
import { graphql, waitFor } from '../support/worker'
import { finished, freshAccount, startRun, SWEEP_ENV } from './reconcileSupport'

let emulator: Emulator
let worker: Worker

beforeAll(async () => {
  const system = await startSystem({ seed: 'none', env: SWEEP_ENV })

  emulator = system.emulator
  worker = system.worker
  await freshAccount(emulator, 12)
})

afterAll(() => stopSystem({ emulator, worker }))

afterEach(async () => {
  await control(emulator, 'DELETE', '/faults')
})

interface Waiting {
  state: string
  waiting: {
    code: string
    api: string | null
    attempts: number
    nextAttemptAt: string
  } | null
  failure: { code: string; api: string | null } | null
}

const runOf = async (id: string) =>
  (
    await graphql<{ reconciliation: Waiting }>(
      worker,
      `
        query ($id: ID) {
          reconciliation(id: $id) {
            state
            waiting {
              code
              api
              attempts
              nextAttemptAt
            }
            failure {
              code
              api
            }
          }
        }
      `,
      { id }
    )
  ).data?.reconciliation

describe('given the catalog answers 503 when a sweep starts', () => {
  it('says it waits for the catalog, and resumes on its own once the catalog answers', async () => {
    await control(emulator, 'POST', '/faults', {
      match: 'GET /api/catalog_system/pvt/sku/stockkeepingunitids*',
      status: 503,
    })
    const { id } = await startRun(worker)

    const waiting = await waitFor(
      'the run to wait for the catalog',
      async () => {
        const run = await runOf(id)

        return run?.waiting ? run : null
      }
    )

    expect(waiting).toMatchObject({
      state: 'RUNNING',
      waiting: { code: 'UPSTREAM_UNAVAILABLE', api: 'catalog' },
      failure: null,
    })
    expect(Date.parse(waiting.waiting?.nextAttemptAt ?? '')).toBeGreaterThan(
      Date.now() - 1000
    )

    await control(emulator, 'DELETE', '/faults')
    const cleared = Date.now()
    const done = await finished(worker, id, 50_000)

    expect(done).toMatchObject({ state: 'DONE', total: 12, done: 12 })
    // Within the 30 s retry step of the catalog coming back, not the next 10-minute tick.
    expect(Date.now() - cleared).toBeLessThan(45_000)
    expect((await runOf(id))?.waiting).toBeNull()
  }, 90_000)
})

describe('given Master Data refuses the sweep scope query (400)', () => {
  it('fails the run at once with that reason, and the next start is not refused', async () => {
    await control(emulator, 'POST', '/faults', {
      match: 'GET /api/dataentities/sgsku/search*',
      status: 400,
      body: { Message: 'Invalid where clause' },
    })
    const { id } = await startRun(worker, { text: 'black and white' })
    const run = await finished(worker, id, 20_000)

    expect(run.state).toBe('FAILED')
    expect(await runOf(id)).toMatchObject({
      failure: { code: 'UPSTREAM_HTTP_400' },
      waiting: null,
    })

    await control(emulator, 'DELETE', '/faults')
    const next = await startRun(worker, { statuses: ['ERROR'] })

    expect((await finished(worker, next.id)).state).toBe('DONE')
  }, 60_000)
})
