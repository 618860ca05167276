// vtex.broadcaster's `broadcaster.notification` body, read as VTEX sends it in the wild.
import { parseCatalogId } from './ids'
import type { BroadcasterEvent } from './types'

export const MAX_EVENT_BYTES = 64 * 1024
export const MAX_EVENT_KEYS = 200

export type EventErrorCode =
  | 'NOT_AN_OBJECT'
  | 'INVALID_JSON'
  | 'PAYLOAD_TOO_LARGE'
  | 'MISSING_SKU_ID'
  | 'INVALID_SKU_ID'
  | 'CONFLICTING_SKU_ID'

export type ParsedEvent =
  | { ok: true; event: BroadcasterEvent }
  | { ok: false; code: EventErrorCode; detail: string }

type Field = keyof BroadcasterEvent

// Field names are compared after lower-casing and dropping everything but letters and digits, so
// IdSku, idSKU, IDSKU, id_sku and "Id-Sku" are one name.
const ALIASES: Record<Field, string[]> = {
  skuId: ['idsku', 'skuid'],
  productId: ['productid', 'idproduct'],
  account: ['an', 'account', 'accountname'],
  affiliateId: ['idaffiliate', 'affiliateid'],
  isActive: ['isactive'],
  stockModified: ['stockmodified'],
  priceModified: ['pricemodified'],
  skuModified: ['hasstockkeepingunitmodified', 'skumodified'],
  removedFromAffiliate: [
    'hasstockkeepingunitremovedfromaffiliate',
    'removedfromaffiliate',
  ],
  dateModified: ['datemodified'],
}

// VTEX's own spelling of each field wins when a payload carries several spellings.
const VTEX_SPELLING: Record<Field, string> = {
  skuId: 'IdSku',
  productId: 'ProductId',
  account: 'An',
  affiliateId: 'IdAffiliate',
  isActive: 'IsActive',
  stockModified: 'StockModified',
  priceModified: 'PriceModified',
  skuModified: 'HasStockKeepingUnitModified',
  removedFromAffiliate: 'HasStockKeepingUnitRemovedFromAffiliate',
  dateModified: 'DateModified',
}

const FIELD_BY_NAME = new Map<string, Field>(
  (Object.keys(ALIASES) as Field[]).flatMap((field) =>
    ALIASES[field].map((name) => [name, field] as const)
  )
)

export function normaliseFieldName(key: string) {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '')
}

function byteLength(text: string) {
  return Buffer.byteLength(text, 'utf8')
}

const fail = (code: EventErrorCode, detail: string): ParsedEvent => ({
  ok: false,
  code,
  detail,
})

/** true/false, "true"/"false" in any case, "1"/"0", 1/0; anything else is unknown (null). */
export function looseBoolean(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value
  if (value === 1 || value === 0) return value === 1
  if (typeof value !== 'string') return null

  const text = value.trim().toLowerCase()

  if (text === 'true' || text === '1') return true
  if (text === 'false' || text === '0') return false

  return null
}

function looseString(value: unknown): string | null {
  if (typeof value !== 'string') return null

  const text = value.trim()

  return text === '' ? null : text
}

// A JSON string (possibly JSON-encoded twice by a proxy) becomes the value it encodes.
function decode(
  body: unknown
): { ok: true; value: unknown } | { ok: false; error: ParsedEvent } {
  let value = body

  if (value instanceof Uint8Array) value = Buffer.from(value).toString('utf8')

  for (let depth = 0; depth < 2 && typeof value === 'string'; depth++) {
    if (byteLength(value) > MAX_EVENT_BYTES) {
      return {
        ok: false,
        error: fail('PAYLOAD_TOO_LARGE', `body over ${MAX_EVENT_BYTES} bytes`),
      }
    }

    try {
      value = JSON.parse(value)
    } catch {
      return { ok: false, error: fail('INVALID_JSON', 'body is not JSON') }
    }
  }

  return { ok: true, value }
}

/**
 * Reads a broadcaster notification. Only IdSku is required (a positive decimal integer, number or
 * string, at most 19 digits); every other field is optional and read leniently (booleans as
 * strings, names in any casing); unknown fields are ignored. A field given under several spellings
 * takes VTEX's own spelling first, else the first in key order; two spellings of IdSku naming
 * different SKUs are refused. Never throws.
 */
export function parseBroadcasterEvent(body: unknown): ParsedEvent {
  const decoded = decode(body)

  if (!decoded.ok) return decoded.error

  const { value } = decoded

  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(
      'NOT_AN_OBJECT',
      `body is ${
        value === null
          ? 'null'
          : Array.isArray(value)
          ? 'an array'
          : typeof value
      }`
    )
  }

  const keys = Object.keys(value)

  if (keys.length > MAX_EVENT_KEYS) {
    return fail(
      'PAYLOAD_TOO_LARGE',
      `${keys.length} fields, over ${MAX_EVENT_KEYS}`
    )
  }

  let size: number

  try {
    size = byteLength(JSON.stringify(value) ?? '')
  } catch {
    return fail('NOT_AN_OBJECT', 'body cannot be serialised as JSON')
  }

  if (size > MAX_EVENT_BYTES) {
    return fail('PAYLOAD_TOO_LARGE', `body over ${MAX_EVENT_BYTES} bytes`)
  }

  const record = value as Record<string, unknown>
  const candidates = new Map<Field, Array<{ exact: boolean; value: unknown }>>()

  for (const key of keys) {
    const field = FIELD_BY_NAME.get(normaliseFieldName(key))

    if (!field) continue

    const list = candidates.get(field) ?? []

    list.push({ exact: key === VTEX_SPELLING[field], value: record[key] })
    candidates.set(field, list)
  }

  const pick = (field: Field): unknown => {
    const list = candidates.get(field) ?? []

    return (list.find((c) => c.exact) ?? list[0])?.value
  }

  const skuIds = (candidates.get('skuId') ?? []).map((c) =>
    parseCatalogId(c.value)
  )

  const distinct = new Set(
    skuIds.map((r) => (r.ok ? r.id : null)).filter((id) => id !== null)
  )

  if (distinct.size > 1) {
    return fail(
      'CONFLICTING_SKU_ID',
      `IdSku given as ${[...distinct].join(', ')}`
    )
  }

  const sku = parseCatalogId(pick('skuId'))

  if (!sku.ok) {
    return sku.problem === 'MISSING'
      ? fail('MISSING_SKU_ID', 'IdSku is absent or empty')
      : fail(
          'INVALID_SKU_ID',
          'IdSku is not a positive integer of at most 19 digits'
        )
  }

  const product = parseCatalogId(pick('productId'))

  return {
    ok: true,
    event: {
      skuId: sku.id,
      productId: product.ok ? product.id : null,
      account: looseString(pick('account')),
      affiliateId: looseString(pick('affiliateId')),
      isActive: looseBoolean(pick('isActive')),
      stockModified: looseBoolean(pick('stockModified')),
      priceModified: looseBoolean(pick('priceModified')),
      skuModified: looseBoolean(pick('skuModified')),
      removedFromAffiliate: looseBoolean(pick('removedFromAffiliate')),
      dateModified: looseString(pick('dateModified')),
    },
  }
}
