import {
  upstreamCode,
  UpstreamError,
  withPriority,
} from '../../clients/resilience'
import { channels as loadChannels } from '../shared/reference'
import { associatedSkus, collect } from './collect'
import { countingDeps, newTally } from './counting'
import { newSweepContext, processSku } from './process'
import { LockKeeper, releaseLock } from './lock'
import type { HeldLock } from './lock'
import { Progress } from './progress'
import { markFullSweepDone, readRun } from './runs'
import { isFullScope, isWholeChannel } from './scope'
import { isFinished } from './types'
import type { RunDoc, RunWaiting, SweepDeps, SweepEnv } from './types'
import { runWindow } from './window'
import { afterFailure } from './afterFailure'
import { chunkStore, runStore } from '../shared/stores/reconcile'
import { markBaselined, readBaselines } from '../shared/baselines'

class LostLock extends Error {}

/**
 * Runs (or resumes) one sweep while holding the account's lock: collect the scope's SKU ids into
 * chunks, then evaluate them in order, checking each product's association once, and persist
 * the cursor every few SKUs. Every upstream call is LOW priority: events go first.
 */
export function runSweep(env: SweepEnv, runId: string, held: HeldLock) {
  return withPriority('LOW', () => sweep(env, runId, held))
}

async function sweep(env: SweepEnv, runId: string, first: HeldLock) {
  const { deps: base, tuning } = env
  const tally = newTally()
  const deps = countingDeps(base, tally)
  const loaded = await readRun(base, runId)

  if (!loaded.run || isFinished(loaded.run.state)) {
    await releaseLock(base.docs, first)

    return loaded.run
  }

  const keeper = new LockKeeper(
    base.docs,
    first,
    () => base.now().getTime(),
    tuning.lockMs
  )

  try {
    return await loop(env, {
      runId,
      loadedRun: loaded.run,
      keeper,
      deps,
      tally,
    })
  } finally {
    await keeper.stop(true)
  }
}

async function loop(
  env: SweepEnv,
  {
    runId,
    loadedRun,
    keeper,
    deps,
    tally,
  }: {
    runId: string
    loadedRun: RunDoc
    keeper: LockKeeper
    /** The run's deps, counting what it spends in `tally`. */
    deps: SweepDeps
    tally: ReturnType<typeof newTally>
  }
): Promise<RunDoc> {
  const { deps: base, tuning } = env

  let run: RunDoc = {
    ...loadedRun,
    state: 'RUNNING',
    owner: base.workerId,
    startedAt: loadedRun.startedAt ?? base.now().toISOString(),
  }

  // Only `checkpoint` folds the progress into `run`, before it awaits anything: SKUs finishing
  // while it persists count towards the next one.
  const progress = new Progress()
  let mark = Date.now()
  // Any checkpoint but a failure's means the run moved on: it no longer waits for VTEX.
  const checkpoint = async (
    final?: RunDoc['state'],
    waiting: RunWaiting | null = null
  ) => {
    run = { ...progress.foldInto(run), waiting }
    await keeper.beat()
    if (keeper.lost) throw new LostLock()
    const spent = { ...tally }
    const elapsed = Date.now() - mark

    // Counted since the last checkpoint; `written` stays (what this run left in the catalog).
    Object.assign(tally, {
      calls: {},
      statusChanges: 0,
      evaluateWrites: 0,
      checkWrites: 0,
    })
    mark = Date.now()
    const saved = await runStore(base.docs).update(runId, (current) => {
      const calls = { ...run.calls }

      for (const [api, n] of Object.entries(spent.calls))
        calls[api] = (calls[api] ?? 0) + n
      const cancelled = current?.cancelRequested === true
      const state = cancelled ? 'CANCELLED' : final ?? run.state

      return {
        ...run,
        calls,
        activeMs: run.activeMs + elapsed,
        driftFound: run.driftFound + spent.statusChanges + spent.evaluateWrites,
        driftFixed:
          run.driftFixed +
          spent.statusChanges +
          spent.evaluateWrites +
          spent.checkWrites,
        cancelRequested: cancelled,
        state,
        finishedAt: isFinished(state) ? base.now().toISOString() : null,
      }
    })

    run = saved as RunDoc

    return run
  }

  try {
    const channels = await loadChannels(deps)
    const checked = run.scope.channel
      ? channels.filter((c) => c.id === run.scope.channel)
      : channels

    const bulk = isFullScope(run.scope) || Boolean(run.scope.channel)
    // A sweep of every SKU on its channels is the baseline of those not baselined yet.
    const whole = isFullScope(run.scope) || isWholeChannel(run.scope)
    const baselined = whole ? await readBaselines(base.docs) : null
    const baseline = baselined
      ? checked.map((c) => c.id).filter((id) => !baselined(id))
      : []

    const associated = bulk
      ? await associatedSkus(deps, checked, tuning.pageSize)
      : null

    if (run.cursor.phase === 'COLLECT') {
      const { total, chunks } = await collect(deps, runId, {
        scope: run.scope,
        pageSize: tuning.pageSize,
        associated,
        // A whole channel also covers the products its trade policy has without a decision
        // (drift the other way); a filtered one ("MKB's SKUs in ERROR") is only what it matches.
        channelSc: isWholeChannel(run.scope)
          ? checked[0]?.salesChannel ?? null
          : null,
      })

      run = {
        ...run,
        total,
        chunks,
        cursor: { phase: 'PROCESS', chunk: 0, index: 0 },
      }
    }

    await checkpoint()
    // Fewer stored decisions than half the run's SKUs × channels (a first sweep after install):
    // guessing "no state yet" saves each new SKU's lease read, and costs a known one a refused
    // write. One count, each time the run starts or resumes.
    const stored = await deps.projection.count({})
    const likelyNew = stored < (run.total * Math.max(1, channels.length)) / 2

    const sweepCtx = newSweepContext(base, {
      deps,
      channels,
      checked,
      associated,
      seen: new Set(),
      exposed: new Set(),
      tally,
      // Most SKUs a later sweep visits did not change: checked first, written only if they did.
      options: {
        cause: 'SWEEP',
        actor: run.startedBy,
        runId,
        likelyNew,
        checkFirst: true,
        // An ERROR sweep rewrites its SKUs' rows: an ERROR row may be the mark of a decision
        // that could not be stored, over a stored state that already differs (unsettled.ts).
        reproject: run.scope.statuses?.includes('ERROR') ?? false,
        baseline,
      },
    })

    while (run.cursor.phase === 'PROCESS' && run.cursor.chunk < run.chunks) {
      const { chunk } = run.cursor
      const { value } = await chunkStore(deps.docs).read({ runId, n: chunk })

      const stopped = await runWindow({
        ids: value.ids,
        from: run.cursor.index,
        concurrency: tuning.concurrency,
        every: tuning.checkpointEvery,
        process: (skuId) => processSku(env, sweepCtx, skuId),
        passed: (index, outcome) =>
          progress.passed({ phase: 'PROCESS', chunk, index }, outcome),
        checkpoint: async () => isFinished((await checkpoint()).state),
      })

      // Cancelled: what was in flight has finished meanwhile; record it too.
      if (stopped) return await checkpoint()
      progress.moveTo({ phase: 'PROCESS', chunk: chunk + 1, index: 0 })
      await checkpoint()
      if (isFinished(run.state)) return run
    }

    const done = await checkpoint('DONE')

    // Not fatal either: unrecorded, the next whole sweep is the baseline again (its SKUs decided
    // by now are no first decisions), and the snapshot waits for it.
    if (done.state === 'DONE' && baseline.length)
      await markBaselined(
        base.docs,
        baseline,
        done.finishedAt ?? base.now().toISOString()
      ).catch((error) =>
        base.log.warn({
          message: 'reconcile-baseline-mark-failed',
          runId,
          error: String(error),
        })
      )

    if (done.state === 'DONE' && isFullScope(done.scope)) {
      // Not fatal: the overview also reads the latest full run's own state.
      await markFullSweepDone(
        base,
        done.finishedAt ?? base.now().toISOString()
      ).catch((error) =>
        base.log.warn({
          message: 'reconcile-full-done-mark-failed',
          runId,
          error: String(error),
        })
      )
    }

    return done
  } catch (error) {
    if (error instanceof LostLock) {
      base.log.warn({ message: 'reconcile-lock-lost', runId })

      return progress.foldInto(run)
    }

    const code = upstreamCode(error)
    const api = error instanceof UpstreamError ? error.api : null

    base.log.error({
      message: 'reconcile-run-failed',
      runId,
      code,
      api,
      error: String(error),
    })
    run = {
      ...run,
      errors: { ...run.errors, [code]: (run.errors[code] ?? 0) + 1 },
    }
    const next = afterFailure(run, code, api, base.now())

    run = next.run

    // Left RUNNING with the lock freed: this worker tries again at `waiting.nextAttemptAt`
    // (see runner.ts), and the scheduler's tick resumes it if this worker is gone.
    return checkpoint(next.state, next.run.waiting ?? null).catch(() => run)
  }
}
