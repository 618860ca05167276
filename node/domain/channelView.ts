import type { ExposureStatus } from './types'

/** What an affiliate sees of one SKU, as far as the app can know it (VTEX has no API for it). */
export type ChannelView =
  | 'LISTED_WITH_STOCK'
  | 'LISTED_WITHOUT_STOCK'
  | 'REMOVED'
  | 'UNKNOWN'

/**
 * The channel lists a product while it is on the channel's trade policy, every SKU of it, and
 * reads each SKU's stock through the fulfillment simulation, which counts the marketplace's own
 * stock whatever the app decided. So the view follows the association and the stock the decision
 * saw, not the status: an exposed SKU with unlimited stock (`available` null) is listed with
 * stock; a SKU in ERROR or PENDING with no stock read is not known.
 */
export function expectedChannelView(input: {
  associated: boolean | null
  status: ExposureStatus
  available: number | null
}): ChannelView {
  if (input.associated === null) return 'UNKNOWN'
  if (!input.associated) return 'REMOVED'
  if (input.available === null) {
    return input.status === 'ERROR' || input.status === 'PENDING'
      ? 'UNKNOWN'
      : 'LISTED_WITH_STOCK'
  }

  return input.available > 0 ? 'LISTED_WITH_STOCK' : 'LISTED_WITHOUT_STOCK'
}
