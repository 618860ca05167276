import type { Log } from '../deps'
import { readLock, takeLock } from './lock'
import type { HeldLock } from './lock'
import { createRun, readRun } from './runs'
import { claimDue, readSchedule } from './schedule'
import { runSweep } from './sweep'
import type { SweepEnv } from './sweep'
import { isFinished, SweepError } from './types'
import type { RunDoc, RunTrigger, SweepScope } from './types'

/**
 * The sweep runs in the background of the worker that holds the lock: IO answers the mutation
 * within its request timeout while the loop goes on. One loop per process at most.
 */
let active: Promise<RunDoc | null> | null = null

export const sweepActive = () => active !== null

/** For tests: wait for this process's loop to end. */
export async function settled() {
  await active
}

function launch(env: SweepEnv, runId: string, held: HeldLock, log: Log) {
  active = runSweep(env, runId, held)
    .catch((error) => {
      log.error({
        message: 'reconcile-loop-failed',
        runId,
        error: String(error),
      })

      return null
    })
    .finally(() => {
      active = null
    })
}

export async function startSweep(
  env: SweepEnv,
  scope: SweepScope,
  trigger: RunTrigger,
  actor: string | null
): Promise<RunDoc> {
  if (active) {
    const { lock } = await readLock(env.deps.docs)

    throw new SweepError('SWEEP_ALREADY_RUNNING', lock.runId || null)
  }

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

/**
 * What the scheduler's call (and the local ticker) does: resume a run whose worker died (its
 * lock expired), else start a scheduled sweep that is due.
 */
export async function tick(
  env: SweepEnv
): Promise<{ outcome: TickOutcome; runId: string | null }> {
  if (active) return { outcome: 'BUSY', runId: null }
  const { deps } = env
  const now = deps.now().getTime()
  const seen = await readLock(deps.docs)

  if (seen.lock.until > now) return { outcome: 'BUSY', runId: seen.lock.runId }
  if (seen.lock.runId) {
    const { run } = await readRun(deps, seen.lock.runId)

    if (run && !isFinished(run.state)) {
      const held = await takeLock(
        deps.docs,
        run.id,
        deps.workerId,
        now,
        env.tuning.lockMs,
        seen
      )

      if (!held) return { outcome: 'BUSY', runId: run.id }
      deps.log.info({
        message: 'reconcile-resume-done',
        runId: run.id,
        done: run.done,
      })
      launch(env, run.id, held, deps.log)

      return { outcome: 'RESUMED', runId: run.id }
    }
  }

  const due = await claimDue(deps, await readSchedule(deps), deps.now())

  if (!due) return { outcome: 'IDLE', runId: null }
  try {
    const run = await startSweep(env, due.scope, due.trigger, null)

    return { outcome: 'STARTED', runId: run.id }
  } catch (error) {
    if (error instanceof SweepError)
      return { outcome: 'BUSY', runId: error.runId }
    throw error
  }
}
