import { randomBytes } from 'crypto'

import type { EngineDeps } from '../shared/deps'
import { readLock, takeLock } from './lock'
import { isFullScope, normaliseScope } from './scope'
import type { HeldLock } from './lock'
import { isFinished, SweepError } from './types'
import type { RunDoc, RunTrigger, SweepScope } from './types'
import { runIndexStore, runStore } from '../shared/stores/reconcile'

type Deps = Pick<EngineDeps, 'docs' | 'now' | 'workerId'>

const KEPT_RUNS = 100

/** A run's id: its creation time, compact, and 6 hex digits (also its VBase path's name). */
const newRunId = (now: Date) =>
  `${now.toISOString().replace(/[-:.TZ]/g, '')}-${randomBytes(3).toString(
    'hex'
  )}`

/** Whether `id` is a run id as `newRunId` makes them: never a path or another document's name. */
export const isRunId = (id: string) => /^[0-9]{17}-[0-9a-f]{6}$/.test(id)

export async function readRun(deps: Pick<EngineDeps, 'docs'>, id: string) {
  const { value, etag } = await runStore(deps.docs).read(id)

  return { run: value, etag }
}

/**
 * Creates a run and takes the lock for it. One sweep per account: when a live lock belongs to
 * an unfinished run, answers SWEEP_ALREADY_RUNNING with that run's id.
 */
// eslint-disable-next-line max-params -- an options object is left to the storage work on this call (issue 19 item 3)
export async function createRun(
  deps: Deps,
  scopeInput: SweepScope,
  trigger: RunTrigger,
  startedBy: string | null,
  lockMs: number
): Promise<{ run: RunDoc; held: HeldLock }> {
  const scope = normaliseScope(scopeInput)
  const now = deps.now()
  const seen = await readLock(deps.docs)

  if (seen.lock.until > now.getTime()) {
    const { run } = await readRun(deps, seen.lock.runId)

    if (run && !isFinished(run.state))
      throw new SweepError('SWEEP_ALREADY_RUNNING', run.id)
  }

  const id = newRunId(now)

  const held = await takeLock(deps.docs, {
    runId: id,
    owner: deps.workerId,
    now: now.getTime(),
    lockMs,
    seen,
  })

  if (!held) {
    const again = await readLock(deps.docs)

    throw new SweepError('SWEEP_ALREADY_RUNNING', again.lock.runId || null)
  }

  const run: RunDoc = {
    id,
    state: 'QUEUED',
    scope,
    trigger,
    startedBy,
    createdAt: now.toISOString(),
    startedAt: null,
    finishedAt: null,
    activeMs: 0,
    done: 0,
    total: 0,
    chunks: 0,
    driftFound: 0,
    driftFixed: 0,
    errors: {},
    calls: {},
    cursor: { phase: 'COLLECT', page: 1, chunks: 0, collected: 0 },
    cancelRequested: false,
    resumes: 0,
    owner: deps.workerId,
  }

  await runStore(deps.docs).write(id, run, null)
  await runIndexStore(deps.docs).update((index) => ({
    ...index,
    ids: [id, ...index.ids].slice(0, KEPT_RUNS),
    ...(isFullScope(scope) ? { lastFullId: id } : {}),
  }))

  return { run, held }
}

/** Records, once, that a full sweep finished: the catalog has been decided as a whole. */
export async function markFullSweepDone(
  deps: Pick<EngineDeps, 'docs'>,
  at: string
) {
  await runIndexStore(deps.docs).update((index) =>
    index.fullDoneAt ? index : { ...index, fullDoneAt: at }
  )
}

export interface FirstSweep {
  /** Has any full sweep finished DONE on this account and workspace. */
  done: boolean
  /** The latest full sweep, finished or not (null: none has started). */
  run: RunDoc | null
}

/**
 * What the overview needs before its figures can be read as facts: whether a full sweep ever
 * finished, and the latest one's progress. Indexes written before `lastFullId` existed are
 * looked through once (the runs they keep), and the answer is recorded.
 */
export async function firstSweep(
  deps: Pick<EngineDeps, 'docs'>
): Promise<FirstSweep> {
  const index = await readRunIndex(deps)

  if (index.lastFullId) {
    const { run } = await readRun(deps, index.lastFullId)

    return {
      done: Boolean(index.fullDoneAt) || run?.state === 'DONE',
      run,
    }
  }

  let latest: RunDoc | null = null
  let doneAt: string | null = null

  for (let i = 0; i < index.ids.length && !doneAt; i += 10) {
    const runs = await Promise.all(
      index.ids.slice(i, i + 10).map((id) => readRun(deps, id))
    )

    for (const { run } of runs) {
      if (!run || !isFullScope(run.scope)) continue
      latest ??= run
      if (run.state === 'DONE') {
        doneAt = run.finishedAt ?? run.createdAt
        break
      }
    }
  }

  if (doneAt) await markFullSweepDone(deps, doneAt)

  return { done: doneAt !== null, run: latest }
}

/** Asks the running loop to stop at its next checkpoint; a queued or orphaned run stops at once. */
export async function cancelRun(
  deps: Pick<EngineDeps, 'docs' | 'now'>,
  id: string
): Promise<RunDoc> {
  const lock = await readLock(deps.docs)
  const live = lock.lock.runId === id && lock.lock.until > deps.now().getTime()

  const updated = await runStore(deps.docs).update(id, (run) => {
    if (!run) throw new SweepError('RUN_NOT_FOUND', id)
    if (isFinished(run.state)) throw new SweepError('RUN_FINISHED', id)

    return live
      ? { ...run, cancelRequested: true }
      : {
          ...run,
          cancelRequested: true,
          state: 'CANCELLED',
          finishedAt: deps.now().toISOString(),
        }
  })

  return updated as RunDoc
}

async function readRunIndex(deps: Pick<EngineDeps, 'docs'>) {
  const { value } = await runIndexStore(deps.docs).read()

  return value
}

export async function latestRunId(deps: Pick<EngineDeps, 'docs'>) {
  return (await readRunIndex(deps)).ids
}

export async function listRuns(
  deps: Pick<EngineDeps, 'docs'>,
  page: number,
  pageSize: number
) {
  const ids = await latestRunId(deps)
  const slice = ids.slice((page - 1) * pageSize, page * pageSize)
  const runs = await Promise.all(slice.map((id) => readRun(deps, id)))

  return {
    items: runs.map((r) => r.run).filter((r): r is RunDoc => r !== null),
    total: ids.length,
  }
}

/** Rate (SKUs/s while processing), ETA and calls per SKU, derived for the admin. */
export function runMetrics(run: RunDoc) {
  const seconds = run.activeMs / 1000
  const rate = seconds > 0 && run.done > 0 ? run.done / seconds : null
  const left = Math.max(0, run.total - run.done)
  const calls = Object.values(run.calls).reduce((a, b) => a + b, 0)

  return {
    rate: rate === null ? null : Math.round(rate * 100) / 100,
    eta: isFinished(run.state) || rate === null ? null : Math.ceil(left / rate),
    upstreamCallsPerSku:
      run.done > 0 ? Math.round((calls / run.done) * 100) / 100 : null,
  }
}
