import { upstreamCode } from '../../clients/resilience'
import { joinEvents } from '../../domain'
import { Coalescer } from './coalesce'
import type { EngineDeps } from '../shared/deps'
import { evaluateSku } from './evaluate'
import type { EvaluateOptions, EvaluationResult } from './evaluateTypes'
import { slot } from '../../memory/tenantMemory'
import { LEASE_MS } from './lease'
import { markUnsettled } from './unsettled'

/**
 * The tenant's evaluations running or about to (a SKU's events joined into one). Safe to lose:
 * a dropped tenant's running evaluations finish; a later event runs its own, under the lease.
 */
const EVALUATIONS = slot('evaluations', () => new Coalescer<EvaluationResult>())
const RETRY_DELAYS_MS = [2_000, 10_000, 60_000]
// Another worker holds the SKU: look again once its lease would have expired, in case it died.
const DEFERRED_RECHECK_MS = LEASE_MS + 1_000

/**
 * Resolves once this process runs no evaluation for the tenant, the ones those started (a
 * withdrawal's siblings) included. Retries waiting on a timer are not running yet.
 */
export function evaluationsIdle(deps: Pick<EngineDeps, 'memory'>) {
  return deps.memory.get(EVALUATIONS).idle()
}

/**
 * Two events of one SKU answered by one evaluation: it reads what either says changed (or
 * everything, if one of them reads everything), and counts as seen only what both did.
 */
function joinOptions(
  kept: EvaluateOptions,
  joining: EvaluateOptions
): EvaluateOptions {
  const at = (o: EvaluateOptions) =>
    o.changedAt ? Date.parse(o.changedAt) : NaN

  const changedAt =
    Number.isNaN(at(kept)) || Number.isNaN(at(joining))
      ? null
      : at(joining) > at(kept)
      ? joining.changedAt
      : kept.changedAt

  return {
    ...kept,
    changedAt,
    events: joinEvents(kept.events, joining.events),
  }
}

/**
 * Evaluate with in-process de-duplication, and retry a failed SKU a few times in this process.
 * An evaluation that threw (a store refused a write) is marked not settled and retried until
 * its decision is stored (`settleLater`).
 */
export function evaluate(
  deps: EngineDeps,
  skuId: string,
  options: EvaluateOptions,
  {
    attempt = 0,
    settleTry = 0,
  }: {
    /** How many times this process already retried this evaluation. */
    attempt?: number
    /** How many times this process already retried a decision it could not store. */
    settleTry?: number
  } = {}
): Promise<EvaluationResult> {
  // A retry runs after its caller wrote what the held channels needed: it writes for itself.
  // It reads everything: what failed or came meanwhile need not be what the event said.
  const later: EvaluateOptions = {
    ...options,
    holdWrites: undefined,
    events: undefined,
    // A retry is the system's, not part of the run that asked first.
    runId: undefined,
  }

  return deps.memory
    .get(EVALUATIONS)
    .runWith(
      skuId,
      options,
      (joined) => evaluateSku(deps, skuId, joined),
      joinOptions
    )
    .catch((error) => {
      settleLater(deps, skuId, { options: later, tries: settleTry }, error)
      throw error
    })
    .then((result) => {
      if (result.outcome === 'FAILED' && attempt < RETRY_DELAYS_MS.length) {
        setTimeout(() => {
          evaluate(
            deps,
            skuId,
            { ...later, cause: 'SYSTEM' },
            { attempt: attempt + 1, settleTry }
          ).catch((error) =>
            deps.log.error({
              message: 'evaluate-retry-failed',
              skuId,
              error: String(error),
            })
          )
        }, RETRY_DELAYS_MS[attempt]).unref()
      }

      if (result.again && attempt < RETRY_DELAYS_MS.length) {
        setImmediate(() => {
          evaluate(deps, skuId, later, {
            attempt: attempt + 1,
            settleTry,
          }).catch((error) =>
            deps.log.error({
              message: 'evaluate-again-failed',
              skuId,
              error: String(error),
            })
          )
        })
      }

      if (result.outcome === 'DEFERRED' && attempt === 0) {
        setTimeout(() => {
          evaluate(deps, skuId, later, {
            attempt: RETRY_DELAYS_MS.length,
            settleTry,
          }).catch((error) =>
            deps.log.error({
              message: 'evaluate-recheck-failed',
              skuId,
              error: String(error),
            })
          )
        }, DEFERRED_RECHECK_MS).unref()
      }

      return result
    })
}

/**
 * Storage retries: soon, then every minute for an hour. After that (or after a restart) the
 * durable mark is what remains: the next tick or scheduled ERROR sweep evaluates the SKU.
 */
const SETTLE_DELAYS_MS = [2_000, 10_000, 30_000]
const SETTLE_EVERY_MS = 60_000
const SETTLE_TRIES = 60
/**
 * SKUs whose storage retries are under way in this process, per account and workspace
 * (bounded in tenants and SKUs), with the timer of the next one (null while it is marked or
 * running). Safe to lose: a dropped tenant's timers are cancelled, and its SKUs' durable marks
 * remain for the next tick or ERROR sweep to evaluate.
 */
const SETTLING = slot<Map<string, NodeJS.Timeout | null>>(
  'storage-retries',
  () => new Map(),
  (dropped) => {
    for (const timer of dropped.values()) if (timer) clearTimeout(timer)
    dropped.clear()
  }
)

const MAX_SETTLING = 10_000

function settleLater(
  deps: EngineDeps,
  skuId: string,
  { options, tries }: { options: EvaluateOptions; tries: number },
  error: unknown
) {
  const own = deps.memory.get(SETTLING)
  const key = skuId
  // Forgotten meanwhile (tests, or the tenant dropped past the bound): no retry.
  const forgotten = () => deps.memory.isDropped || !own.has(key)

  deps.log.warn({
    message: 'evaluate-store-failed',
    skuId,
    tries,
    error: String(error),
  })
  // A fresh failure while a retry of the SKU is running or being marked: it covers it (a second
  // mark could land after its success). One waiting on its timer does not: another evaluation
  // may have stored a decision meanwhile and rewritten the rows, so this change is marked again
  // and the retries start over from its mark.
  const waiting = own.get(key)

  if (tries === 0 && own.has(key) && !waiting) return
  if (tries === 0 && waiting) {
    clearTimeout(waiting)
    own.delete(key)
  }

  if (tries >= SETTLE_TRIES || (tries === 0 && own.size >= MAX_SETTLING)) {
    own.delete(key)
    deps.log.warn({ message: 'evaluate-settle-left', skuId, tries })

    return
  }

  own.set(key, null)
  // The first failure marks the SKU durably. The retry is timed from the mark's end, so the
  // mark's ERROR rows never land after the retry's decision.
  const marked =
    tries === 0
      ? markUnsettled(deps, skuId, upstreamCode(error)).catch(() => undefined)
      : Promise.resolve()

  marked.then(() => {
    if (forgotten()) return
    const timer = setTimeout(() => {
      own.set(key, null)
      // Fresh reads and every row rewritten: the marks say ERROR until this one is stored.
      evaluate(
        deps,
        skuId,
        { ...options, cause: 'SYSTEM', changedAt: null, reproject: true },
        { settleTry: tries + 1 }
      ).then(
        // Stored (or FAILED: stored as ERROR, which the engine's own retries and the sweep take).
        () => own.delete(key),
        // Refused again: the next try is already scheduled (this key stays).
        () => undefined
      )
    }, SETTLE_DELAYS_MS[tries] ?? SETTLE_EVERY_MS)

    timer.unref?.()
    own.set(key, timer)
  })
}
