import type { MasterData } from '@vtex/api'

import { MdEntity } from '../../clients/mdEntity'
import { AUDIT_ENTITY, SCHEMA } from '../../masterdata/entities'
import type { AuditEntry, AuditKind } from './auditEntries'
import type { RunEntriesFilter, TrailFilter } from './auditQuery'
import {
  feedWhere,
  latestWriteWhere,
  ofKindWhere,
  ofRunWhere,
  olderThanWhere,
  trailWhere,
  writesSinceWhere,
} from './auditQuery'

export type { AuditCause, AuditEntry, AuditKind } from './auditEntries'

export const AUDIT_FIELDS = [
  'id',
  'at',
  'skuId',
  'productId',
  'channel',
  'kind',
  'cause',
  'actor',
  'fromStatus',
  'toStatus',
  'reasons',
  'details',
  'runId',
]

/** Append-only: entries are created with a deterministic id and never updated by the app. */
export class AuditLog {
  private readonly entity: MdEntity<AuditEntry>

  constructor(md: MasterData) {
    this.entity = new MdEntity<AuditEntry>(
      md,
      AUDIT_ENTITY,
      SCHEMA,
      AUDIT_FIELDS
    )
  }

  public async append(entry: AuditEntry): Promise<void> {
    const { id, ...fields } = entry

    await this.entity.put(id, fields)
  }

  /** Only retention removes entries: the trail is otherwise append-only. */
  public async expire(id: string): Promise<void> {
    await this.entity.remove(id)
  }

  /** A timeline, newest first: a SKU's, a channel's, or the whole account's (one search). */
  public async trail(filter: TrailFilter, page: number, pageSize: number) {
    return this.newestFirst(trailWhere(filter), page, pageSize)
  }

  /** The app's latest catalog write for a product on a channel, or null. */
  public async latestWrite(
    productId: string,
    channel: string
  ): Promise<AuditEntry | null> {
    const result = await this.newestFirst(
      latestWriteWhere(productId, channel),
      1,
      1
    )

    return result.data[0] ?? null
  }

  /** A channel's catalog writes after `since`, newest first, up to `limit` (one page). */
  public async writesSince(
    channel: string,
    since: string,
    limit: number
  ): Promise<AuditEntry[]> {
    const result = await this.newestFirst(
      writesSinceWhere(channel, since),
      1,
      limit
    )

    return result.data
  }

  /** One page of the entries a run (a sweep, a job) tagged with its id, newest first. */
  public async ofRun(
    runId: string,
    filter: RunEntriesFilter,
    page: number,
    pageSize: number
  ) {
    return this.newestFirst(ofRunWhere(runId, filter), page, pageSize)
  }

  /** One page of the entries of one kind, newest first. */
  public async ofKind(kind: AuditKind, page: number, pageSize: number) {
    return this.newestFirst(ofKindWhere(kind), page, pageSize)
  }

  /** Every entry older than `at`, up to 1,000 a page (Master Data's scroll), oldest first. */
  public olderThan(at: string) {
    return this.entity.scroll(olderThanWhere(at), 'at ASC')
  }

  /**
   * A channel's status changes up to `upTo` after a feed position (null: from the start), in
   * (at, id) order: one keyset search from offset 0 (see services/feed/feed.ts).
   */
  public async feedAfter(
    channel: string,
    after: { at: string; id: string } | null,
    upTo: string,
    size: number
  ) {
    const position = after && { at: after.at, id: this.docId(after.id) }

    return this.entity.search(
      feedWhere(channel, position, upTo),
      1,
      size,
      'at ASC,id ASC'
    )
  }

  private async newestFirst(
    where: string | undefined,
    page: number,
    pageSize: number
  ) {
    return this.entity.search(where, page, pageSize, 'at DESC')
  }

  /** The stored id of an entry (its workspace added), for a keyset clause on `id`. */
  private docId(id: string) {
    return this.entity.scope.docId(id)
  }
}
