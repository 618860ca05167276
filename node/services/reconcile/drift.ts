import { desiredAssociation } from '../../domain'
import type { ChannelConfig, ExposureStatus } from '../../domain/types'
import { enforceProduct } from '../enforcement/enforce'
import { updateProduct } from '../enforcement/productDocs'
import type { EvaluateOptions } from '../evaluation/evaluateTypes'
import { productStore } from '../shared/stores/states'
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
  /** `product:channel` where a SKU of this run was EXPOSED: the product belongs there. */
  exposed: Set<string>
  tally: Tally
  options: EvaluateOptions
}

/** What the SKU's evaluation in this sweep saw: its statuses, and its product's trade policies. */
export interface Evaluated {
  statuses: Record<string, ExposureStatus>
  /** From the SKU context read a moment ago (null: the context did not say). */
  tradePolicies: string[] | null
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
 * is. The SKU's evaluation has just read the product's trade policies in its context, so where
 * the SKU settles the question (it or a sibling this run evaluated is EXPOSED on the channel;
 * or, in a sweep that covers every sibling, the product is off the channel) nothing more is
 * read. Otherwise the product's document says what its SKUs require, once per product and run,
 * and without a context the guess from the bulk lists is confirmed by one read of the product's
 * trade policies. Drift on
 * an ENFORCE channel is always confirmed by that read before anything is corrected or written;
 * on an OBSERVE channel it is only counted.
 */
export async function checkProduct(
  ctx: DriftContext,
  productId: string,
  skuId: string,
  evaluated?: Evaluated
): Promise<DriftResult> {
  const none = { found: 0, claimed: 0 }
  const { deps } = ctx
  const seen = evaluated?.tradePolicies
    ? new Set(evaluated.tradePolicies)
    : null

  // Where the product is believed to be: this run's own writes, else the context (a snapshot),
  // else the bulk lists.
  const guess = (c: ChannelConfig) =>
    ctx.tally.written.get(`${productId}:${c.id}`) ??
    (seen
      ? seen.has(c.salesChannel)
      : ctx.associated?.get(c.salesChannel)?.has(skuId))

  const exposedHere = (c: ChannelConfig) =>
    evaluated?.statuses[c.id] === 'EXPOSED'

  const siblingsDecide =
    !seen ||
    ctx.checked.some(
      (c) =>
        !exposedHere(c) &&
        // A sibling this run found EXPOSED there has checked the channel itself.
        !ctx.exposed.has(`${productId}:${c.id}`) &&
        // Off the channel with every sibling in the sweep: an exposed sibling finds it itself.
        (guess(c) || !ctx.associated)
    )

  // Siblings are swept close together: a bounded memory only costs a document read.
  if (ctx.exposed.size > 50_000) ctx.exposed.clear()
  for (const c of ctx.checked.filter(exposedHere))
    ctx.exposed.add(`${productId}:${c.id}`)
  let desired = new Map<string, boolean>()

  if (seen && evaluated && !siblingsDecide) {
    for (const c of ctx.checked.filter(exposedHere)) desired.set(c.id, true)
  } else {
    if (ctx.seen.has(productId)) return none
    if (ctx.seen.size > 200_000) ctx.seen.clear()
    ctx.seen.add(productId)
    desired = await requiredByDocument(ctx, productId)
  }

  if (desired.size === 0) return none
  const suspected = ctx.checked.filter(
    (c) => desired.has(c.id) && guess(c) !== desired.get(c.id)
  )

  if (suspected.length === 0) return none
  // OBSERVE only reports: a guess from the context read a moment ago is good enough to count
  // (the bulk lists may be hours old). A correction in ENFORCE rewrites what the app believes
  // the catalog holds, and a sibling or an event may have written since: it starts from a read.
  const actual =
    !seen || suspected.some((c) => c.mode === 'ENFORCE')
      ? new Set(await deps.catalog.productTradePolicies(productId))
      : null

  const drifted = actual
    ? ctx.checked.filter(
        (c) =>
          desired.has(c.id) && actual.has(c.salesChannel) !== desired.get(c.id)
      )
    : suspected

  if (drifted.length === 0) return none
  const enforced = drifted.filter((c) => c.mode === 'ENFORCE')
  const now = deps.now().getTime()
  let claimed = 0

  // `actual` is always read when an ENFORCE channel is suspected (above).
  if (enforced.length > 0 && actual) {
    // The app's memory of the catalog was wrong: correct it so enforcement claims the write.
    // Through the product-document cache, so the enforcement below starts from this version.
    await updateProduct(deps, productId, (current) => {
      const applied = { ...current.applied }

      claimed = 0
      for (const channel of enforced) {
        const claim = current.applying[channel.id]

        if (claim && claim.until > now) claimed += 1
        else applied[channel.id] = actual.has(channel.salesChannel)
      }

      return { ...current, applied }
    })
    ctx.tally.phase = 'CHECK'
    try {
      await enforceProduct(deps, productId, ctx.channels, {
        options: ctx.options,
      })
    } finally {
      ctx.tally.phase = 'EVALUATE'
    }
  }

  return { found: drifted.length, claimed }
}

/** Per checked channel, whether the product's governed SKUs require it there (its document). */
async function requiredByDocument(ctx: DriftContext, productId: string) {
  const { value: product } = await productStore(ctx.deps.docs).read(productId)

  const desired = new Map<string, boolean>()

  for (const channel of ctx.checked) {
    const statuses = Object.values(product.skus)
      .map((s) => s[channel.id])
      .filter((s): s is ExposureStatus => Boolean(s))

    const want = desiredAssociation(statuses)

    if (want !== null) desired.set(channel.id, want)
  }

  return desired
}
