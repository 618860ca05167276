import type { MasterData } from '@vtex/api'

import { upstreamFor } from '../clients/resilience'
import { accountMemoryOf } from '../clients/memory'
import { slot } from '../memory/tenantMemory'
import { EXPOSURE_STATUSES } from '../domain/types'
import {
  AUDIT_ENTITY,
  EXPOSURE_ENTITY,
  PRODUCT_ENTITY,
  SCHEMA,
} from './entities'

/**
 * Master Data v2 schemas the app saves itself (instead of the masterdata builder, whose entity
 * names are tied to the app version): `v-indexed` lists every field a `_where` or `_sort` of the
 * app names (the emulator counts any other), `workspace` included (see MdScope).
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
      stockRank: { type: ['integer', 'null'] },
      evaluatedAt: { type: 'string', format: 'date-time' },
      changedAt: { type: 'string', format: 'date-time' },
      skuName: { type: ['string', 'null'] },
      productName: { type: ['string', 'null'] },
      sellerIds: { type: 'array', items: { type: 'string' } },
      brandId: { type: ['string', 'null'] },
      brandName: { type: ['string', 'null'] },
      categoryId: { type: ['string', 'null'] },
      categoryIds: { type: 'array', items: { type: 'string' } },
      categoryPath: { type: ['string', 'null'] },
      overrideAction: { type: ['string', 'null'] },
      productAssociated: { type: ['boolean', 'null'] },
      text: { type: 'string' },
      trace: { type: 'string' },
      workspace: { type: 'string' },
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
      'stockRank',
      'text',
      'changedAt',
      'skuName',
      'brandId',
      'categoryIds',
      'workspace',
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
      workspace: { type: 'string' },
    },
    required: ['productId', 'channel', 'pending'],
    'v-indexed': ['productId', 'channel', 'pending', 'updatedAt', 'workspace'],
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
      runId: { type: ['string', 'null'] },
      workspace: { type: 'string' },
    },
    required: ['at', 'kind', 'cause'],
    'v-indexed': [
      'at',
      'skuId',
      'productId',
      'channel',
      'kind',
      'runId',
      'workspace',
    ],
    'v-cache': false,
  },
}

/**
 * Per account (schemas are an account's, and one process serves several), in the account's
 * memory. Safe to lose: saving the schemas again is an idempotent PUT.
 */
const ENSURED = slot<{ done?: Promise<void> }>('schemas-saved', () => ({}))

/** Saves the schemas once per process and account (idempotent PUTs); retried on the next call if it failed. */
export function ensureSchemas(md: MasterData): Promise<void> {
  const account = accountMemoryOf(md)
  const own = account.get(ENSURED)

  let { done } = own

  if (!done) {
    done = Promise.all(
      Object.entries(SCHEMAS).map(([dataEntity, schemaBody]) =>
        upstreamFor(account)('storage', () =>
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
        if (own.done === done) own.done = undefined
        throw error
      })
    own.done = done
  }

  return done
}
