import type { MasterData } from '@vtex/api'

import { upstream } from '../clients/resilience'
import type { ExposureStatus, ReasonCode } from '../domain/types'
import { AUDIT_ENTITY, SCHEMA } from '../masterdata/entities'
import { ensureSchemas } from '../masterdata/schemas'

export type AuditKind =
  | 'STATUS_CHANGE'
  | 'ENFORCEMENT_WRITE'
  | 'OVERRIDE_SET'
  | 'OVERRIDE_CLEARED'
  | 'SETTINGS_CHANGE'
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
]

/** Append-only: entries are created with a deterministic id and never updated by the app. */
export class AuditLog {
  constructor(private readonly md: MasterData) {}

  public async append(entry: AuditEntry): Promise<void> {
    const { id, ...fields } = entry

    await ensureSchemas(this.md)
    await upstream('storage', () =>
      this.md.createOrUpdateEntireDocument({
        dataEntity: AUDIT_ENTITY,
        id,
        fields,
        schema: SCHEMA,
      })
    )
  }

  /** Only retention removes entries: the trail is otherwise append-only. */
  public async expire(id: string): Promise<void> {
    await upstream('storage', () =>
      this.md
        .deleteDocument({ dataEntity: AUDIT_ENTITY, id })
        .catch((error) => {
          if (
            (error as { response?: { status?: number } })?.response?.status !==
            404
          )
            throw error

          return undefined
        })
    )
  }

  public async page(where: string | undefined, page: number, pageSize: number) {
    return upstream('storage', () =>
      this.md.searchDocumentsWithPaginationInfo<AuditEntry>({
        dataEntity: AUDIT_ENTITY,
        fields: AUDIT_FIELDS,
        where,
        pagination: { page, pageSize },
        schema: SCHEMA,
        sort: 'at DESC',
      })
    )
  }
}
