import { upstreamCode } from '../../clients/resilience'
import { evaluateSku } from '../evaluate'
import type { EvaluationResult } from '../evaluate'
import { checkProduct } from './drift'
import type { DriftContext } from './drift'
import type { SweepEnv } from './sweep'
import type { RunDoc } from './types'

/** Codes after which the API is saturated or down: wait and retry the SKU rather than skip it. */
const WAIT_CODES = [
  'UPSTREAM_RATE_LIMITED',
  'CIRCUIT_OPEN',
  'UPSTREAM_UNAVAILABLE',
]

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
    // The bucket is already paused for Retry-After; this only spaces the SKU's own retries
    // (1 + 2 + 4 + 8 + 16 s outlasts a dead worker's 30 s lease).
    // eslint-disable-next-line no-await-in-loop
    await env.sleep(Math.min(30_000, 1000 * 2 ** (attempt - 1)))
  }

  if (result.outcome === 'FAILED') return result.errorCode ?? 'UNEXPECTED_ERROR'
  const productId = result.decisions.find((d) => d.productId)?.productId

  if (!productId || result.outcome === 'UNKNOWN_SKU') return null
  try {
    const drift = await checkProduct(ctx, productId, skuId)

    // Carried on the run object the loop persists at the next checkpoint.
    run.driftFound += drift.found
    if (drift.claimed > 0) return 'PRODUCT_CLAIMED'
  } catch (error) {
    return upstreamCode(error)
  }

  return null
}
