import { searchWords } from '../../domain/search'
import type { ExposureStatus, ReasonCode } from '../../domain/types'
import { allOf, anyOf, mdValue } from '../../masterdata/where'
import type { Place, SlotKey } from './skuDoc'
import { isSlotKey, slotField } from './skuDoc'

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

/**
 * The channels a filter reads, of those that have a slot, in channel order (the merge's last
 * tie-break): its channel, its trade policy's channels, or every one.
 */
export function channelsOf(
  filter: RowFilter | null | undefined,
  slotted: readonly string[]
): string[] {
  const f = filter ?? {}

  return [...slotted]
    .filter((c) => !f.channel || c === f.channel)
    .filter((c) => !f.channels || f.channels.includes(c))
    .sort(byChannel)
}

export const byChannel = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The Master Data `_where` of a filter (values quoted and stripped of quotes). At a slot's
 * `place`: the rows of the channel whose slot it is, in that group's documents that have the
 * slot (a document without it is not a row of the channel), the SKU's fields as they are and the
 * row's in the slot's fields; the channel is the slot, not a clause. Without one: the filter as
 * one row per document would spell it (the language the services' tests describe reads in);
 * undefined: all rows.
 */
export function exposureWhere(
  filter: RowFilter | null | undefined,
  at?: Place
): string | undefined {
  const f = filter ?? {}
  const name = (field: SlotKey) => (at ? slotField(field, at.index) : field)

  return allOf([
    at && `group=${at.group}`,
    at && `${name('status')} is not null`,
    !at && f.channel && `channel=${mdValue(f.channel)}`,
    f.skuId && `skuId=${mdValue(f.skuId)}`,
    f.productId && `productId=${mdValue(f.productId)}`,
    !!f.productIds?.length && anyOf('productId', f.productIds),
    // No row has an empty channel: a trade policy no channel is bound to matches nothing.
    !at &&
      f.channels &&
      (f.channels.length ? anyOf('channel', f.channels) : 'channel=""'),
    f.status && `${name('status')}=${mdValue(f.status)}`,
    f.reason && `${name('reasons')}=${mdValue(f.reason)}`,
    f.sellerId && `sellerIds=${mdValue(f.sellerId)}`,
    f.brandId && `brandId=${mdValue(f.brandId)}`,
    f.categoryId && `categoryIds=${mdValue(f.categoryId)}`,
    ...searchWords(f.text).map((word) => `text=*${word}*`),
    f.changedSince &&
      `${name('changedAt')} between ${mdValue(f.changedSince)} AND ${mdValue(
        FAR_FUTURE
      )}`,
    !!f.statuses?.length && anyOf(name('status'), f.statuses),
  ])
}

/** The `_where` of a filter's rows on the channel whose slot is at `place`. */
export const slotWhere = (filter: RowFilter | null | undefined, place: Place) =>
  exposureWhere(filter, place) ?? ''

/** The stored field a row field sorts by at a slot: the slot's own, or the SKU's. */
export const sortFieldAt = (rowField: string, { index }: Place) =>
  isSlotKey(rowField) ? slotField(rowField, index) : rowField
