import type { ServiceContext } from '@vtex/api'

import type { Clients } from '../clients'
import { ensureLocalTicker, sweepEnv } from '../services/reconcile/env'
import { tick } from '../services/reconcile/runner'

/**
 * vtex.scheduler's callback. Idempotent and harmless to call at any time: it only resumes a run
 * whose worker died or starts a scheduled sweep the operator's schedule says is due.
 */
export async function reconcileTick(
  ctx: ServiceContext<Clients>,
  next: () => Promise<void>
) {
  ensureLocalTicker(ctx.clients, ctx.vtex.logger)
  const result = await tick(sweepEnv(ctx.clients, ctx.vtex.logger))

  ctx.vtex.logger.info({
    message: `reconcile-tick-${result.outcome.toLowerCase()}`,
    runId: result.runId,
  })
  ctx.status = 200
  ctx.body = result
  await next()
}
