import type { SlotProperties } from './skuSchema'
import { nullable, slotPropertiesOf } from './skuSchema'

/**
 * The schema of the products' pending-change documents (services/projection/productRows.ts):
 * one document per product (per group of ten channels, as `sgsku`), each channel's fields in the
 * slot the workspace gave it (projection/channelSlots.ts), so the documents grow with products,
 * not products × channels. Per slot: `m` mode, `d` desired, `a` associated, `p` pending, `u`
 * when that channel's fields were written; `p` and `u` are what a `_where` names.
 */

export const PRODUCT_SLOT_PROPERTIES: SlotProperties = {
  m: { schema: nullable('string'), indexed: false },
  d: { schema: nullable('boolean'), indexed: false },
  a: { schema: nullable('boolean'), indexed: false },
  p: {
    schema: {
      type: ['string', 'null'],
      enum: ['ASSOCIATE', 'DISSOCIATE', 'NONE', null],
    },
    indexed: true,
  },
  u: { schema: nullable('string'), indexed: true },
}

const perSlot = (indexed: boolean) =>
  slotPropertiesOf(PRODUCT_SLOT_PROPERTIES, indexed)

export const PRODUCT_SCHEMA = {
  title:
    'Marketplace Stock Gate: pending association per product, one slot per channel',
  type: 'object',
  properties: {
    productId: { type: 'string' },
    group: { type: 'integer' },
    updatedAt: { type: 'string', format: 'date-time' },
    workspace: { type: 'string' },
    ...Object.fromEntries(perSlot(false)),
  },
  required: ['productId', 'group'],
  'v-indexed': [
    'productId',
    'group',
    'updatedAt',
    'workspace',
    ...perSlot(true).map(([name]) => name as string),
  ],
  'v-cache': false,
}
