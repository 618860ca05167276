import type { MasterData } from '@vtex/api'

import { MdEntity } from '../../clients/mdEntity'
import type { ExposureStatus, ReasonCode } from '../../domain/types'
import { AUDIT_ENTITY, SCHEMA } from '../../masterdata/entities'

export type AuditKind =
  | 'STATUS_CHANGE'
  | 'ENFORCEMENT_WRITE'
  /** A catalog write a run (sweep, settings save) tried and VTEX refused: `details.code` says why. */
  | 'ENFORCEMENT_FAILED'
  /** A SKU a sweep could not evaluate or check: `details.code` says why. */
  | 'EVALUATION_FAILED'
  | 'OVERRIDE_SET'
  | 'OVERRIDE_CLEARED'
  | 'OVERRIDE_EXPIRED'
  | 'SETTINGS_CHANGE'
  | 'BUFFER_CREATED'
  | 'BUFFER_CHANGED'
  | 'BUFFER_REMOVED'
  | 'EVENT_REJECTED'

export type AuditCause = 'EVENT' | 'SWEEP' | 'OPERATOR' | 'SYSTEM'

export interface AuditEntry {
  /** Deterministic: the same fact written twice (a retry, two workers) is one document. */
  id: string
  at: string
  skuId: string | null
  productId: string | null
  channel: string | null
  kind: AuditKind
  cause: AuditCause
  actor: string | null
  fromStatus: ExposureStatus | null
  toStatus: ExposureStatus | null
  reasons: ReasonCode[]
  details: string | null
  /**
   * The run (sweep or settings save) whose finding this is: set on a drift it found, a write it
   * made, a failure it met, so a run's detail is a query on the trail. Absent elsewhere.
   */
  runId?: string | null
}

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
