/**
 * Work that can outlast IO's request timeout answers at once with a job, through the real worker
 * and the emulator: the settings review, the bulk re-evaluation and the tick's audit pruning each
 * answer within a small bound while the emulator is slowed well past it, and the job ends with
 * the result the synchronous call gave. A job whose worker dies reads as FAILED, not running.
 */
import type { Emulator } from '../support/emulator'
import { control, emulatorFor, vtex } from '../support/emulator'
import type { JobOut } from '../support/jobs'
import { JOB_FIELDS, jobEnd, jobOf } from '../support/jobs'
import type { Worker } from '../support/worker'
import { freePort, graphql, startWorker, waitFor } from '../support/worker'
import { tickRoute } from './reconcileSupport'

// A stopped heartbeat is noticed after 6 × 200 ms here (6 × 5 s in IO).
const ENV = { JOB_HEARTBEAT_MS: '200', FEED_SETTLE_MS: '0' }
// What "answers at once" means here: far below service.json's 10 s, and below the slowed work.
const BOUND_MS = 1_500

const SKUS = Array.from({ length: 24 }, (_, i) => String(i + 1))
const SKU_CONTEXT =
  'GET /api/catalog_system/pvt/sku/stockkeepingunitbyid/{skuId}'

const MD_SEARCH = 'GET /api/dataentities/{entity}/search'

let emulator: Emulator
let worker: Worker
let port: number

beforeAll(async () => {
  port = await freePort()
  emulator = await emulatorFor(`http://127.0.0.1:${port}`)
  await control(emulator, 'POST', '/events', { enabled: false })
  worker = await startWorker(emulator.url, port, ENV)
})

afterAll(async () => {
  await worker?.stop()
  await emulator?.close()
})

afterEach(async () => {
  await control(emulator, 'DELETE', '/faults')
})

const slow = (match: string, latencyMs: number) =>
  control(emulator, 'POST', '/faults', { match, latencyMs })

async function timed<T>(call: () => Promise<T>) {
  const started = Date.now()
  const value = await call()

  return { value, ms: Date.now() - started }
}

async function reevaluateMany(skuIds: string[]) {
  const res = await graphql<{ reevaluateMany: JobOut }>(
    worker,
    `mutation ($skuIds: [ID!]!) { reevaluateMany(skuIds: $skuIds) { ${JOB_FIELDS} } }`,
    { skuIds }
  )

  if (!res.data) throw new Error(JSON.stringify(res.errors))

  return res.data.reevaluateMany
}

async function settingsPreview(input: Record<string, unknown>) {
  const res = await graphql<{ settingsPreview: JobOut }>(
    worker,
    `query ($input: SettingsInput!) { settingsPreview(input: $input) { ${JOB_FIELDS} } }`,
    { input }
  )

  if (!res.data) throw new Error(JSON.stringify(res.errors))

  return res.data.settingsPreview
}

const PREVIEW_INPUT = {
  channels: [
    { channel: 'MKB', mode: 'ENFORCE', exposeAt: 4, withdrawBelow: 2 },
    { channel: 'GGL', requirePrice: false },
  ],
}

describe('given a bulk re-evaluation of 24 SKUs and one the catalog does not know', () => {
  let quick: JobOut

  it('should answer with a running job and end DONE with the count the synchronous call gave', async () => {
    const started = await reevaluateMany([...SKUS, '999999'])

    expect(started).toMatchObject({ kind: 'REEVALUATE', status: 'RUNNING' })
    expect(started.progress.total).toBe(25)
    quick = await jobEnd(worker, started.id)
    // The old mutation answered the SKUs the catalog knows: 24.
    expect(quick).toMatchObject({
      status: 'DONE',
      error: null,
      result: { reevaluated: 24, preview: null, pruned: null },
      progress: { done: 25, total: 25 },
    })
  })

  describe('when every SKU context takes 800 ms', () => {
    it('should still answer within the bound, show progress, and end with the same count', async () => {
      await slow(SKU_CONTEXT, 800)
      const { value: started, ms } = await timed(() =>
        reevaluateMany([...SKUS, '999999'])
      )

      expect(ms).toBeLessThan(BOUND_MS)
      expect(started.status).toBe('RUNNING')
      // Seven rounds of four at 800 ms each: the work itself takes several seconds.
      const partway = await waitFor('some progress', async () => {
        const job = await jobOf(worker, started.id)

        return job && job.progress.done > 0 ? job : null
      })

      expect(partway.status).toBe('RUNNING')
      expect(partway.progress.done).toBeLessThan(25)
      const { value: ended, ms: total } = await timed(() =>
        jobEnd(worker, started.id)
      )

      expect(ms + total).toBeGreaterThan(BOUND_MS * 2)
      expect(ended.result).toEqual(quick.result)
    })
  })
})

describe('given decisions for 24 SKUs and a settings change to review', () => {
  let quick: JobOut

  it('should answer with a job whose result is the per-channel preview', async () => {
    quick = await jobEnd(worker, (await settingsPreview(PREVIEW_INPUT)).id)

    expect(quick.status).toBe('DONE')
    expect(quick.result?.preview?.map((p) => p.channel).sort()).toEqual([
      'GGL',
      'MKB',
    ])
  })

  it('should refuse an invalid input at once, as an error rather than a job', async () => {
    const res = await graphql(
      worker,
      `
        query ($input: SettingsInput!) {
          settingsPreview(input: $input) {
            id
          }
        }
      `,
      { input: { channels: [{ channel: 'MKB', exposeAt: 0 }] } }
    )

    expect(res.errors?.[0]?.message).toContain('THRESHOLD_BELOW_ONE')
  })

  describe('when every Master Data search takes 2.5 s', () => {
    it('should still answer within the bound and end with the same preview', async () => {
      await slow(MD_SEARCH, 2_500)
      const { value: started, ms } = await timed(() =>
        settingsPreview(PREVIEW_INPUT)
      )

      expect(ms).toBeLessThan(BOUND_MS)
      expect(started).toMatchObject({
        kind: 'SETTINGS_PREVIEW',
        status: 'RUNNING',
      })
      const ended = await jobEnd(worker, started.id)

      expect(ended.status).toBe('DONE')
      expect(ended.result).toEqual(quick.result)
    })
  })
})

describe('given audit entries older than the retention', () => {
  it('should answer the tick within the bound while pruning them as a job that removes every one', async () => {
    const old = new Date(Date.now() - 400 * 86_400_000).toISOString()

    for (let i = 0; i < 5; i++) {
      const res = await vtex(
        emulator,
        'PUT',
        '/api/dataentities/sgaudit/documents?_schema=v1&an=marketplacea',
        {
          id: `old-${i}`,
          at: old,
          skuId: '1',
          productId: '1',
          channel: 'MKB',
          kind: 'STATUS_CHANGE',
          cause: 'EVENT',
          actor: null,
          fromStatus: 'WITHHELD',
          toStatus: 'EXPOSED',
          reasons: [],
          details: '{}',
        },
        'api.vtex.com'
      )

      expect(res.status).toBeLessThan(300)
    }

    await slow(MD_SEARCH, 2_500)
    const { value: tick, ms } = await timed(() => tickRoute(emulator, worker))

    // tickRoute also makes two refused calls and an admin call first: allow for them.
    expect(ms).toBeLessThan(BOUND_MS * 2)
    const { pruneJobId } = tick as { pruneJobId?: string | null }

    expect(pruneJobId).toEqual(expect.any(String))
    const ended = await jobEnd(worker, pruneJobId as string)

    expect(ended).toMatchObject({
      kind: 'AUDIT_PRUNE',
      status: 'DONE',
      result: { pruned: 5 },
    })
  })
})

describe('given a job of the master workspace', () => {
  it('should be no job at all in another workspace', async () => {
    const started = await reevaluateMany(['1'])

    await jobEnd(worker, started.id)
    const res = await graphql<{ job: JobOut | null }>(
      worker,
      `
        query ($id: ID!) {
          job(id: $id) {
            id
            status
          }
        }
      `,
      { id: started.id },
      'demo-admin-token',
      'dev1'
    )

    expect(res.errors).toBeUndefined()
    expect(res.data?.job).toBeNull()
  })
})

describe('given a running job whose worker is killed', () => {
  it('should read as FAILED with WORKER_LOST from the next worker, never running forever', async () => {
    await slow(SKU_CONTEXT, 1_500)
    const started = await reevaluateMany(SKUS)

    await waitFor('the job under way', async () => {
      const job = await jobOf(worker, started.id)

      return job?.status === 'RUNNING' ? job : null
    })
    worker.kill()
    await new Promise((r) => worker.child.once('exit', r))
    await control(emulator, 'DELETE', '/faults')
    worker = await startWorker(emulator.url, port, ENV)

    const ended = await jobEnd(worker, started.id)

    expect(ended).toMatchObject({ status: 'FAILED', error: 'WORKER_LOST' })
  })
})
