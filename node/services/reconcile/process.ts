import { upstreamCode } from '../../clients/resilience'
import { evaluateSku } from '../evaluate'
import type { EvaluationResult } from '../evaluate'
import { checkProduct } from './drift'
import type { DriftContext, DriftResult } from './drift'
import type { SweepEnv } from './sweep'
import type { RunDoc } from './types'

/** Codes after which the API is saturated or down: wait and retry the SKU rather than skip it. */
const WAIT_CODES = [
  'UPSTREAM_RATE_LIMITED',
  'CIRCUIT_OPEN',
  'UPSTREAM_UNAVAILABLE',
]

/** 1 + 2 + 4 + 8 + 16 s: outlasts a dead worker's 30 s lease on a SKU or claim on a product. */
const backoff = (attempt: number) => Math.min(30_000, 1000 * 2 ** (attempt - 1))

/** Evaluates one SKU, waiting out a saturated API; returns an error code or null. */
export async function processSku(
  env: SweepEnv,
  ctx: DriftContext,
  skuId: string,
  run: RunDoc
): Promise<string | null> {
  let result: EvaluationResult | null = null

  for (let attempt = 1; ; attempt++) {
    try {
      // eslint-disable-next-line no-await-in-loop
      result = await evaluateSku(ctx.deps, skuId, ctx.options)
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
    if (attempt >= env.tuning.rateLimitedAttempts)
      return result.outcome === 'DEFERRED' ? 'SKU_LEASED' : code
    // The bucket is already paused for Retry-After; this only spaces the SKU's own retries.
    // eslint-disable-next-line no-await-in-loop
    await env.sleep(backoff(attempt))
  }

  if (result.outcome === 'FAILED') return result.errorCode ?? 'UNEXPECTED_ERROR'
  const productId = result.decisions.find((d) => d.productId)?.productId

  if (!productId || result.outcome === 'UNKNOWN_SKU') return null

  for (let attempt = 1; ; attempt++) {
    let drift: DriftResult

    try {
      if (attempt > 1) ctx.seen.delete(productId)
      // eslint-disable-next-line no-await-in-loop
      drift = await checkProduct(ctx, productId, skuId)
    } catch (error) {
      return upstreamCode(error)
    }

    if (drift.claimed === 0 || attempt >= env.tuning.rateLimitedAttempts) {
      // Carried on the run object the loop persists at the next checkpoint.
      run.driftFound += drift.found

      return drift.claimed > 0 ? 'PRODUCT_CLAIMED' : null
    }

    // Another worker claimed the product's catalog write: a live one makes it within moments,
    // a dead one's claim runs out within LEASE_MS (a sweep resumed after a crash can find its
    // dead worker's). Check the product again then, rather than leave it.
    // eslint-disable-next-line no-await-in-loop
    await env.sleep(backoff(attempt))
  }
}
