import { searchWords } from '../../domain/search'
import type { ExposureStatus, ReasonCode } from '../../domain/types'
import { allOf, anyOf, mdValue } from '../../masterdata/where'

/** Which exposure rows a read wants, in domain terms: every field set narrows it (AND). */
export interface RowFilter {
  channel?: string | null
  /** Any of these channels (empty: none, so no row matches). */
  channels?: string[]
  status?: ExposureStatus | null
  reason?: ReasonCode | null
  sellerId?: string | null
  brandId?: string | null
  /** A department or category: every row at or below it (rows keep the whole path). */
  categoryId?: string | null
  text?: string | null
  /** Internal (not in the admin's filter): one SKU's or one product's rows. */
  skuId?: string | null
  productId?: string | null
  /** Internal: the rows of any of these products. */
  productIds?: string[]
  /** A sweep's scope: rows whose status changed at or after this instant. */
  changedSince?: string | null
  /** A sweep's scope: rows in any of these statuses. */
  statuses?: ExposureStatus[] | null
}

// Past any `changedAt` the app writes: `between` needs an upper bound.
const FAR_FUTURE = '9999-12-31T23:59:59.999Z'

/** The Master Data `_where` of a filter (values quoted and stripped of quotes); undefined: all rows. */
export function exposureWhere(
  filter: RowFilter | null | undefined
): string | undefined {
  const f = filter ?? {}

  return allOf([
    f.channel && `channel=${mdValue(f.channel)}`,
    f.skuId && `skuId=${mdValue(f.skuId)}`,
    f.productId && `productId=${mdValue(f.productId)}`,
    !!f.productIds?.length && anyOf('productId', f.productIds),
    // No row has an empty channel: a trade policy no channel is bound to matches nothing.
    f.channels &&
      (f.channels.length ? anyOf('channel', f.channels) : 'channel=""'),
    f.status && `status=${mdValue(f.status)}`,
    f.reason && `reasons=${mdValue(f.reason)}`,
    f.sellerId && `sellerIds=${mdValue(f.sellerId)}`,
    f.brandId && `brandId=${mdValue(f.brandId)}`,
    f.categoryId && `categoryIds=${mdValue(f.categoryId)}`,
    ...searchWords(f.text).map((word) => `text=*${word}*`),
    f.changedSince &&
      `changedAt between ${mdValue(f.changedSince)} AND ${mdValue(FAR_FUTURE)}`,
    !!f.statuses?.length && anyOf('status', f.statuses),
  ])
}
