import { upstreamCode } from '../../clients/resilience'
import type { ChannelConfig } from '../../domain/types'
import type { AuditEntry } from '../projection/audit'
import type { EngineDeps } from '../shared/deps'
import type { EvaluateOptions } from '../evaluation/evaluateTypes'

/**
 * The audit entries a run (a sweep, a settings save's apply) writes for what it could not do,
 * beside the drift and writes it tags with its id (evaluate.ts, enforce.ts). One per product ×
 * channel or per SKU and run: a retry within the run rewrites the same document.
 */
export function writeFailedEntry(args: {
  runId: string
  at: string
  productId: string
  skuId: string | null
  channel: string
  tradePolicy: string
  change: 'ASSOCIATE' | 'DISSOCIATE'
  code: string
  cause: AuditEntry['cause']
  actor: string | null
}): AuditEntry {
  return {
    id: `p${args.productId}-${args.channel}-f-${args.runId}`,
    at: args.at,
    skuId: args.skuId,
    productId: args.productId,
    channel: args.channel,
    kind: 'ENFORCEMENT_FAILED',
    cause: args.cause,
    actor: args.actor,
    fromStatus: null,
    toStatus: null,
    reasons: [],
    details: JSON.stringify({
      change: args.change,
      tradePolicy: args.tradePolicy,
      code: args.code,
    }),
    runId: args.runId,
  }
}

export function evaluationFailedEntry(args: {
  runId: string
  at: string
  skuId: string
  code: string
  actor: string | null
}): AuditEntry {
  return {
    id: `${args.skuId}-f-${args.runId}`,
    at: args.at,
    skuId: args.skuId,
    productId: null,
    channel: null,
    kind: 'EVALUATION_FAILED',
    cause: 'SWEEP',
    actor: args.actor,
    fromStatus: null,
    toStatus: null,
    reasons: [],
    details: JSON.stringify({ code: args.code }),
    runId: args.runId,
  }
}

/** Audits a run's refused catalog write; a storage failure here only logs (the write's retry goes on). */
export async function recordWriteFailure(
  deps: Pick<EngineDeps, 'audit' | 'now' | 'log'>,
  options: EvaluateOptions,
  write: {
    productId: string
    skuId: string | null
    channel: ChannelConfig
    change: 'ASSOCIATE' | 'DISSOCIATE'
    error: unknown
  }
) {
  if (!options.runId) return
  await deps.audit
    .append(
      writeFailedEntry({
        runId: options.runId,
        at: deps.now().toISOString(),
        productId: write.productId,
        skuId: write.skuId,
        channel: write.channel.id,
        tradePolicy: write.channel.salesChannel,
        change: write.change,
        code: upstreamCode(write.error),
        cause: options.cause,
        actor: options.actor ?? null,
      })
    )
    .catch((error) =>
      deps.log.warn({
        message: 'enforce-failure-audit-failed',
        productId: write.productId,
        error: String(error),
      })
    )
}
