// What is left to settle later, in its own bucket: decisions not stored yet, override expiries.
import { singleDocFor } from './docStore'

const BUCKET_SETTLE = 'settle'

export interface UnsettledIndex {
  skus: Record<string, { since: string; error: string }>
}

export interface Expiry {
  skuId: string
  channel: string
  expiresAt: string
}

export interface ExpiryIndex {
  entries: Record<string, Expiry>
}

/** The SKUs whose latest decision could not be stored (evaluation/unsettled.ts). */
export const unsettledStore = singleDocFor<UnsettledIndex>(
  BUCKET_SETTLE,
  'unsettled',
  () => ({ skus: {} })
)

/** The overrides that expire, by SKU and channel (reconcile/expiries.ts). */
export const expiryStore = singleDocFor<ExpiryIndex>(
  BUCKET_SETTLE,
  'override-expiries',
  () => ({ entries: {} })
)
