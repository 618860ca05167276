import type { KeysetSort } from '../../masterdata/keyset'
import { mdCompare } from '../../masterdata/order'
import type { ExposureDoc } from './exposureRow'
import { byChannel } from './exposureQuery'

/**
 * The rows of several channels as one keyset order: (sort value, SKU id, channel), all three
 * descending in a DESC sort. Each channel's search serves its rows in (value, SKU id) order (a
 * SKU has one document per group, so the SKU id breaks ties within a channel); the channel
 * breaks the ties between channels, where a SKU's rows share a SKU field (name, id).
 */
export function rowOrder(sort: KeysetSort) {
  const sign = sort.desc ? -1 : 1
  const valueOf = (row: ExposureDoc) =>
    (row as unknown as Record<string, unknown>)[sort.field]

  return (a: ExposureDoc, b: ExposureDoc) =>
    sign *
    (mdCompare(valueOf(a), valueOf(b)) ||
      mdCompare(a.skuId, b.skuId) ||
      byChannel(a.channel, b.channel))
}

/** One channel's keyset page: its first rows after the position, and how many follow it in all. */
export interface ChannelPage {
  rows: ExposureDoc[]
  total: number
}

/**
 * The first `size` rows of the channels' pages merged in `rowOrder` (each page holds `size`
 * rows, so no row of the merged page can be missing), and the rows after the position in all.
 */
export function mergePages(
  pages: ChannelPage[],
  sort: KeysetSort,
  size: number
): { rows: ExposureDoc[]; total: number } {
  const order = rowOrder(sort)
  const heads = pages.map(() => 0)
  const rows: ExposureDoc[] = []

  while (rows.length < size) {
    let best = -1

    pages.forEach((page, i) => {
      const row = page.rows[heads[i]]

      if (!row) return
      if (best < 0 || order(row, pages[best].rows[heads[best]]) < 0) best = i
    })

    if (best < 0) break
    rows.push(pages[best].rows[heads[best]])
    heads[best] += 1
  }

  return { rows, total: pages.reduce((sum, p) => sum + p.total, 0) }
}

/**
 * Whether a channel resumes at the last row's own SKU: the channels after the last row's
 * channel in the merged order have that SKU's row still to serve.
 */
export function resumesAtSku(
  sort: KeysetSort,
  lastChannel: string,
  channel: string
): boolean {
  const c = byChannel(channel, lastChannel)

  return sort.desc ? c < 0 : c > 0
}

/**
 * The SKU and channel a row id names (`${skuId}-${channel}`), among the channels given (the
 * longest that fits: a channel id may hold a dash), else at its last dash (a channel this
 * worker has no slot for yet: affiliate ids hold none); null for an id with no dash.
 */
export function splitRowId(
  id: string,
  channels: readonly string[]
): { skuId: string; channel: string } | null {
  const channel =
    [...channels]
      .sort((a, b) => b.length - a.length)
      .find((c) => id.endsWith(`-${c}`) && id.length > c.length + 1) ??
    id.slice(id.lastIndexOf('-') + 1)

  const skuId = id.slice(0, id.length - channel.length - 1)

  return skuId && channel && id.includes('-') ? { skuId, channel } : null
}
