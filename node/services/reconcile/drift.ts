import { desiredAssociation } from '../../domain'
import type { ChannelConfig, ExposureStatus } from '../../domain/types'
import { BUCKET_PRODUCTS } from '../deps'
import { enforceProduct } from '../enforce'
import type { EvaluateOptions } from '../evaluate'
import type { ProductState } from '../state'
import { emptyProductState } from '../state'
import type { Tally } from './counting'
import type { SweepDeps } from './types'

export interface DriftContext {
  deps: SweepDeps
  /** Every channel (enforcement plans them all) and the ones the scope checks. */
  channels: ChannelConfig[]
  checked: ChannelConfig[]
  /** trade policy -> SKUs whose product is on it, read in bulk at the start (full and channel sweeps) */
  associated: Map<string, Set<string>> | null
  /** Products already checked by this process in this run (a product spans several SKUs). */
  seen: Set<string>
  tally: Tally
  options: EvaluateOptions
}

export interface DriftResult {
  /** product × channel associations that differ from what the product's SKUs require */
  found: number
  /** ENFORCE channels whose write another worker had claimed: left to that worker. */
  claimed: number
}

/**
 * Drift of the association, both ways: a product on a trade policy although none of its
 * governed SKUs is EXPOSED there (associated by hand, a missed stock-out), or off it although one
 * is. The guess from the bulk lists (and from this run's own writes) is confirmed by one read
 * of the product's trade policies before anything is counted or written.
 */
export async function checkProduct(
  ctx: DriftContext,
  productId: string,
  skuId: string
): Promise<DriftResult> {
  const none = { found: 0, claimed: 0 }

  if (ctx.seen.has(productId)) return none
  if (ctx.seen.size > 200_000) ctx.seen.clear()
  ctx.seen.add(productId)
  const { deps } = ctx
  const { value: product } = await deps.docs.read<ProductState>(
    BUCKET_PRODUCTS,
    productId,
    () => emptyProductState(productId)
  )

  const desired = new Map<string, boolean>()

  for (const channel of ctx.checked) {
    const statuses = Object.values(product.skus)
      .map((s) => s[channel.id])
      .filter((s): s is ExposureStatus => Boolean(s))

    const want = desiredAssociation(statuses)

    if (want !== null) desired.set(channel.id, want)
  }

  if (desired.size === 0) return none
  const guess = (channel: ChannelConfig) =>
    ctx.tally.written.get(`${productId}:${channel.id}`) ??
    ctx.associated?.get(channel.salesChannel)?.has(skuId)

  const suspect = ctx.checked.some(
    (c) => desired.has(c.id) && guess(c) !== desired.get(c.id)
  )

  if (!suspect) return none
  const actual = new Set(await deps.catalog.productTradePolicies(productId))
  const drifted = ctx.checked.filter(
    (c) => desired.has(c.id) && actual.has(c.salesChannel) !== desired.get(c.id)
  )

  if (drifted.length === 0) return none
  const enforced = drifted.filter((c) => c.mode === 'ENFORCE')
  const now = deps.now().getTime()
  let claimed = 0

  if (enforced.length > 0) {
    // The app's memory of the catalog was wrong: correct it so enforcement claims the write.
    await deps.docs.update<ProductState>(
      BUCKET_PRODUCTS,
      productId,
      () => emptyProductState(productId),
      (current) => {
        const applied = { ...current.applied }

        claimed = 0
        for (const channel of enforced) {
          const claim = current.applying[channel.id]

          if (claim && claim.until > now) claimed += 1
          else applied[channel.id] = actual.has(channel.salesChannel)
        }

        return { ...current, applied }
      }
    )
    ctx.tally.phase = 'CHECK'
    try {
      await enforceProduct(deps, productId, ctx.channels, ctx.options)
    } finally {
      ctx.tally.phase = 'EVALUATE'
    }
  }

  return { found: drifted.length, claimed }
}
