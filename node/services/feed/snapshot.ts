import type { EngineDeps } from '../shared/deps'
import type { Baselines } from '../shared/baselines'
import { searchExposures } from '../operator/exposures'
import { decodePair, encodeCursor, encodePair } from './feed'

/**
 * Where a channel starts: every SKU's current status on it, from the projection (one row per
 * SKU decided on the channel), by SKU id. The change feed then carries what changed after the
 * page's `since`. A channel's first decisions, made by its baseline sweep, have no change entry
 * (shared/baselines.ts): the snapshot is how a channel learns them, so it is served only once
 * that sweep finished and Master Data has had the settle delay to index what it wrote.
 */
export interface SnapshotDeps {
  projection: EngineDeps['projection']
  baselines: () => Promise<Baselines>
  now: () => Date
  settleMs: number
}

export interface SnapshotItem {
  skuId: string
  productId: string | null
  status: string
  available: number | null
  changedAt: string
}

export interface SnapshotPage {
  items: SnapshotItem[]
  /** The next page's cursor; null: this was the last. */
  next: string | null
  /** The change feed's cursor to poll from once every page is read (the same on every page). */
  since: string
}

export const MAX_SNAPSHOT_LIMIT = 100

/** The channel has no finished baseline yet, or it finished less than the settle delay ago. */
export class SnapshotNotReady extends Error {
  constructor(public readonly retryAfterSeconds: number) {
    super('SNAPSHOT_NOT_READY')
  }
}

interface Position {
  /** When the snapshot's first page was read: the change feed resumes a settle delay before. */
  takenAt: string
  /** The keyset cursor of the projection's pages (operator/exposures.ts). */
  rows: string
}

export function encodeSnapshotCursor(position: Position): string {
  return encodePair(position.takenAt, position.rows)
}

/** null for a cursor that is not one of ours (the route answers 400 INVALID_CURSOR). */
export function decodeSnapshotCursor(cursor: string): Position | null {
  const pair = decodePair(cursor)

  return pair && { takenAt: pair[0], rows: pair[1] }
}

export async function readSnapshot(
  deps: SnapshotDeps,
  channel: string,
  after: Position | null,
  limit: number
): Promise<SnapshotPage> {
  const now = deps.now().getTime()
  const baselinedAt = (await deps.baselines())(channel)
  const readyAt = baselinedAt ? Date.parse(baselinedAt) + deps.settleMs : null

  if (readyAt === null || now < readyAt)
    throw new SnapshotNotReady(
      readyAt === null ? 60 : Math.ceil((readyAt - now) / 1000)
    )
  const takenAt = after?.takenAt ?? new Date(now).toISOString()
  // Later pages need no count (the last argument): `next` says whether there is more.
  const page = await searchExposures(
    deps,
    { channel },
    after?.rows ?? null,
    Math.max(1, Math.min(MAX_SNAPSHOT_LIMIT, limit)),
    null,
    false
  )

  return {
    items: page.items.map((row) => ({
      skuId: row.skuId,
      productId: row.productId,
      status: row.status,
      available: row.available,
      changedAt: row.changedAt,
    })),
    next: page.next ? encodeSnapshotCursor({ takenAt, rows: page.next }) : null,
    since: encodeCursor({
      at: new Date(Date.parse(takenAt) - deps.settleMs).toISOString(),
      id: '',
    }),
  }
}
