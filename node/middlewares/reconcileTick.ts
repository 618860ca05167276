import type { ServiceContext } from '@vtex/api'
import { AuthenticationError } from '@vtex/api'

import type { Clients } from '../clients'
import {
  ensureLocalTicker,
  settleAfterTick,
  sweepEnv,
  tickTarget,
} from '../services/reconcile/env'
import {
  renewTickIfDue,
  TICK_HEADER,
  validTick,
} from '../services/reconcile/register'
import { tick } from '../services/reconcile/runner'
import { recordTick } from '../services/reconcile/schedule'
import type { TickRecord } from '../services/reconcile/schedule'
import { applyBudgetSettings } from '../services/operator/budgetSettings'
import { depsOf } from '../services/compose'
import { startPruneIfDue } from '../services/operator/jobKinds'

/**
 * vtex.scheduler's callback, public so the scheduler can reach it, refused without the secret
 * the app registered with the schedule (on install: events/appSetup.ts). Idempotent: it only
 * extends the task's lease once a day, resumes a run whose worker died,
 * starts a scheduled sweep the operator's schedule says is due, and settles catalog writes left
 * pending.
 */
export async function reconcileTick(
  ctx: ServiceContext<Clients>,
  next: () => Promise<void>
) {
  if (
    !(await validTick(
      { docs: ctx.clients.stateDocs },
      ctx.get(TICK_HEADER) || undefined
    ))
  )
    throw new AuthenticationError('UNAUTHENTICATED')
  const env = sweepEnv(ctx.clients, ctx.vtex.logger)
  const calledAt = env.deps.now()
  // What the Reconciliation page shows of the last call, with how it ended, so that a tick that
  // keeps failing is not taken for a healthy one; recording it never fails the tick.
  const record = (outcome: TickRecord) =>
    recordTick(env.deps, calledAt, outcome).catch((error) =>
      ctx.vtex.logger.warn({
        message: 'reconcile-tick-record-failed',
        error: String(error),
      })
    )

  let result: Awaited<ReturnType<typeof tick>>

  try {
    await applyBudgetSettings(
      ctx.clients.memory.account(ctx.vtex.account),
      () => ctx.clients.apps.getAppSettings(process.env.VTEX_APP_ID ?? '')
    )
    ensureLocalTicker(ctx.clients, ctx.vtex.logger)
    // The task's lease: a day's first tick extends it by a week (no uninstall event exists).
    await renewTickIfDue(
      depsOf(ctx),
      ctx.clients.scheduler,
      tickTarget(ctx.vtex)
    )
    result = await tick(env)
  } catch (error) {
    ctx.vtex.logger.error({
      message: 'reconcile-tick-failed',
      error: String((error as { message?: string })?.message ?? error),
    })
    await record('FAILED')
    throw error
  }

  await record(result.outcome)

  // Catalog writes VTEX kept refusing, or that a restart cut short: within 10 minutes, not a day.
  settleAfterTick(ctx.clients, ctx.vtex.logger)

  // The audit trail's retention rides on the same tick, at most once a day across workers, as a
  // job: deleting a backlog of entries can outlast the request's timeout.
  const prune = await startPruneIfDue(depsOf(ctx)).catch((error) => {
    ctx.vtex.logger.warn({
      message: 'retention-prune-failed',
      error: String(error),
    })

    return null
  })

  ctx.vtex.logger.info({
    message: `reconcile-tick-${result.outcome.toLowerCase()}`,
    runId: result.runId,
  })
  ctx.status = 200
  ctx.body = { ...result, pruneJobId: prune?.id ?? null }
  await next()
}
