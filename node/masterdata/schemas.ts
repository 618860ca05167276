import type { MasterData } from '@vtex/api'

import { upstreamFor } from '../clients/resilience'
import { accountMemoryOf } from '../clients/memory'
import { slot } from '../memory/tenantMemory'
import { AUDIT_ENTITY, PRODUCT_ENTITY, SCHEMA, SKU_ENTITY } from './entities'
import { PRODUCT_SCHEMA } from './productSchema'
import { SKU_SCHEMA } from './skuSchema'

/**
 * Master Data v2 schemas the app saves itself (instead of the masterdata builder, whose entity
 * names are tied to the app version): `v-indexed` lists every field a `_where` or `_sort` of the
 * app names (the emulator counts any other), `workspace` included (see MdScope).
 */
export const SCHEMAS: Record<string, object> = {
  [SKU_ENTITY]: SKU_SCHEMA,
  [PRODUCT_ENTITY]: PRODUCT_SCHEMA,
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
