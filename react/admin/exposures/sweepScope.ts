import type { ScopeInput } from '../reconciliation/scope'
import { apiFilter } from './hooks/useExposureQueryState'
import type { ExposureFilter } from './types'

/**
 * The sweep scope that covers exactly what the filtered table shows. Null without a filter:
 * an empty scope is a FULL sweep of the catalog, which "re-check the matching rows" never means.
 * Null with a brand, category or trade policy too: a sweep scope has none of them, and a sweep
 * that covered more than the table shows is not what the button says.
 */
export function sweepScope(filter: ExposureFilter): ScopeInput | null {
  const { channel, status, reason, sellerId, text, ...rest } = apiFilter(filter)

  if (rest.brandId || rest.categoryId || rest.tradePolicy) return null
  const scope: ScopeInput = {}

  if (channel) scope.channel = channel
  if (status) scope.statuses = [status]
  if (reason) scope.reason = reason
  if (sellerId) scope.sellerId = sellerId
  if (text) scope.text = text

  return Object.keys(scope).length > 0 ? scope : null
}
