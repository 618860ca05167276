import type { MasterData } from '@vtex/api'

import { upstream } from '../clients/resilience'
import type { ExposureStatus, ReasonCode } from '../domain/types'
import { AUDIT_ENTITY, EXPOSURE_ENTITY, SCHEMA } from '../masterdata/entities'
import { ensureSchemas } from '../masterdata/schemas'
import type { StoredDecision } from './state'

/**
 * Master Data v2 holds the queryable copy of the decisions and the audit trail: the admin
 * filters by channel, status, reason, seller and text and pages through 100,000 rows, which
 * VBase (a key-value store) cannot do. VBase stays the source of truth; this projection is
 * written by the lease holder of the SKU, so two writers never race on one document.
 */
export { AUDIT_ENTITY, EXPOSURE_ENTITY, SCHEMA }

export interface ExposureDoc {
  id: string
  skuId: string
  productId: string | null
  channel: string
  status: ExposureStatus
  reasons: ReasonCode[]
  available: number | null
  evaluatedAt: string
  changedAt: string
  skuName: string | null
  productName: string | null
  sellerIds: string[]
  overrideAction: 'ALLOW' | 'BLOCK' | null
  productAssociated: boolean | null
  /** Lower-cased SKU id, names and product id, for the admin's text search. */
  text: string
  trace: string
}

export const exposureId = (skuId: string, channel: string) =>
  `${skuId}-${channel}`

export function toExposureDoc(
  decision: StoredDecision,
  overrideAction: 'ALLOW' | 'BLOCK' | null,
  productAssociated: boolean | null
): ExposureDoc {
  const text = [
    decision.skuId,
    decision.productId,
    decision.skuName,
    decision.productName,
  ]
    .filter(Boolean)
    .join(' ')
    .toLowerCase()

  return {
    id: exposureId(decision.skuId, decision.channel),
    skuId: decision.skuId,
    productId: decision.productId,
    channel: decision.channel,
    status: decision.status,
    reasons: decision.reasons,
    available: decision.available,
    evaluatedAt: decision.evaluatedAt,
    changedAt: decision.changedAt,
    skuName: decision.skuName,
    productName: decision.productName,
    sellerIds: decision.sellerIds,
    overrideAction,
    productAssociated,
    text,
    trace: JSON.stringify(decision.trace),
  }
}

export const EXPOSURE_FIELDS = [
  'id',
  'skuId',
  'productId',
  'channel',
  'status',
  'reasons',
  'available',
  'evaluatedAt',
  'changedAt',
  'skuName',
  'productName',
  'sellerIds',
  'overrideAction',
  'productAssociated',
  'trace',
]

export class Projection {
  constructor(private readonly md: MasterData) {}

  public async put(doc: ExposureDoc): Promise<void> {
    const { id, ...fields } = doc

    await ensureSchemas(this.md)
    await upstream('storage', () =>
      this.md.createOrUpdateEntireDocument({
        dataEntity: EXPOSURE_ENTITY,
        id,
        fields,
        schema: SCHEMA,
      })
    )
  }

  public async remove(id: string): Promise<void> {
    await upstream('storage', () =>
      this.md
        .deleteDocument({ dataEntity: EXPOSURE_ENTITY, id })
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

  public async search(
    where: string | undefined,
    page: number,
    pageSize: number,
    sort?: string
  ) {
    return upstream('storage', () =>
      this.md.searchDocumentsWithPaginationInfo<ExposureDoc>({
        dataEntity: EXPOSURE_ENTITY,
        fields: EXPOSURE_FIELDS,
        where,
        pagination: { page, pageSize },
        schema: SCHEMA,
        sort,
      })
    )
  }
}

/** Quote a value for a Master Data `_where` clause. */
export function mdValue(value: string): string {
  return `"${value.replace(/["\\]/g, '')}"`
}
