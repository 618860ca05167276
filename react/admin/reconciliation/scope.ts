import type { ReconciliationScopeInput } from '../../typings/schema.generated'
import type { ScopeForm } from './types'

/** The form sends the first four of ReconciliationScopeInput, the exposures page the filter's. */
export type ScopeInput = ReconciliationScopeInput

export const parseSkuIds = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean)

/** The mutation's scope; `{}` (every field empty) is a full sweep. Null when a field is invalid. */
export function toScope(form: ScopeForm): {
  scope: ScopeInput | null
  invalidSkus: boolean
  invalidDate: boolean
} {
  const scope: ScopeInput = {}
  const skuIds = parseSkuIds(form.skuIds)
  const invalidSkus = skuIds.some((id) => !/^[1-9]\d{0,18}$/.test(id))
  let invalidDate = false

  if (form.channel) scope.channel = form.channel
  if (form.sellerId.trim()) scope.sellerId = form.sellerId.trim()
  if (skuIds.length) scope.skuIds = Array.from(new Set(skuIds))
  if (form.changedSince.trim()) {
    const time = new Date(form.changedSince).getTime()

    if (Number.isNaN(time)) invalidDate = true
    else scope.changedSince = new Date(time).toISOString()
  }

  return {
    scope: invalidSkus || invalidDate ? null : scope,
    invalidSkus,
    invalidDate,
  }
}

export const isFull = (scope: ScopeInput) => Object.keys(scope).length === 0
