import { randomBytes } from 'crypto'

import type { Clients } from '../clients'
import { seenMargin } from '../domain/clock'
import { AuditLog } from './audit'
import { Coalescer } from './coalesce'
import type { EngineDeps, Log } from './deps'
import { evaluateSku } from './evaluate'
import type { EvaluateOptions, EvaluationResult } from './evaluate'
import { LEASE_MS } from './lease'
import { Projection } from './projection'

/** Identifies this worker process in leases and claims (replica + pid + random). */
export const WORKER_ID = `${process.env.HOSTNAME ?? 'local'}-${
  process.pid
}-${randomBytes(3).toString('hex')}`

export function engineDeps(clients: Clients, log: Log): EngineDeps {
  return {
    catalog: clients.catalog,
    logistics: clients.logistics,
    pricing: clients.pricing,
    affiliates: clients.affiliates,
    docs: clients.stateDocs,
    projection: new Projection(clients.masterdata),
    audit: new AuditLog(clients.masterdata),
    now: () => new Date(),
    log,
    workerId: WORKER_ID,
    seenMarginMs: () => seenMargin(clients.catalog.clock.behindMs(Date.now())),
  }
}

const coalescer = new Coalescer<EvaluationResult>()
const RETRY_DELAYS_MS = [2_000, 10_000, 60_000]
// Another worker holds the SKU: look again once its lease would have expired, in case it died.
const DEFERRED_RECHECK_MS = LEASE_MS + 1_000

/**
 * For tests: a SKU's next evaluation does not join one a previous test began in the background
 * (a sibling a withdrawal evaluates), which would run against that test's world.
 */
export function forgetEvaluations() {
  coalescer.clear()
}

/** Evaluate with in-process de-duplication, and retry a failed SKU a few times in this process. */
export function evaluate(
  deps: EngineDeps,
  skuId: string,
  options: EvaluateOptions,
  attempt = 0
) {
  return coalescer
    .run(skuId, () => evaluateSku(deps, skuId, options))
    .then((result) => {
      if (result.outcome === 'FAILED' && attempt < RETRY_DELAYS_MS.length) {
        setTimeout(() => {
          evaluate(
            deps,
            skuId,
            { ...options, cause: 'SYSTEM' },
            attempt + 1
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
          evaluate(deps, skuId, options, attempt + 1).catch((error) =>
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
          evaluate(deps, skuId, options, RETRY_DELAYS_MS.length).catch(
            (error) =>
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
