// The SKU and product states (evaluation/state.ts): one VBase document per SKU, the source of
// truth for its decisions, overrides and lease, and one per product, what enforcement plans on.
// Keyed by the VTEX id itself, as they were always stored, so a deployed app reads its own.
import { emptyProductState, emptySkuState } from '../../evaluation/state'
import type { ProductState, SkuState } from '../../evaluation/state'
import { BUCKET_PRODUCTS, BUCKET_SKUS } from '../deps'
import { docStoreFor } from './docStore'

/** Keyed by SKU id. */
export const skuStore = docStoreFor<SkuState, string>(
  BUCKET_SKUS,
  (skuId) => skuId,
  emptySkuState
)

/** Keyed by product id. */
export const productStore = docStoreFor<ProductState, string>(
  BUCKET_PRODUCTS,
  (productId) => productId,
  emptyProductState
)

/**
 * The product whose state a StateDocs call (its bucket and path arguments) is about, null for
 * any other document: for a wrapper of the tenant's documents (reconcile/productGate.ts).
 */
export function productOfDoc(bucket: unknown, path: unknown): string | null {
  return bucket === BUCKET_PRODUCTS && typeof path === 'string' ? path : null
}
