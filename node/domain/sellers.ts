// Which third-party sellers of a SKU count for a channel.
import { MARKETPLACE_SELLER_ID } from './ids'
import type { ChannelConfig, SellerOffer, SkuFacts } from './types'

export type SellerExcludedBy =
  | 'INACTIVE_BINDING'
  | 'NOT_IN_ALLOW_LIST'
  | 'DENY_LIST'

export interface SellerTrace {
  sellerId: string
  active: boolean
  counted: boolean
  excludedBy: SellerExcludedBy | null
}

/** Every SkuSellers entry except the marketplace itself (seller "1"), active binding or not. */
export function thirdPartySellers(sku: SkuFacts): SellerOffer[] {
  return sku.sellers.filter((s) => s.sellerId.trim() !== MARKETPLACE_SELLER_ID)
}

/**
 * A governed SKU has at least one third-party seller entry. Inactive bindings count here on
 * purpose: a SKU whose only binding was deactivated stays governed, so the engine withdraws it
 * (SELLER_EXCLUDED) instead of forgetting it in whatever state it was.
 */
export function isGoverned(sku: SkuFacts): boolean {
  return thirdPartySellers(sku).length > 0
}

/**
 * A seller counts when its binding is active, it is in the allow list (if the list is non-empty)
 * and it is not in the deny list. The first failing check is the one reported.
 */
export function sellersForChannel(
  sku: SkuFacts,
  channel: Pick<ChannelConfig, 'sellerAllow' | 'sellerDeny'>
): SellerTrace[] {
  const allow = new Set(channel.sellerAllow)
  const deny = new Set(channel.sellerDeny)

  return thirdPartySellers(sku).map((offer) => {
    const sellerId = offer.sellerId.trim()
    const excludedBy: SellerExcludedBy | null = !offer.isActive
      ? 'INACTIVE_BINDING'
      : allow.size > 0 && !allow.has(sellerId)
      ? 'NOT_IN_ALLOW_LIST'
      : deny.has(sellerId)
      ? 'DENY_LIST'
      : null

    return {
      sellerId,
      active: offer.isActive,
      counted: excludedBy === null,
      excludedBy,
    }
  })
}

/**
 * Why no seller counts: SELLER_INACTIVE when every binding is inactive (the sellers' side, nothing
 * the channel's lists did), SELLER_EXCLUDED when an allow or deny list left a seller out (or the
 * SKU has no third-party seller at all).
 */
export function sellersReason(
  sellers: SellerTrace[]
): 'SELLER_INACTIVE' | 'SELLER_EXCLUDED' {
  return sellers.length > 0 &&
    sellers.every((s) => s.excludedBy === 'INACTIVE_BINDING')
    ? 'SELLER_INACTIVE'
    : 'SELLER_EXCLUDED'
}
