import { upstreamCode } from '../../clients/resilience'
import { evaluateSku } from '../evaluation/evaluate'
import { evaluationFailed } from '../projection/auditEntries'
import type { EvaluationResult } from '../evaluation/evaluateTypes'
import { countingDeps } from './counting'
import type { Tally } from './counting'
import { checkProduct } from './drift'
import type { DriftContext, DriftResult } from './drift'
import { ProductGate } from './productGate'
import type { Holder } from './productGate'
import type { SkuOutcome, SweepDeps, SweepEnv } from './types'

/** Codes after which the API is saturated or down: wait and retry the SKU rather than skip it. */
const WAIT_CODES = [
  'UPSTREAM_RATE_LIMITED',
  'CIRCUIT_OPEN',
  'UPSTREAM_UNAVAILABLE',
]

/** 1 + 2 + 4 + 8 + 16 s: outlasts a dead worker's 30 s lease on a SKU or claim on a product. */
const backoff = (attempt: number) => Math.min(30_000, 1000 * 2 ** (attempt - 1))

/** What the sweep shares between the SKUs it has in flight. */
export interface SweepContext {
  /** The sweep's deps before counting (each SKU counts through its own, see `processSku`). */
  base: SweepDeps
  ctx: DriftContext
  /** One SKU at a time in a product. */
  gate: ProductGate
}

export const newSweepContext = (
  base: SweepDeps,
  ctx: DriftContext
): SweepContext => ({ base, ctx, gate: new ProductGate() })

/**
 * The run's tally as one SKU counts into it: every count goes to the run's at once, but the
 * phase (set by the drift check, to tell its writes from the evaluation's) is this SKU's own.
 */
function skuTally(run: Tally): Tally {
  let phase: Tally['phase'] = 'EVALUATE'

  return {
    get calls() {
      return run.calls
    },
    get written() {
      return run.written
    },
    get statusChanges() {
      return run.statusChanges
    },
    set statusChanges(n) {
      run.statusChanges = n
    },
    get evaluateWrites() {
      return run.evaluateWrites
    },
    set evaluateWrites(n) {
      run.evaluateWrites = n
    },
    get checkWrites() {
      return run.checkWrites
    },
    set checkWrites(n) {
      run.checkWrites = n
    },
    get phase() {
      return phase
    },
    set phase(p) {
      phase = p
    },
  }
}

/**
 * Evaluates one SKU, waiting out a saturated API, then checks its product's association.
 * Several run at once, sharing the run's tally (see `skuTally`).
 */
export function processSku(
  env: SweepEnv,
  sweep: SweepContext,
  skuId: string
): Promise<SkuOutcome> {
  const tally = skuTally(sweep.ctx.tally)
  const ctx: DriftContext = {
    ...sweep.ctx,
    deps: countingDeps(sweep.base, tally),
    tally,
  }

  const holder = sweep.gate.holder()

  return evaluateAndCheck(env, sweep, { ctx, holder }, skuId)
    .finally(() => holder.release(true))
    .then(async (outcome) => {
      if (outcome.errorCode) await recordFailure(ctx, skuId, outcome.errorCode)

      return outcome
    })
}

/** One audit entry per SKU the run could not decide, with the code (its detail lists it). */
async function recordFailure(ctx: DriftContext, skuId: string, code: string) {
  const { runId, actor } = ctx.options

  if (!runId) return
  await ctx.deps.audit
    .append(
      evaluationFailed({
        runId,
        at: ctx.deps.now().toISOString(),
        skuId,
        code,
        actor: actor ?? null,
      })
    )
    .catch((error) =>
      ctx.deps.log.warn({
        message: 'reconcile-failure-audit-failed',
        runId,
        skuId,
        error: String(error),
      })
    )
}

async function evaluateAndCheck(
  env: SweepEnv,
  { base, gate }: SweepContext,
  {
    ctx,
    holder,
  }: {
    /** This SKU's context, its tally folded into the run's. */
    ctx: DriftContext
    /** Its place in the product gate: one SKU of a product checks it at a time. */
    holder: Holder
  },
  skuId: string
): Promise<SkuOutcome> {
  const failed = (errorCode: string) => ({ errorCode, driftFound: 0 })
  let result: EvaluationResult | null = null

  const deps = countingDeps(gate.deps(base, holder), ctx.tally)

  for (let attempt = 1; ; attempt++) {
    try {
      result = await evaluateSku(deps, skuId, ctx.options)
    } catch (error) {
      result = {
        skuId,
        outcome: 'FAILED',
        decisions: [],
        errorCode: upstreamCode(error),
      }
    }

    const code = result.errorCode ?? ''
    // A saturated API, or a SKU leased by another worker (an event evaluating it, or a dead
    // worker whose lease runs out within LEASE_MS): wait and evaluate it, never skip it.
    const wait =
      result.outcome === 'DEFERRED' ||
      (result.outcome === 'FAILED' && WAIT_CODES.includes(code))

    if (!wait) break
    // Siblings go on while this SKU waits.
    holder.release()
    if (attempt >= env.tuning.rateLimitedAttempts)
      return failed(result.outcome === 'DEFERRED' ? 'SKU_LEASED' : code)
    // The bucket is already paused for Retry-After; this only spaces the SKU's own retries.
    await env.sleep(backoff(attempt))
  }

  if (result.outcome === 'FAILED')
    return failed(result.errorCode ?? 'UNEXPECTED_ERROR')
  const productId = result.decisions.find((d) => d.productId)?.productId
  const none = { errorCode: null, driftFound: 0 }

  if (!productId || result.outcome === 'UNKNOWN_SKU') return none

  for (let attempt = 1; ; attempt++) {
    let drift: DriftResult

    try {
      // After this SKU's evaluation is stored, still holding the product (or waiting for it: a
      // sibling may hold it, its check included). The product is checked once per run
      // (`ctx.seen`), by whichever of its SKUs gets here first.
      if (!holder.holds(productId)) {
        holder.release()
        await holder.enter(productId)
      }

      if (attempt > 1) ctx.seen.delete(productId)
      drift = await checkProduct(ctx, productId, skuId, {
        statuses: Object.fromEntries(
          result.decisions.map((d) => [d.channel, d.status])
        ),
        tradePolicies: result.tradePolicies ?? null,
      })
    } catch (error) {
      return failed(upstreamCode(error))
    }

    if (drift.claimed === 0) return { errorCode: null, driftFound: drift.found }
    if (attempt >= env.tuning.rateLimitedAttempts)
      return { errorCode: 'PRODUCT_CLAIMED', driftFound: drift.found }
    // Another worker claimed the product's catalog write: a live one makes it within moments,
    // a dead one's claim runs out within LEASE_MS (a sweep resumed after a crash finds those
    // of its in-flight SKUs). Check the product again then, rather than leave it; siblings
    // meanwhile find it seen, and the cursor does not pass this SKU before the check ends.
    holder.release()
    await env.sleep(backoff(attempt))
  }
}
