import { UserInputError } from '@vtex/api'

import type { EngineDeps } from '../shared/deps'
import {
  MD_MAX_PAGE,
  MD_SEARCH_WINDOW,
  pendingOf,
} from '../projection/projection'
import type { Pending } from '../projection/projection'
import { affiliates } from '../shared/reference'

export interface ProductToChange {
  productId: string
  productName: string | null
  action: Exclude<Pending, 'NONE'>
  /** The product's SKUs the app governs on the channel (what decided the action). */
  skuIds: string[]
}

/** Catalog ids (products, SKUs) in numeric order: "2" before "10". */
export const byNumericId = (a: string, b: string) =>
  a.length - b.length || a.localeCompare(b)

/**
 * The products ENFORCE would put on or take off the channel's trade policy (in ENFORCE: the
 * writes not done yet), by product id. Names and SKUs come from the channel's exposure rows: one
 * search per page, not one per product.
 */
export async function productsToChange(
  deps: Pick<EngineDeps, 'projection' | 'affiliates' | 'memory'>,
  channel: string,
  page = 1,
  pageSize = 50
): Promise<{ items: ProductToChange[]; total: number }> {
  const known = (await affiliates(deps)).some((a) => a.id === channel)

  if (!known) throw new UserInputError('UNKNOWN_CHANNEL')
  const size = Math.max(1, Math.min(MD_MAX_PAGE, pageSize))
  const at = Math.max(1, page)

  if (at * size > MD_SEARCH_WINDOW)
    throw new UserInputError('PAGE_BEYOND_SEARCH_WINDOW')

  const result = await deps.projection.pendingPage(channel, at, size)
  const ids = result.data.map((d) => d.productId)
  const rows = new Map<string, { name: string | null; skuIds: string[] }>()

  if (ids.length > 0) {
    for await (const docs of deps.projection.scan({
      channel,
      productIds: ids,
    })) {
      for (const doc of docs) {
        if (!doc.productId) continue
        const row = rows.get(doc.productId) ?? { name: null, skuIds: [] }

        row.name = row.name ?? doc.productName
        row.skuIds.push(doc.skuId)
        rows.set(doc.productId, row)
      }
    }
  }

  return {
    total: result.pagination.total,
    items: result.data
      .map((doc) => ({ doc, action: pendingOf(doc) }))
      .filter(
        (p): p is { doc: typeof p.doc; action: ProductToChange['action'] } =>
          p.action !== 'NONE'
      )
      .map(({ doc, action }) => ({
        productId: doc.productId,
        productName: rows.get(doc.productId)?.name ?? null,
        action,
        skuIds: (rows.get(doc.productId)?.skuIds ?? []).sort(byNumericId),
      })),
  }
}
