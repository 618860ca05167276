import { upstreamCode } from '../../clients/resilience'
import type { ChannelConfig } from '../../domain/types'
import type { EngineDeps } from '../shared/deps'
import type { EvaluateOptions } from './evaluateTypes'
import { project } from './projectRound'
import type { RoundResult } from './roundResult'
import type { SkuState, StoredDecision } from './state'
import { indexUnsettled } from './unsettled'

/**
 * An upstream failure never loses the SKU: every channel's decision becomes ERROR with
 * UPSTREAM_ERROR (keeping the last trace), the failure count drives the retry back-off,
 * and the hourly sweep picks up whatever is still in ERROR.
 */
export async function failedRound(
  deps: EngineDeps,
  {
    prev,
    channels,
    options,
  }: { prev: SkuState; channels: ChannelConfig[]; options: EvaluateOptions },
  error: unknown
): Promise<RoundResult> {
  const code = upstreamCode(error)
  const now = deps.now()
  const failures = prev.failures + 1
  const retryAt = new Date(
    now.getTime() + Math.min(3600_000, 30_000 * 2 ** (failures - 1))
  )

  deps.log.warn({
    message: 'evaluate-sku-failed',
    skuId: prev.skuId,
    code,
    failures,
    error: String(error),
  })
  const ids =
    channels.length > 0
      ? channels.map((c) => c.id)
      : Object.keys(prev.decisions)

  const decisions: Record<string, StoredDecision> = {}

  for (const channel of ids) {
    const before = prev.decisions[channel]

    decisions[channel] = {
      skuId: prev.skuId,
      productId: before?.productId ?? prev.productId,
      channel,
      status: 'ERROR',
      reasons: ['UPSTREAM_ERROR'],
      available: before?.available ?? null,
      trace: before?.trace ?? [],
      evaluatedAt: now.toISOString(),
      changedAt:
        before?.status === 'ERROR' ? before.changedAt : now.toISOString(),
      skuName: before?.skuName ?? null,
      productName: before?.productName ?? null,
      place: before?.place ?? null,
      sellerIds: before?.sellerIds ?? [],
      productAssociated: before?.productAssociated ?? null,
    }
  }

  const version = prev.version + 1

  // Master Data refused the ERROR rows too: the stored ERROR is in VBase alone, where the ERROR
  // sweep (which reads the projection) would not find it without the unsettled index.
  await project(deps, { prev, decisions, version, options }).catch(() =>
    indexUnsettled(deps, prev.skuId, 'STORAGE_ERROR')
  )

  return {
    state: {
      ...prev,
      version,
      decisions,
      failures,
      nextRetryAt: retryAt.toISOString(),
      lastError: code,
      // ERROR decisions were made on no input: the next evaluation reads everything.
      inputs: null,
    },
    outcome: 'FAILED',
    channels,
    errorCode: code,
  }
}
