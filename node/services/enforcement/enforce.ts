import { associationChange } from '../../domain'
import type { ChannelConfig } from '../../domain/types'
import type { EngineDeps } from '../shared/deps'
import type { EvaluateOptions } from '../evaluation/evaluateTypes'
import { channels as loadChannels } from '../shared/reference'
import { pendingOf } from '../projection/projection'
import { planProduct } from './plan'
import type { ProductPlan } from './productPlan'
import { write } from './writeAssociation'

/**
 * When a failed catalog write is tried again (after a 5xx, a 429 past its retries, a timeout).
 * The first wait outlasts the client's 4 s timeout, so a timed-out write VTEX applied late is
 * seen by the retry's read instead of being written twice. The daily sweep is the backstop.
 */
export const WRITE_RETRY_MS = [5_000, 30_000, 120_000]

export interface Settle {
  options: EvaluateOptions
  /** The SKU whose evaluation planned it (null: a product-level settle). */
  skuId?: string | null
  /** How many times this product's failed writes were tried again already. */
  attempt?: number
}

/**
 * Writes the plan's claimed associations. Returns the product's trade policies as they are now,
 * where this settle knows them (the context it was given, then its own read and writes), or null
 * when it knows nothing newer than the plan: a caller checking drift must not trust a snapshot
 * that predates these writes.
 */
export async function settleProduct(
  deps: EngineDeps,
  plan: ProductPlan,
  { options, skuId = null, attempt = 0 }: Settle
): Promise<string[] | null> {
  const known: Record<string, boolean> = { ...plan.product.applied }
  let failed = false

  recordBlocked(deps, plan)

  let read: Promise<string[]> | null = null
  const current = () =>
    (read = read ?? deps.catalog.productTradePolicies(plan.productId))

  for (const { channel, to } of plan.claims) {
    const seen = plan.observed?.includes(channel.salesChannel)
    const associated =
      plan.observed && seen !== to
        ? Boolean(seen)
        : (await current()).includes(channel.salesChannel)

    const written = await write(deps, {
      plan,
      channel,
      to,
      associated,
      options,
      skuId,
    })

    known[channel.id] = written.on
    failed = failed || written.failed
  }

  if (failed) retryLater(deps, plan.productId, attempt)

  if (plan.evaluateFirst.length > 0)
    evaluateSiblings(deps, plan.evaluateFirst, options)

  const base = read ? await read : plan.observed
  const after = base ? new Set(base) : null

  for (const { channel } of plan.claims) {
    const on = known[channel.id]

    if (after && on === true) after.add(channel.salesChannel)
    if (after && on === false) after.delete(channel.salesChannel)
  }

  // The projection only answers "which products have a pending change": write a channel's
  // document only when its pending change did (most products never have one, and cost nothing).
  const changed = plan.channels.filter(
    (c) =>
      pendingOf({
        desired: plan.before.planned[c.id] ?? null,
        associated: plan.before.applied[c.id] ?? null,
      }) !==
      pendingOf({
        desired: plan.planned[c.id] ?? null,
        associated: known[c.id] ?? null,
      })
  )

  // One document per product: the changed channels' fields in one partial update.
  await deps.projection.putProducts(
    plan.productId,
    changed.map((channel) => ({
      productId: plan.productId,
      channel: channel.id,
      mode: channel.mode,
      desired: plan.planned[channel.id] ?? null,
      associated: known[channel.id] ?? null,
      updatedAt: deps.now().toISOString(),
    }))
  )

  return after ? [...after] : null
}

/**
 * An ENFORCE channel this workspace may not write ran as OBSERVE: say which writes it held back
 * and why, so an operator reading the logs of a linked workspace sees what master would do.
 */
function recordBlocked(deps: EngineDeps, plan: ProductPlan) {
  for (const channel of plan.channels) {
    const desired = plan.planned[channel.id]
    const associated = plan.product.applied[channel.id]

    if (
      channel.catalogWritesBlocked &&
      desired != null &&
      associated !== undefined &&
      associated !== desired
    ) {
      deps.log.info({
        message: 'enforce-write-blocked',
        reason: 'CATALOG_WRITES_OFF_IN_WORKSPACE',
        workspace: deps.tenant?.workspace,
        productId: plan.productId,
        channel: channel.id,
        change: associationChange(desired, associated),
      })
    }
  }
}

/** Brings one product's association in line with its SKUs' stored statuses (ENFORCE switch, sweeps). */
export async function enforceProduct(
  deps: EngineDeps,
  productId: string,
  channels: ChannelConfig[],
  { options, attempt }: Omit<Settle, 'skuId'>
) {
  const plan = await planProduct(deps, productId, channels)

  if (plan) await settleProduct(deps, plan, { options, attempt })
}

/**
 * Settles the product again a little later, from its stored SKU statuses and the channels as
 * they are then (an operator may have switched one to OBSERVE meanwhile). In process memory:
 * after a restart, or once these tries are spent, the scheduler's tick settles it
 * (`pendingWrites.ts`).
 */
function retryLater(deps: EngineDeps, productId: string, attempt: number) {
  const delay = WRITE_RETRY_MS[attempt]

  if (delay === undefined) return
  setTimeout(() => {
    loadChannels(deps)
      .then((channels) =>
        enforceProduct(deps, productId, channels, {
          options: { cause: 'SYSTEM', actor: null },
          attempt: attempt + 1,
        })
      )
      .catch((error) =>
        deps.log.error({
          message: 'enforce-retry-failed',
          productId,
          attempt: attempt + 1,
          error: String(error),
        })
      )
  }, delay).unref()
}

/** Evaluates siblings nobody evaluated yet, so the product's withdrawal can be decided. */
function evaluateSiblings(
  deps: EngineDeps,
  skuIds: string[],
  options: EvaluateOptions
) {
  for (const skuId of skuIds.slice(0, 20)) {
    deps
      .evaluateSibling(deps, skuId, {
        cause: options.cause,
        actor: options.actor,
        recordInProduct: true,
        // A sibling a baseline sweep has not reached yet is part of that baseline.
        baseline: options.baseline,
      })
      .catch((error) =>
        deps.log.warn({
          message: 'enforce-sibling-failed',
          skuId,
          error: String(error),
        })
      )
  }
}
