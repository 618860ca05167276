import { upstreamCode } from '../../clients/resilience'
import type { ChannelConfig } from '../../domain/types'
import { enforcementFailed } from '../projection/auditEntries'
import type { EngineDeps } from '../shared/deps'
import type { EvaluateOptions } from '../evaluation/evaluateTypes'

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
      enforcementFailed({
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
