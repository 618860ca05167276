import { EXPOSURE_STATUSES } from '../domain/types'

/**
 * The schema of the projection's one document per SKU (services/projection/skuDoc.ts): the SKU's
 * fields once, each channel's in a fixed slot 0..9. Master Data v2 documents no limit on a
 * schema's properties or its `v-indexed` list (the spec's one schema limit: 60 schemas per data
 * entity); ten slots per document keep the index at 59 fields, and a tenant with more than ten
 * channels gets a second document per SKU (`group` 1) rather than more fields.
 */
export const SLOTS_PER_DOC = 10

export const nullable = (type: string) => ({ type: [type, 'null'] })

/** Each slot field's letter, its JSON type, and whether a `_where` or `_sort` names it. */
const SLOT_PROPERTIES: SlotProperties = {
  s: {
    schema: { type: 'string', enum: [...EXPOSURE_STATUSES] },
    indexed: true,
  },
  r: { schema: { type: 'array', items: { type: 'string' } }, indexed: true },
  a: { schema: nullable('integer'), indexed: false },
  k: { schema: nullable('integer'), indexed: true },
  e: { schema: nullable('string'), indexed: true },
  c: { schema: nullable('string'), indexed: true },
  o: { schema: nullable('string'), indexed: false },
  p: { schema: nullable('boolean'), indexed: false },
  t: { schema: nullable('string'), indexed: false },
}

export const SLOT_LETTERS = Object.keys(SLOT_PROPERTIES)

export type SlotProperties = Record<
  string,
  { schema: object; indexed: boolean }
>

const slots = Array.from({ length: SLOTS_PER_DOC }, (_, i) => i)

/** Each slot letter's fields `{letter}0`…`{letter}9` with their schema (`indexed`: those a query names). */
export const slotPropertiesOf = (
  properties: SlotProperties,
  indexed: boolean
) =>
  Object.entries(properties)
    .filter(([, p]) => !indexed || p.indexed)
    .flatMap(([letter, p]) =>
      slots.map((i) => [`${letter}${i}`, p.schema] as const)
    )

const perSlot = (indexed: boolean) => slotPropertiesOf(SLOT_PROPERTIES, indexed)

export const SKU_SCHEMA = {
  title: 'Marketplace Stock Gate: decisions per SKU, one slot per channel',
  type: 'object',
  properties: {
    skuId: { type: 'string' },
    group: { type: 'integer' },
    productId: nullable('string'),
    skuName: nullable('string'),
    productName: nullable('string'),
    sellerIds: { type: 'array', items: { type: 'string' } },
    brandId: nullable('string'),
    brandName: nullable('string'),
    categoryId: nullable('string'),
    categoryIds: { type: 'array', items: { type: 'string' } },
    categoryPath: nullable('string'),
    text: { type: 'string' },
    workspace: { type: 'string' },
    ...Object.fromEntries(perSlot(false)),
  },
  required: ['skuId', 'group'],
  'v-indexed': [
    'skuId',
    'group',
    'productId',
    'sellerIds',
    'text',
    'skuName',
    'brandId',
    'categoryIds',
    'workspace',
    ...perSlot(true).map(([name]) => name as string),
  ],
  'v-cache': false,
}
