import type { MasterData } from '@vtex/api'

import { MdEntity } from '../../clients/mdEntity'
import { AUDIT_ENTITY, SCHEMA } from '../../masterdata/entities'
import type { AuditEntry } from './auditEntries'

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

  /** One bounded page, newest first (a SKU's timeline, the latest writes). */
  public async page(where: string | undefined, page: number, pageSize: number) {
    return this.entity.search(where, page, pageSize, 'at DESC')
  }

  /** Every matching entry, up to 1,000 a page (Master Data's scroll), oldest first. */
  public scroll(where: string) {
    return this.entity.scroll(where, 'at ASC')
  }

  /** The entries after a keyset position, for the affiliate feed (see services/feed.ts). */
  public async search(
    where: string,
    page: number,
    pageSize: number,
    sort: string
  ) {
    return this.entity.search(where, page, pageSize, sort)
  }

  /** The stored id of an entry (its workspace added), for a keyset clause on `id`. */
  public docId(id: string) {
    return this.entity.scope.docId(id)
  }
}
