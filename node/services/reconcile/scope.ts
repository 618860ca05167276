import { MAX_SEARCH_TEXT, searchWords } from '../../domain/search'
import { EXPOSURE_STATUSES, REASON_CODES } from '../../domain/types'
import { SweepError } from './types'
import type { SweepScope } from './types'

const MAX_SKUS_IN_SCOPE = 10_000

/** Normalises the admin's scope: drops empty fields, rejects what cannot be swept. */
export function normaliseScope(input: SweepScope): SweepScope {
  const scope: SweepScope = {}

  if (input.channel) scope.channel = input.channel
  if (input.sellerId) scope.sellerId = input.sellerId
  if (input.skuIds && input.skuIds.length > 0) {
    if (input.skuIds.length > MAX_SKUS_IN_SCOPE)
      throw new SweepError('INVALID_SCOPE')
    scope.skuIds = [...new Set(input.skuIds.map(String))]
  }

  if (input.changedSince) {
    if (Number.isNaN(Date.parse(input.changedSince)))
      throw new SweepError('INVALID_SCOPE')
    scope.changedSince = new Date(input.changedSince).toISOString()
  }

  if (input.statuses && input.statuses.length > 0) {
    if (input.statuses.some((s) => !EXPOSURE_STATUSES.includes(s)))
      throw new SweepError('INVALID_SCOPE')
    scope.statuses = [...new Set(input.statuses)]
  }

  if (input.reason) {
    if (!REASON_CODES.includes(input.reason))
      throw new SweepError('INVALID_SCOPE')
    scope.reason = input.reason
  }

  const text = input.text?.trim()

  if (text) {
    // A search with nothing searchable left must not widen into a full sweep.
    if (text.length > MAX_SEARCH_TEXT || searchWords(text).length === 0)
      throw new SweepError('INVALID_SCOPE')
    scope.text = text
  }

  return scope
}

export const isFullScope = (scope: SweepScope) =>
  Object.keys(scope).length === 0

/** A channel's sweep with no other filter (a normalised scope has no empty fields). */
export const isWholeChannel = (scope: SweepScope) =>
  Boolean(scope.channel) && Object.keys(scope).length === 1
