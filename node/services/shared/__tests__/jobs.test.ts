import { TenantMemory } from '../../../memory/tenantMemory'
import type { EngineDeps } from '../deps'
import { BUCKET_JOBS, readJob, settledJobs, startJob } from '../jobs'
import { FakeDocs } from './fakes'

const log = { info: jest.fn(), warn: jest.fn(), error: jest.fn() }

function depsAt(docs: FakeDocs, now: () => Date, workspace = 'master') {
  return {
    docs,
    now,
    log,
    workerId: 'w1',
    tenant: { account: 'acc', workspace },
    memory: new TenantMemory(),
  } as Pick<
    EngineDeps,
    'docs' | 'now' | 'log' | 'workerId' | 'tenant' | 'memory'
  >
}

describe('given a job started on a worker', () => {
  beforeEach(() => {
    process.env.JOB_HEARTBEAT_MS = '20'
  })

  afterAll(() => {
    delete process.env.JOB_HEARTBEAT_MS
  })

  describe('when its work reports progress and then returns a value', () => {
    it('should answer RUNNING at once, persist progress while it runs, and end DONE with the value', async () => {
      const docs = new FakeDocs()
      const deps = depsAt(docs, () => new Date())
      let finish: (n: number) => void = () => undefined
      let report: ((d: number, t: number) => void) | null = null

      const job = await startJob(deps, 'REEVALUATE', 'ops@acme.com', (r) => {
        report = r.progress

        return new Promise<number>((resolve) => {
          finish = resolve
        })
      })

      expect(job).toMatchObject({
        kind: 'REEVALUATE',
        status: 'RUNNING',
        startedBy: 'ops@acme.com',
        progress: { done: 0, total: 0 },
      })
      ;(report as unknown as (d: number, t: number) => void)(3, 10)
      await new Promise((r) => setTimeout(r, 60))
      expect((await readJob(deps, job.id))?.progress).toEqual({
        done: 3,
        total: 10,
      })

      finish(7)
      await settledJobs(deps)
      expect(await readJob(deps, job.id)).toMatchObject({
        status: 'DONE',
        result: 7,
        error: null,
        finishedAt: expect.any(String),
      })
    })
  })

  describe('when its work throws an upstream error', () => {
    it('should end FAILED with the error code, not a sentence', async () => {
      const docs = new FakeDocs()
      const deps = depsAt(docs, () => new Date())
      const job = await startJob(deps, 'SETTINGS_PREVIEW', null, async () => {
        throw Object.assign(new Error('boom'), { response: { status: 503 } })
      })

      await settledJobs(deps)
      expect(await readJob(deps, job.id)).toMatchObject({
        status: 'FAILED',
        error: 'UPSTREAM_UNAVAILABLE',
        result: null,
      })
    })
  })
})

describe('given a job that keeps its input and a checkpoint', () => {
  describe('when its work fails after a checkpoint', () => {
    it('should keep the input and the last checkpoint on the FAILED document, for a resume', async () => {
      const docs = new FakeDocs()
      const deps = depsAt(docs, () => new Date())
      const job = await startJob(
        deps,
        'OVERRIDE_MATCHING',
        null,
        async (report) => {
          report.progress(100, 120)
          report.checkpoint({ after: 'cursor-100', done: 100 })
          throw Object.assign(new Error('boom'), { response: { status: 500 } })
        },
        120,
        { input: { expected: 120 }, checkpoint: { after: null, done: 0 } }
      )

      expect(job).toMatchObject({
        input: { expected: 120 },
        checkpoint: { after: null, done: 0 },
      })
      await settledJobs(deps)
      expect(await readJob(deps, job.id)).toMatchObject({
        status: 'FAILED',
        input: { expected: 120 },
        checkpoint: { after: 'cursor-100', done: 100 },
        progress: { done: 100, total: 120 },
      })
    })
  })
})

describe('given a RUNNING job document whose heartbeat stopped', () => {
  it.each([
    ['a heartbeat just now', 'RUNNING', 0, null],
    ['five missed heartbeats', 'RUNNING', 5 * 5_000, null],
    ['six missed heartbeats', 'FAILED', 6 * 5_000, 'WORKER_LOST'],
    ['an hour of silence', 'FAILED', 3_600_000, 'WORKER_LOST'],
  ])('with %s, should read as %s', async (_label, status, ago, error) => {
    const docs = new FakeDocs()
    const now = new Date('2026-12-02T12:00:00.000Z')
    const id = '20261202115900000-0a1b2c3d'

    docs.files.set(`${BUCKET_JOBS}/jobs/${id}`, {
      value: {
        id,
        kind: 'REEVALUATE',
        status: 'RUNNING',
        progress: { done: 1, total: 4 },
        result: null,
        error: null,
        startedBy: null,
        owner: 'dead-worker',
        createdAt: new Date(now.getTime() - ago - 1000).toISOString(),
        heartbeatAt: new Date(now.getTime() - ago).toISOString(),
        finishedAt: null,
      },
      etag: '"1"',
    })
    const job = await readJob(
      depsAt(docs, () => now),
      id
    )

    expect(job).toMatchObject({ status, error })
  })
})

describe('given an id that is not a job id', () => {
  it.each(['', 'x', '../settings.json', 'runs/index'])(
    'should read %p as no job without touching storage',
    async (id) => {
      const docs = new FakeDocs()

      expect(
        await readJob(
          depsAt(docs, () => new Date()),
          id
        )
      ).toBeNull()
      expect(docs.reads).toEqual({})
    }
  )
})

describe('given more jobs than the bucket keeps', () => {
  it('should delete the oldest job document once 200 newer ones exist', async () => {
    const removed: string[] = []
    const docs = Object.assign(new FakeDocs(), {
      remove: async (bucket: string, path: string) => {
        removed.push(`${bucket}/${path}`)
      },
    })

    const deps = depsAt(docs, () => new Date())
    const ids: string[] = []

    for (let i = 0; i < 201; i++) {
      ids.push((await startJob(deps, 'REEVALUATE', null, async () => i)).id)
    }

    await settledJobs(deps)
    expect(removed).toEqual([`${BUCKET_JOBS}/jobs/${ids[0]}`])
  })
})
