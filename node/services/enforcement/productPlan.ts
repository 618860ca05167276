import { desiredAssociation } from '../../domain'
import type { ChannelConfig, ExposureStatus } from '../../domain/types'
import { LEASE_MS } from '../evaluation/lease'
import type { ProductState } from '../evaluation/state'
import { PENDING_DOCS } from '../evaluation/state'

/**
 * Product-level enforcement, in two steps. VTEX associates products, not SKUs, with trade
 * policies: a product belongs on a channel when at least one of its governed SKUs is EXPOSED
 * there. `planProduct` records a SKU's statuses in the product's VBase document (conditional
 * write) and, in the same write, claims the catalog write of each ENFORCE channel whose
 * association must change, so two workers never write it twice. `settleProduct` then reads the
 * association once, writes only what differs, and projects the product's state per channel.
 */
export interface ProductPlan {
  productId: string
  owner: string
  channels: ChannelConfig[]
  /** channel -> should the product be on the channel's trade policy (null: keep as is) */
  planned: Record<string, boolean | null>
  claims: Array<{ channel: ChannelConfig; to: boolean }>
  /** OBSERVE channels whose catalog association is not known yet */
  unknown: ChannelConfig[]
  product: ProductState
  /** Siblings whose status is unknown: evaluated before the product may be withdrawn. */
  evaluateFirst: string[]
  /** An ENFORCE withdrawal waits on knowing every SKU of the product. */
  needsSiblings: boolean
  /**
   * The product's trade policies as the SKU context just read them (null: not read). Saves the
   * association read: a write it says is needed is made at once (both writes are idempotent);
   * only "nothing to write" is confirmed by a read, so a stale context never skips a withdrawal.
   */
  observed: string[] | null
  /** What the document said before this plan, to project only what changed. */
  before: {
    planned: Record<string, boolean | null>
    applied: Record<string, boolean>
  }
}

export interface SkuUpdate {
  skuId: string
  statuses: Record<string, ExposureStatus>
  /** false: the SKU has no third-party seller (known, but not the app's to weigh) */
  governed?: boolean
}

/** The product's next state and the writes it needs, from its current document. Pure. */
export function planOn(
  current: ProductState,
  {
    owner,
    channels,
    now,
    sku,
    siblings,
  }: {
    owner: string
    channels: ChannelConfig[]
    now: number
    sku?: SkuUpdate
    /** Every SKU of the product, when read (a withdrawal waits on knowing them all). */
    siblings?: string[]
  }
): ProductPlan {
  const planned: Record<string, boolean | null> = { ...(current.planned ?? {}) }
  const next: ProductState = {
    ...current,
    skus: { ...current.skus },
    applying: { ...current.applying },
    planned,
    pendingDocs: PENDING_DOCS,
  }
  const projected = current.pendingDocs === PENDING_DOCS

  const ungoverned = { ...(current.ungoverned ?? {}) }

  next.ungoverned = ungoverned
  if (sku && Object.keys(sku.statuses).length > 0) {
    next.skus[sku.skuId] = sku.statuses
    delete ungoverned[sku.skuId]
  } else if (sku) {
    delete next.skus[sku.skuId]
    if (sku.governed === false) ungoverned[sku.skuId] = true
  }

  const unknownSiblings = (siblings ?? []).filter(
    (id) => !next.skus[id] && !ungoverned[id]
  )

  const governed = Object.keys(next.skus).length > 0
  const plan: ProductPlan = {
    productId: current.productId,
    owner,
    channels,
    planned: {},
    claims: [],
    unknown: [],
    observed: null,
    evaluateFirst: [],
    needsSiblings: false,
    product: next,
    before: projected
      ? {
          planned: { ...(current.planned ?? {}) },
          applied: { ...current.applied },
        }
      : { planned: {}, applied: {} },
  }

  for (const channel of channels) {
    const statuses = Object.values(next.skus)
      .map((s) => s[channel.id])
      .filter((s): s is ExposureStatus => Boolean(s))

    // A product with no governed SKU left is not the app's to touch.
    const desired = governed ? desiredAssociation(statuses) : null

    plan.planned[channel.id] = desired
    planned[channel.id] = desired
    if (desired === null) continue
    if (channel.mode === 'OBSERVE') {
      if (next.applied[channel.id] === undefined) plan.unknown.push(channel)
      continue
    }

    if (next.applied[channel.id] === desired) continue
    if (desired === false && (!siblings || unknownSiblings.length > 0)) {
      // A sibling not evaluated yet may be EXPOSED: withdraw only once all are known.
      plan.needsSiblings = !siblings
      plan.evaluateFirst = unknownSiblings
      continue
    }

    const claim = next.applying[channel.id]

    if (claim && claim.until > now) continue
    next.applying[channel.id] = { owner, until: now + LEASE_MS, to: desired }
    plan.claims.push({ channel, to: desired })
  }

  return plan
}
