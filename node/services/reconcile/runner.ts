import type { Log } from '../shared/deps'
import { slot } from '../../memory/tenantMemory'
import { readLock, takeLock } from './lock'
import type { HeldLock } from './lock'
import { createRun, readRun } from './runs'
import { claimDue, readSchedule, releaseClaim } from './schedule'
import { runSweep } from './sweep'
import { isFinished, SweepError } from './types'
import type { RunDoc, RunTrigger, SweepEnv, SweepScope } from './types'

/**
 * The sweep runs in the background of the worker that holds the lock: IO answers the mutation
 * within its request timeout while the loop goes on. One loop per tenant (account and workspace,
 * whose locks are their own in VBase, so one's sweep never blocks another's), in its memory, by
 * worker id (one per process in IO). Safe to lose: the run document and the lock are the truth;
 * a run whose loop was forgotten is resumed as an orphan once its lock expires.
 */
const LOOPS = slot(
  'sweep-loops',
  () => new Map<string, Promise<RunDoc | null>>()
)

const loopsOf = (deps: Pick<SweepEnv['deps'], 'memory'>) =>
  deps.memory.get(LOOPS)

/** For tests: wait for one worker's loop for its tenant to end. */
export async function settled(
  deps: Pick<SweepEnv['deps'], 'memory' | 'workerId'>
) {
  await loopsOf(deps).get(deps.workerId)
}

function launch(env: SweepEnv, runId: string, held: HeldLock, log: Log) {
  const loops = loopsOf(env.deps)
  const key = env.deps.workerId

  loops.set(
    key,
    runSweep(env, runId, held)
      .then((run) => {
        if (run?.waiting && !isFinished(run.state)) retryLater(env, run)

        return run
      })
      .catch((error) => {
        log.error({
          message: 'reconcile-loop-failed',
          runId,
          error: String(error),
        })

        return null
      })
      .finally(() => loops.delete(key))
  )
}

/**
 * A run that waits for VTEX is tried again by this worker at its next attempt, not at the
 * scheduler's next tick (10 minutes later): it resumes soon after VTEX answers again. If this
 * worker is gone by then, the tick resumes it as any orphan.
 */
function retryLater(env: SweepEnv, run: RunDoc) {
  const at = Date.parse(run.waiting?.nextAttemptAt ?? '')
  const delay = Math.max(
    0,
    (Number.isNaN(at) ? 0 : at) - env.deps.now().getTime()
  )

  setTimeout(() => {
    if (loopsOf(env.deps).has(env.deps.workerId)) return
    resumeOrphan(env).catch((error) =>
      env.deps.log.error({
        message: 'reconcile-retry-failed',
        runId: run.id,
        error: String(error),
      })
    )
  }, delay).unref()
}

export async function startSweep(
  env: SweepEnv,
  scope: SweepScope,
  trigger: RunTrigger,
  actor: string | null
): Promise<RunDoc> {
  if (loopsOf(env.deps).has(env.deps.workerId)) {
    const { lock } = await readLock(env.deps.docs)

    throw new SweepError('SWEEP_ALREADY_RUNNING', lock.runId || null)
  }

  // An unfinished run whose worker died is resumed rather than abandoned for a new one.
  const orphan = await resumeOrphan(env)

  if (orphan) throw new SweepError('SWEEP_ALREADY_RUNNING', orphan.runId)
  const { run, held } = await createRun(
    env.deps,
    scope,
    trigger,
    actor,
    env.tuning.lockMs
  )

  env.deps.log.info({ message: 'reconcile-start-done', runId: run.id, trigger })
  launch(env, run.id, held, env.deps.log)

  return run
}

export type TickOutcome = 'BUSY' | 'RESUMED' | 'STARTED' | 'IDLE'

/** Takes over a run whose worker died (its lock expired before the run finished). */
async function resumeOrphan(
  env: SweepEnv
): Promise<{ outcome: TickOutcome; runId: string | null } | null> {
  const { deps } = env
  const now = deps.now().getTime()
  const seen = await readLock(deps.docs)

  if (seen.lock.until > now) return { outcome: 'BUSY', runId: seen.lock.runId }
  if (!seen.lock.runId) return null
  const { run } = await readRun(deps, seen.lock.runId)

  if (!run || isFinished(run.state)) return null
  const held = await takeLock(deps.docs, {
    runId: run.id,
    owner: deps.workerId,
    now,
    lockMs: env.tuning.lockMs,
    seen,
  })

  if (!held) return { outcome: 'BUSY', runId: run.id }
  deps.log.info({
    message: 'reconcile-resume-done',
    runId: run.id,
    done: run.done,
  })
  launch(env, run.id, held, deps.log)

  return { outcome: 'RESUMED', runId: run.id }
}

/**
 * What the scheduler's call (and the local ticker) does: resume a run whose worker died (its
 * lock expired), else start a scheduled sweep that is due.
 */
export async function tick(
  env: SweepEnv
): Promise<{ outcome: TickOutcome; runId: string | null }> {
  if (loopsOf(env.deps).has(env.deps.workerId))
    return { outcome: 'BUSY', runId: null }
  const { deps } = env
  const resumed = await resumeOrphan(env)

  if (resumed) return resumed
  const due = await claimDue(deps, await readSchedule(deps), deps.now())

  if (!due) return { outcome: 'IDLE', runId: null }
  try {
    const run = await startSweep(env, due.scope, due.trigger, null)

    return { outcome: 'STARTED', runId: run.id }
  } catch (error) {
    // Not started: the slot goes back, so the next tick starts it (10 minutes, not a period).
    await releaseClaim(deps, due).catch((failure) =>
      deps.log.warn({
        message: 'reconcile-claim-release-failed',
        error: String(failure),
      })
    )
    if (error instanceof SweepError)
      return { outcome: 'BUSY', runId: error.runId }
    throw error
  }
}
