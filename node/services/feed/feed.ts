import type { AuditEntry } from '../projection/audit'

export interface FeedDeps {
  /** The audit trail's named query (`AuditLog.feedAfter`): a channel's changes after a position. */
  audit: {
    feedAfter(
      channel: string,
      after: Position | null,
      upTo: string,
      size: number
    ): Promise<{ data: AuditEntry[]; pagination: { total: number } }>
  }
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

const START: Position = { at: '0000-01-01T00:00:00.000Z', id: '' }
// Exactly what Date#toISOString writes for years 0000-9999: anything else is not our cursor.
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

/** An opaque cursor: a pair of strings, the first an instant as Date#toISOString writes it. */
export function encodePair(first: string, second: string): string {
  return Buffer.from(JSON.stringify([first, second])).toString('base64url')
}

/** The pair of a cursor encodePair made; null for anything else. */
export function decodePair(cursor: string): [string, string] | null {
  try {
    const parsed: unknown = JSON.parse(
      Buffer.from(cursor, 'base64url').toString('utf8')
    )

    if (!Array.isArray(parsed) || parsed.length !== 2) return null
    const [at, other] = parsed as unknown[]

    if (typeof at !== 'string' || typeof other !== 'string') return null
    if (!ISO.test(at)) return null
    const time = Date.parse(at)

    if (!Number.isFinite(time) || new Date(time).toISOString() !== at)
      return null

    return [at, other]
  } catch {
    return null
  }
}

export function encodeCursor(position: Position): string {
  return encodePair(position.at, position.id)
}

/** null for a cursor that is not one of ours (the route answers 400 INVALID_CURSOR). */
export function decodeCursor(cursor: string): Position | null {
  const pair = decodePair(cursor)

  return pair && { at: pair[0], id: pair[1] }
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

/**
 * A channel's exposure changes after `since` (the audit trail's STATUS_CHANGE entries), oldest
 * first, in (at, id) order: one keyset search from offset 0 for the entries after the cursor's
 * (at, id), so entries sharing an `at` are neither skipped nor repeated, and `hasMore` comes from
 * the search's total (no `limit + 1` read, which Master Data's 100-document page would cut).
 */
export async function readFeed(
  deps: FeedDeps,
  channel: string,
  since: Position | null,
  limit: number
): Promise<FeedPage> {
  const size = Math.max(1, Math.min(MAX_FEED_LIMIT, limit))
  const upTo = new Date(deps.now().getTime() - deps.settleMs).toISOString()
  const result = await deps.audit.feedAfter(channel, since, upTo, size)

  const page = result.data
  const last = page[page.length - 1]

  return {
    items: page.map(itemOf),
    next: encodeCursor(last ? { at: last.at, id: last.id } : since ?? START),
    hasMore: result.pagination.total > page.length,
  }
}
