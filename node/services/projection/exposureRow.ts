import { decisionChanged } from '../../domain/changes'
import { foldText } from '../../domain/search'
import type { ExposureStatus, ReasonCode } from '../../domain/types'
import type { StoredDecision } from '../evaluation/state'

/**
 * One row per SKU and channel: what the admin's table filters, sorts and shows (stored in the
 * SKU's one document, skuDoc.ts).
 */
export interface ExposureDoc {
  id: string
  skuId: string
  productId: string | null
  channel: string
  status: ExposureStatus
  reasons: ReasonCode[]
  available: number | null
  /** What the admin's stock sort orders by (stockRankOf): `available`, with unlimited above any count. */
  stockRank: number | null
  evaluatedAt: string
  changedAt: string
  skuName: string | null
  productName: string | null
  sellerIds: string[]
  brandId: string | null
  brandName: string | null
  /** The product's own category (the last of `categoryIds`). */
  categoryId: string | null
  /** Department first: a filter by a department or category matches every row below it. */
  categoryIds: string[]
  /** The category names from the department down, joined by " / " (null: not known yet). */
  categoryPath: string | null
  overrideAction: 'ALLOW' | 'BLOCK' | null
  productAssociated: boolean | null
  /** Lower-cased SKU id, names and product id, for the admin's text search. */
  text: string
  trace: string
}

/**
 * The projection row's format: 2 stores `text` folded (no accents), 3 adds `stockRank`, 4 the
 * brand and categories, 5 moves the rows into one document per SKU (skuDoc.ts). A decision stored with an older format has its row written again at its
 * next evaluation or sweep, as if it changed (until then its row sorts as an unknown quantity and
 * matches no brand or category filter).
 */
export const ROW_FORMAT = 5

/**
 * Above any quantity the catalog can hold (VTEX stores quantities as 32-bit integers), so an
 * unlimited SKU sorts as the largest.
 */
export const UNLIMITED_RANK = 2_147_483_647

/**
 * The row's place in the admin's stock sort. `available` is null both for unlimited stock and for
 * an ERROR or PENDING decision that read no stock: unlimited ranks above every count, an unknown
 * quantity has no rank (Master Data sorts a missing value first, ascending).
 */
export function stockRankOf(
  decision: Pick<StoredDecision, 'available' | 'status'>
): number | null {
  if (decision.available !== null) return decision.available

  return decision.status === 'ERROR' || decision.status === 'PENDING'
    ? null
    : UNLIMITED_RANK
}

/**
 * Does the projection row need writing: what the admin filters and shows changed (status,
 * reasons, available, association, the names a rename changes, the sellers), or the row's format.
 */
export function rowChanged(
  before: StoredDecision | null,
  next: StoredDecision
): boolean {
  if (!before) return true

  return (
    decisionChanged(before, next).any ||
    before.productAssociated !== next.productAssociated ||
    shownChanged(before, next)
  )
}

const placeKey = (d: StoredDecision) =>
  d.place
    ? [
        d.place.brandId,
        d.place.brandName,
        d.place.categoryIds.join('/'),
        d.place.categoryNames.join('/'),
      ].join('|')
    : ''

/** The names, sellers, brand, categories and row format: what the check of an unchanged SKU must not miss either. */
export function shownChanged(before: StoredDecision, next: StoredDecision) {
  return (
    before.skuName !== next.skuName ||
    before.productName !== next.productName ||
    before.sellerIds.join('|') !== next.sellerIds.join('|') ||
    placeKey(before) !== placeKey(next) ||
    (before.rowFormat ?? 1) !== (next.rowFormat ?? 1)
  )
}

export const exposureId = (skuId: string, channel: string) =>
  `${skuId}-${channel}`

export function toExposureDoc(
  decision: StoredDecision,
  overrideAction: 'ALLOW' | 'BLOCK' | null
): ExposureDoc {
  const text = foldText(
    [decision.skuId, decision.productId, decision.skuName, decision.productName]
      .filter(Boolean)
      .join(' ')
  )

  const place = decision.place ?? null
  const categoryIds = place?.categoryIds ?? []
  const names = place?.categoryNames ?? []

  return {
    id: exposureId(decision.skuId, decision.channel),
    skuId: decision.skuId,
    productId: decision.productId,
    channel: decision.channel,
    status: decision.status,
    reasons: decision.reasons,
    available: decision.available,
    stockRank: stockRankOf(decision),
    evaluatedAt: decision.evaluatedAt,
    changedAt: decision.changedAt,
    skuName: decision.skuName,
    productName: decision.productName,
    sellerIds: decision.sellerIds,
    brandId: place?.brandId ?? null,
    brandName: place?.brandName ?? null,
    categoryId: categoryIds[categoryIds.length - 1] ?? null,
    categoryIds,
    categoryPath: categoryIds.length
      ? categoryIds.map((id, i) => names[i] ?? id).join(' / ')
      : null,
    overrideAction,
    productAssociated: decision.productAssociated ?? null,
    text,
    trace: JSON.stringify(decision.trace),
  }
}
