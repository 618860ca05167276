import type { MasterData } from '@vtex/api'

import { upstream } from '../clients/resilience'
import { EXPOSURE_STATUSES } from '../domain/types'
import {
  AUDIT_ENTITY,
  EXPOSURE_ENTITY,
  PRODUCT_ENTITY,
  SCHEMA,
} from './entities'

/**
 * Master Data v2 schemas the app saves itself (instead of the masterdata builder, whose entity
 * names are tied to the app version): `v-indexed` lists the fields the admin filters and sorts on.
 */
export const SCHEMAS: Record<string, object> = {
  [EXPOSURE_ENTITY]: {
    title: 'Marketplace Stock Gate: decision per SKU and channel',
    type: 'object',
    properties: {
      skuId: { type: 'string' },
      productId: { type: ['string', 'null'] },
      channel: { type: 'string' },
      status: {
        type: 'string',
        enum: [...EXPOSURE_STATUSES],
      },
      reasons: { type: 'array', items: { type: 'string' } },
      available: { type: ['integer', 'null'] },
      evaluatedAt: { type: 'string', format: 'date-time' },
      changedAt: { type: 'string', format: 'date-time' },
      skuName: { type: ['string', 'null'] },
      productName: { type: ['string', 'null'] },
      sellerIds: { type: 'array', items: { type: 'string' } },
      overrideAction: { type: ['string', 'null'] },
      productAssociated: { type: ['boolean', 'null'] },
      text: { type: 'string' },
      trace: { type: 'string' },
    },
    required: ['skuId', 'channel', 'status'],
    'v-indexed': [
      'skuId',
      'productId',
      'channel',
      'status',
      'reasons',
      'sellerIds',
      'evaluatedAt',
      'available',
      'text',
    ],
    'v-cache': false,
  },
  [PRODUCT_ENTITY]: {
    title: 'Marketplace Stock Gate: product association per channel',
    type: 'object',
    properties: {
      productId: { type: 'string' },
      channel: { type: 'string' },
      mode: { type: 'string', enum: ['OBSERVE', 'ENFORCE'] },
      desired: { type: ['boolean', 'null'] },
      associated: { type: ['boolean', 'null'] },
      pending: { type: 'string', enum: ['ASSOCIATE', 'DISSOCIATE', 'NONE'] },
      updatedAt: { type: 'string', format: 'date-time' },
    },
    required: ['productId', 'channel', 'pending'],
    'v-indexed': ['productId', 'channel', 'pending', 'updatedAt'],
    'v-cache': false,
  },
  [AUDIT_ENTITY]: {
    title: 'Marketplace Stock Gate: audit trail (append-only)',
    type: 'object',
    properties: {
      at: { type: 'string', format: 'date-time' },
      skuId: { type: ['string', 'null'] },
      productId: { type: ['string', 'null'] },
      channel: { type: ['string', 'null'] },
      kind: { type: 'string' },
      cause: { type: 'string' },
      actor: { type: ['string', 'null'] },
      fromStatus: { type: ['string', 'null'] },
      toStatus: { type: ['string', 'null'] },
      reasons: { type: 'array', items: { type: 'string' } },
      details: { type: ['string', 'null'] },
    },
    required: ['at', 'kind', 'cause'],
    'v-indexed': ['at', 'skuId', 'productId', 'channel', 'kind'],
    'v-cache': false,
  },
}

let ensured: Promise<void> | null = null

/** Saves the schemas once per process (idempotent PUTs); retried on the next call if it failed. */
export function ensureSchemas(md: MasterData): Promise<void> {
  if (!ensured) {
    ensured = Promise.all(
      Object.entries(SCHEMAS).map(([dataEntity, schemaBody]) =>
        upstream('storage', () =>
          md.createOrUpdateSchema({
            dataEntity,
            schemaName: SCHEMA,
            schemaBody,
          })
        )
      )
    )
      .then(() => undefined)
      .catch((error) => {
        ensured = null
        throw error
      })
  }

  return ensured
}
