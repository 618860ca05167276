import { allOf, anyOf, mdValue } from '../../masterdata/where'
import type { AuditKind } from './auditEntries'

/** Whose timeline the admin reads: a SKU's (its product's writes without a SKU too), a channel's. */
export interface TrailFilter {
  skuId?: string | null
  /** The SKU's product, when known: its product-wide writes belong to the SKU's timeline. */
  productId?: string | null
  channel?: string | null
}

/** A feed position: the last entry served, by (at, stored id). */
export interface FeedPosition {
  at: string
  /** The stored document id (the adapter's `docId`), which Master Data compares. */
  id: string
}

/** Which of a run's entries: on one channel, of any of these kinds. */
export interface RunEntriesFilter {
  channel?: string | null
  kinds?: readonly AuditKind[] | null
}

const kindIs = (kinds: readonly AuditKind[]) =>
  kinds.length === 1 ? `kind=${mdValue(kinds[0])}` : anyOf('kind', kinds)

export function trailWhere(filter: TrailFilter): string | undefined {
  const { skuId, productId, channel } = filter
  const sku = skuId
    ? productId
      ? `(skuId=${mdValue(skuId)} OR (productId=${mdValue(
          productId
        )} AND skuId is null))`
      : `skuId=${mdValue(skuId)}`
    : null

  return allOf([sku, channel && `channel=${mdValue(channel)}`])
}

export const latestWriteWhere = (productId: string, channel: string) =>
  `productId=${mdValue(productId)} AND channel=${mdValue(
    channel
  )} AND kind="ENFORCEMENT_WRITE"`

export const writesSinceWhere = (channel: string, since: string) =>
  `kind="ENFORCEMENT_WRITE" AND channel=${mdValue(channel)} AND at>${mdValue(
    since
  )}`

export const olderThanWhere = (at: string) => `at<${mdValue(at)}`

export function feedWhere(
  channel: string,
  after: FeedPosition | null,
  upTo: string
): string {
  const at = after && mdValue(after.at)

  return [
    `channel=${mdValue(channel)}`,
    'kind="STATUS_CHANGE"',
    `at<=${mdValue(upTo)}`,
    after && `(at>${at} OR (at=${at} AND id>${mdValue(after.id)}))`,
  ]
    .filter(Boolean)
    .join(' AND ')
}

export function ofRunWhere(runId: string, filter: RunEntriesFilter): string {
  return [
    `runId=${mdValue(runId)}`,
    filter.channel && `channel=${mdValue(filter.channel)}`,
    filter.kinds?.length && kindIs(filter.kinds),
  ]
    .filter(Boolean)
    .join(' AND ')
}

export const ofKindWhere = (kind: AuditKind) => kindIs([kind])
