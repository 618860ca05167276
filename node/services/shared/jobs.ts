import { randomBytes } from 'crypto'

import { upstreamCode } from '../../clients/resilience'
import type { StateDocs } from '../../clients/stateDocs'
import { slot } from '../../memory/tenantMemory'
import type { EngineDeps } from './deps'
import { BUCKET_JOBS, jobIndexStore, jobPath, jobStore } from './stores/jobs'
import type { JobDoc, JobKind } from './stores/jobs'

/**
 * Background jobs: work that can outlast IO's request `timeout` (service.json) answers at once
 * with a job, and the admin follows it by id, as it follows a sweep. The job document lives in
 * the app's VBase, which is per account and workspace, so one tenant never sees another's.
 * While the job runs, its worker rewrites the document every heartbeat; a document whose
 * heartbeat stopped (the worker died or was recycled) reads as FAILED with WORKER_LOST, never as
 * running forever. Jobs are not resumed on their own: most are cheap to start again from the
 * admin; one that changes many rows keeps its input and a checkpoint, for a new job to continue.
 */
export { BUCKET_JOBS } from './stores/jobs'
export type { JobDoc } from './stores/jobs'

type Deps = Pick<
  EngineDeps,
  'now' | 'log' | 'workerId' | 'tenant' | 'memory'
> & {
  // `remove` is optional so the engine's narrower docs fit; the IO client has it.
  docs: EngineDeps['docs'] & Partial<Pick<StateDocs, 'remove'>>
}

const KEPT_JOBS = 200

const positive = (value: string | undefined, fallback: number) => {
  const n = Number(value)

  return Number.isInteger(n) && n > 0 ? n : fallback
}

/** How often a running job's document is rewritten (tests shorten it). */
export const heartbeatMs = () => positive(process.env.JOB_HEARTBEAT_MS, 5_000)
/** Several heartbeats missed: the worker is gone (a storage hiccup skips one, not six). */
const staleMs = () => heartbeatMs() * 6

/**
 * The tenant's jobs this process runs, by id (for tests: wait for them). Safe to lose: a job's
 * document is the truth, and one whose heartbeat stops is taken for dead.
 */
const RUNNING = slot('jobs-running', () => new Map<string, Promise<unknown>>())

export async function settledJobs(deps: Pick<Deps, 'memory'>) {
  await Promise.all(deps.memory.get(RUNNING).values())
}

export interface JobReport {
  /** The job's id (a run's id for the audit entries it tags). */
  readonly id: string
  /** Progress so far; persisted at the next heartbeat. */
  progress(done: number, total: number): void
  /** Where the work stands, for a resumed job to start from; persisted with the progress. */
  checkpoint(value: unknown): void
}

export interface JobOptions {
  input?: unknown
  /** Where a resumed job starts (the failed job's last checkpoint). */
  checkpoint?: unknown
}

/**
 * Creates the job's document, then runs `work` in the background of this worker and answers
 * with the document as created. `work`'s result is stored with the job when it ends.
 */
// eslint-disable-next-line max-params -- an options object is left to the storage work on this call (issue 19 item 3)
export async function startJob<R>(
  deps: Deps,
  kind: JobKind,
  startedBy: string | null,
  work: (report: JobReport) => Promise<R>,
  total = 0,
  options: JobOptions = {}
): Promise<JobDoc<R>> {
  const now = deps.now().toISOString()
  const id = `${now.replace(/[-:.TZ]/g, '')}-${randomBytes(4).toString('hex')}`
  const job: JobDoc<R> = {
    id,
    kind,
    status: 'RUNNING',
    progress: { done: 0, total },
    result: null,
    error: null,
    startedBy,
    owner: deps.workerId,
    createdAt: now,
    heartbeatAt: now,
    finishedAt: null,
    ...(options.input === undefined ? {} : { input: options.input }),
    ...(options.checkpoint === undefined
      ? {}
      : { checkpoint: options.checkpoint }),
  }

  await jobStore<R>(deps.docs).write(id, job, null)
  await remember(deps, id)

  const running = deps.memory.get(RUNNING)
  const key = id

  running.set(
    key,
    run(deps, job, work).finally(() => running.delete(key))
  )

  return job
}

async function run<R>(
  deps: Deps,
  job: JobDoc<R>,
  work: (report: JobReport) => Promise<R>
) {
  let { progress, checkpoint } = job
  // Writes are chained so the heartbeat and the final write never race on the document.
  let chain: Promise<unknown> = Promise.resolve()
  const save = (patch: Partial<JobDoc<R>>) => {
    chain = chain
      .then(() =>
        jobStore<R>(deps.docs).update(job.id, (current) =>
          current && current.status === 'RUNNING'
            ? {
                ...current,
                progress,
                ...(checkpoint === undefined ? {} : { checkpoint }),
                heartbeatAt: deps.now().toISOString(),
                ...patch,
              }
            : null
        )
      )
      .catch((error) =>
        deps.log.warn({
          message: 'job-save-failed',
          jobId: job.id,
          error: String(error),
        })
      )

    return chain
  }

  const timer = setInterval(() => save({}), heartbeatMs())

  timer.unref()
  try {
    const result = await work({
      id: job.id,
      progress: (done, total) => {
        progress = { done, total }
      },
      checkpoint: (value) => {
        checkpoint = value
      },
    })

    clearInterval(timer)
    await save({
      status: 'DONE',
      result,
      finishedAt: deps.now().toISOString(),
    })
    deps.log.info({ message: 'job-done', jobId: job.id, kind: job.kind })
  } catch (error) {
    clearInterval(timer)
    const code = upstreamCode(error)

    deps.log.error({
      message: 'job-failed',
      jobId: job.id,
      kind: job.kind,
      code,
      error: String(error),
    })
    await save({
      status: 'FAILED',
      error: code,
      finishedAt: deps.now().toISOString(),
    })
  }
}

/** The job as the admin sees it; a running job whose worker stopped beating reads as FAILED. */
export async function readJob<R = unknown>(
  deps: Pick<Deps, 'docs' | 'now'>,
  id: string
): Promise<JobDoc<R> | null> {
  // Ids are what startJob makes; anything else is no job (and no odd VBase path).
  if (!/^[0-9]{8,20}-[0-9a-f]{8}$/.test(id)) return null
  const { value } = await jobStore<R>(deps.docs).read(id)

  if (!value || value.status !== 'RUNNING') return value
  const now = deps.now()

  if (now.getTime() - Date.parse(value.heartbeatAt) < staleMs()) return value
  const lost = await jobStore<R>(deps.docs).update(id, (current) =>
    current &&
    current.status === 'RUNNING' &&
    now.getTime() - Date.parse(current.heartbeatAt) >= staleMs()
      ? {
          ...current,
          status: 'FAILED',
          error: 'WORKER_LOST',
          finishedAt: now.toISOString(),
        }
      : null
  )

  return lost ?? readJob<R>(deps, id)
}

/** Keeps the latest jobs' ids; older job documents are deleted, so the bucket stays small. */
async function remember(deps: Deps, id: string) {
  let dropped: string[] = []

  await jobIndexStore(deps.docs).update((index) => {
    const ids = [id, ...index.ids.filter((i) => i !== id)]

    dropped = ids.slice(KEPT_JOBS)

    return { ids: ids.slice(0, KEPT_JOBS) }
  })
  const { docs } = deps

  if (docs.remove) {
    await Promise.all(
      dropped.map((old) => docs.remove?.(BUCKET_JOBS, jobPath(old)))
    ).catch(() => undefined)
  }
}
