import type { EngineDeps } from '../shared/deps'
import { updateProduct } from './enforce'
import type { ProductPlan } from './enforce'

/**
 * Best effort: give up the catalog writes a plan claimed for a decision that was not stored, so
 * the retry claims them at once instead of finding them held for LEASE_MS and writing nothing.
 */
export async function releaseClaims(deps: EngineDeps, plan: ProductPlan) {
  if (plan.claims.length === 0) return
  await updateProduct(deps, plan.productId, (current) => {
    const applying = Object.fromEntries(
      Object.entries(current.applying).filter(([, c]) => c.owner !== plan.owner)
    )

    return Object.keys(applying).length === Object.keys(current.applying).length
      ? null
      : { ...current, applying }
  }).catch((error) =>
    deps.log.warn({
      message: 'evaluate-claims-release-failed',
      productId: plan.productId,
      error: String(error),
    })
  )
}
