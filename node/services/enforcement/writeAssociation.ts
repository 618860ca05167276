import { associationChange } from '../../domain'
import type { ChannelConfig } from '../../domain/types'
import type { EngineDeps } from '../shared/deps'
import type { EvaluateOptions } from '../evaluation/evaluateTypes'
import { recordWriteFailure } from '../reconcile/runAudit'
import { enforcementWrite } from '../projection/auditEntries'
import type { ProductPlan } from './productPlan'
import { updateProduct } from './productDocs'

/**
 * Performs one claimed write; returns the association the catalog has afterwards, and whether
 * the write failed (its claim is then released for a retry).
 */
export interface ClaimedWrite {
  plan: ProductPlan
  channel: ChannelConfig
  /** Whether the product should be on the channel's trade policy. */
  to: boolean
  /** Whether it is, as last read. */
  associated: boolean
  options: EvaluateOptions
  /** The SKU whose evaluation asked for the write (null: a product-level settle). */
  skuId: string | null
}

export async function write(
  deps: EngineDeps,
  { plan, channel, to, associated, options, skuId }: ClaimedWrite
): Promise<{ on: boolean; failed: boolean }> {
  const change = associationChange(to, associated)
  let failed: unknown = null

  try {
    if (change === 'ASSOCIATE')
      await deps.catalog.associateProduct(plan.productId, channel.salesChannel)
    if (change === 'DISSOCIATE')
      await deps.catalog.dissociateProduct(plan.productId, channel.salesChannel)
  } catch (error) {
    failed = error
  }

  const updated = await updateProduct(deps, plan.productId, (current) => {
    if (current.applying[channel.id]?.owner !== plan.owner) return null
    const applying = { ...current.applying }

    delete applying[channel.id]

    // A failed write still says what the catalog has: that is what the projection shows as
    // the product's association, and what the retry's plan compares with to clear it.
    return failed
      ? {
          ...current,
          applying,
          applied: { ...current.applied, [channel.id]: associated },
        }
      : {
          ...current,
          applying,
          applied: { ...current.applied, [channel.id]: to },
          version: current.version + 1,
        }
  })

  if (failed) {
    // The claim is released and `applied` says what the catalog has: `retryLater` tries again.
    deps.log.error({
      message: 'enforce-write-failed',
      productId: plan.productId,
      channel: channel.id,
      error: String(failed),
    })
    // A run says what it could not write, and why (its detail lists it); elsewhere the log does.
    if (options.runId && change)
      await recordWriteFailure(deps, options, {
        productId: plan.productId,
        skuId,
        channel,
        change,
        error: failed,
      })

    return { on: associated, failed: true }
  }

  if (!change || !updated) return { on: to, failed: false }
  const at = deps.now()
  const latencyMs = options.changedAt
    ? Math.max(0, at.getTime() - Date.parse(options.changedAt))
    : null

  deps.log.info({
    message: 'enforce-write-done',
    productId: plan.productId,
    channel: channel.id,
    change,
  })
  await deps.audit.append(
    enforcementWrite({
      productId: plan.productId,
      channel: channel.id,
      version: updated.version,
      at: at.toISOString(),
      skuId,
      cause: options.cause,
      actor: options.actor ?? null,
      change,
      tradePolicy: channel.salesChannel,
      latencyMs,
      runId: options.runId,
    })
  )

  return { on: to, failed: false }
}
