import type { AuditEntry } from './audit'
import { MD_MAX_PAGE, mdValue } from './projection'

/** Master Data search over the audit trail, in a given order (the feed reads oldest first). */
export type AuditSearch = (
  where: string,
  page: number,
  pageSize: number,
  sort: string
) => Promise<{ data: AuditEntry[] }>

export interface FeedDeps {
  search: AuditSearch
  now: () => Date
  /**
   * Entries younger than this are not served yet: an entry's `at` is when its evaluation read
   * its inputs, and Master Data indexes asynchronously, so a late entry could otherwise land
   * behind a cursor already handed out.
   */
  settleMs: number
}

export interface FeedItem {
  id: string
  skuId: string | null
  productId: string | null
  status: string
  fromStatus: string | null
  available: number | null
  at: string
}

export interface FeedPage {
  items: FeedItem[]
  next: string
  hasMore: boolean
}

interface Position {
  at: string
  id: string
}

export const MAX_FEED_LIMIT = 100

export function encodeCursor(position: Position): string {
  return Buffer.from(JSON.stringify([position.at, position.id])).toString(
    'base64url'
  )
}

/** null for a cursor that is not one of ours (the route answers 400). */
export function decodeCursor(cursor: string): Position | null {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString())

    if (typeof at !== 'string' || typeof id !== 'string') return null
    if (Number.isNaN(Date.parse(at))) return null

    return { at, id }
  } catch {
    return null
  }
}

const itemOf = (entry: AuditEntry): FeedItem => {
  let available: number | null = null

  try {
    const details = JSON.parse(entry.details ?? '{}') as { available?: unknown }

    available = typeof details.available === 'number' ? details.available : null
  } catch {
    available = null
  }

  return {
    id: entry.id,
    skuId: entry.skuId,
    productId: entry.productId,
    // null: the SKU stopped being governed (no seller-originated offer left).
    status: entry.toStatus ?? 'UNGOVERNED',
    fromStatus: entry.fromStatus,
    available,
    at: entry.at,
  }
}

// Code-point order, the same as the `id > since.id` filter (localeCompare would differ).
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
const byPosition = (a: AuditEntry, b: AuditEntry) =>
  compare(a.at, b.at) || compare(a.id, b.id)

/**
 * A channel's exposure changes after `since` (the audit trail's STATUS_CHANGE entries), oldest
 * first, in (at, id) order. Entries sharing one `at` are read as a group, so paging never splits
 * a group the next cursor could not find again.
 */
export async function readFeed(
  deps: FeedDeps,
  channel: string,
  since: Position | null,
  limit: number
): Promise<FeedPage> {
  const size = Math.max(1, Math.min(MAX_FEED_LIMIT, limit))
  const upTo = new Date(deps.now().getTime() - deps.settleMs).toISOString()
  const base = `channel=${mdValue(channel)} AND kind="STATUS_CHANGE"`
  const items: AuditEntry[] = []

  if (since) {
    const same = await deps.search(
      `${base} AND at=${mdValue(since.at)}`,
      1,
      MD_MAX_PAGE,
      'at ASC'
    )

    items.push(...same.data.filter((e) => e.id > since.id).sort(byPosition))
  }

  const from = since
    ? new Date(Date.parse(since.at) + 1).toISOString()
    : '0000-01-01T00:00:00.000Z'

  let hasMore = false

  if (items.length <= size && from <= upTo) {
    const later = await deps.search(
      `${base} AND at between ${mdValue(from)} AND ${mdValue(upTo)}`,
      1,
      size + 1,
      'at ASC'
    )

    let batch = [...later.data].sort(byPosition)

    if (batch.length > size) {
      hasMore = true
      // The last `at` group may continue on the next page: leave it whole for the next call.
      const lastAt = batch[batch.length - 1].at
      const trimmed = batch.filter((e) => e.at !== lastAt)

      if (trimmed.length > 0) batch = trimmed
      else {
        const group = await deps.search(
          `${base} AND at=${mdValue(lastAt)}`,
          1,
          MD_MAX_PAGE,
          'at ASC'
        )

        batch = [...group.data].sort(byPosition)
      }
    }

    items.push(...batch)
  }

  const page = items.slice(0, size)

  hasMore = hasMore || items.length > page.length
  const last = page[page.length - 1]
  const next = last
    ? encodeCursor({ at: last.at, id: last.id })
    : since
    ? encodeCursor(since)
    : encodeCursor({ at: '0000-01-01T00:00:00.000Z', id: '' })

  return { items: page.map(itemOf), next, hasMore }
}
