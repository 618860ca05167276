import { SLOTS_PER_DOC } from '../../masterdata/skuSchema'
import type { ExposureDoc } from './exposureRow'
import { exposureId } from './exposureRow'

/**
 * One Master Data document per SKU (per group of ten channels): the SKU's own fields once, and
 * each channel's fields in the fixed slot the tenant gave that channel (channelSlots.ts), so the
 * projection grows with the SKUs, not with SKUs × channels. Slot k lives in group floor(k / 10),
 * as fields `s{k % 10}`, `r{k % 10}`…; a SKU has one document per group it has a channel in
 * (one up to ten channels). The schema and the limits it keeps to: masterdata/skuSchema.ts.
 */
export { SLOTS_PER_DOC }

/** Where a slot's fields are: its document's group and the fields' index in it. */
export interface Place {
  group: number
  index: number
}

export const placeOf = (slot: number): Place => ({
  group: Math.floor(slot / SLOTS_PER_DOC),
  index: slot % SLOTS_PER_DOC,
})

/** A group's document id: the SKU id for the first ten slots, as a row id names its SKU. */
export const skuDocId = (skuId: string, group: number) =>
  group === 0 ? skuId : `${skuId}~g${group}`

/** A row's per-channel fields and the letter its slot field starts with. */
export const SLOT_FIELDS = {
  status: 's',
  reasons: 'r',
  available: 'a',
  stockRank: 'k',
  evaluatedAt: 'e',
  changedAt: 'c',
  overrideAction: 'o',
  productAssociated: 'p',
  trace: 't',
} as const

export type SlotKey = keyof typeof SLOT_FIELDS

export const isSlotKey = (field: string): field is SlotKey =>
  field in SLOT_FIELDS

export const slotField = (field: SlotKey, index: number) =>
  `${SLOT_FIELDS[field]}${index}`

/** The SKU's fields, stored once whatever the number of its channels. */
export const SKU_FIELDS = [
  'skuId',
  'productId',
  'skuName',
  'productName',
  'sellerIds',
  'brandId',
  'brandName',
  'categoryId',
  'categoryIds',
  'categoryPath',
  'text',
] as const

const SLOT_KEYS = Object.keys(SLOT_FIELDS) as SlotKey[]

export type SkuDoc = Record<string, unknown> & { skuId: string; group: number }

/**
 * A group's whole document from the rows of its channels (all of the SKU's rows in that group:
 * a full PUT, so a channel absent here loses its fields).
 */
export function toSkuDoc(
  rows: ExposureDoc[],
  group: number,
  slots: Record<string, number>
): SkuDoc {
  const [first] = rows
  const doc: SkuDoc = { skuId: first.skuId, group }

  for (const field of SKU_FIELDS)
    (doc as Record<string, unknown>)[field] = first[field]
  for (const row of rows) {
    const { index } = placeOf(slots[row.channel])

    for (const key of SLOT_KEYS) doc[slotField(key, index)] = row[key]
  }

  return doc
}

/** The row of one channel of a document, or null when the document has no slot for it. */
export function rowOf(
  doc: Record<string, unknown>,
  channel: string,
  index: number
): ExposureDoc | null {
  if (doc[slotField('status', index)] == null) return null
  const shared = Object.fromEntries(SKU_FIELDS.map((f) => [f, doc[f]]))
  const own = Object.fromEntries(
    SLOT_KEYS.map((key) => [key, doc[slotField(key, index)] ?? null])
  )

  return {
    ...shared,
    ...own,
    id: exposureId(String(doc.skuId), channel),
    channel,
  } as unknown as ExposureDoc
}

/** The fields a read of one slot's rows asks for (the SKU's, and that slot's). */
export const slotReadFields = (index: number) => [
  ...SKU_FIELDS.filter((f) => f !== 'text'),
  ...SLOT_KEYS.map((key) => slotField(key, index)),
]
