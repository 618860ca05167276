// Operator overrides: whether one applies at a given time, and validation of what the admin sends.
import { parseCatalogId } from './ids'
import type { Override } from './types'

export const MAX_NOTE_LENGTH = 500

/**
 * NONE: no override. ACTIVE: applies at `now`. EXPIRED: expiresAt <= now.
 * UNREADABLE: expiresAt or now cannot be read as a time; handled fail-closed by activeOverride.
 */
export type OverrideState = 'NONE' | 'ACTIVE' | 'EXPIRED' | 'UNREADABLE'

export function overrideState(
  override: Override | null,
  now: string
): OverrideState {
  if (!override) return 'NONE'
  if (override.expiresAt === null || override.expiresAt === undefined) {
    return 'ACTIVE'
  }

  const expires = Date.parse(override.expiresAt)
  const at = Date.parse(now)

  if (Number.isNaN(expires) || Number.isNaN(at)) return 'UNREADABLE'

  return expires <= at ? 'EXPIRED' : 'ACTIVE'
}

/**
 * The override that applies at `now`, or null. An override expires at its expiresAt instant.
 * Fail-closed when the expiry (or now) cannot be read: a BLOCK still applies, an ALLOW does not,
 * so an unreadable override never exposes more than the rules would.
 */
export function activeOverride(
  override: Override | null,
  now: string
): Override | null {
  const state = overrideState(override, now)

  if (state === 'ACTIVE') return override
  if (state === 'UNREADABLE' && override?.action === 'BLOCK') return override

  return null
}

export type OverrideErrorCode =
  | 'INVALID_SKU_ID'
  | 'UNKNOWN_CHANNEL'
  | 'INVALID_ACTION'
  | 'NOTE_REQUIRED'
  | 'NOTE_TOO_LONG'
  | 'INVALID_EXPIRY'
  | 'EXPIRY_IN_PAST'

export interface OverrideError {
  code: OverrideErrorCode
  field: 'skuId' | 'channel' | 'action' | 'note' | 'expiresAt'
}

export interface OverrideInput {
  skuId: unknown
  channel: unknown
  action: unknown
  note: unknown
  expiresAt?: unknown
}

export interface ValidOverrideInput {
  skuId: string // canonical
  channel: string
  action: Override['action']
  note: string // trimmed
  expiresAt: string | null // normalised to ISO 8601 UTC (toISOString)
}

// Date only (midnight UTC) or a date-time with seconds optional and an explicit zone.
const ISO_TIME =
  /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/

function parseIsoTime(text: string): number | null {
  if (!ISO_TIME.test(text)) return null

  const [year, month, day] = text.slice(0, 10).split('-').map(Number)

  // Date.parse rolls 2026-02-30 over to March; refuse a day the month does not have.
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return null

  // Date.parse takes at most milliseconds; VTEX writes 7 fractional digits.
  const ms = Date.parse(text.replace(/(\.\d{3})\d+/, '$1'))

  return Number.isNaN(ms) ? null : ms
}

/**
 * Checks an override request and returns every problem at once. The note is trimmed and counted in
 * code points. An empty or absent expiresAt means "no expiry". An expiry must be a strict ISO 8601
 * date or date-time with zone, later than `now`.
 */
export function validateOverrideInput(
  input: OverrideInput,
  now: string,
  knownChannels: readonly string[]
):
  | { ok: true; value: ValidOverrideInput }
  | { ok: false; errors: OverrideError[] } {
  const errors: OverrideError[] = []
  const sku = parseCatalogId(input.skuId)

  if (!sku.ok) errors.push({ code: 'INVALID_SKU_ID', field: 'skuId' })

  const channel = typeof input.channel === 'string' ? input.channel : ''

  if (!knownChannels.includes(channel)) {
    errors.push({ code: 'UNKNOWN_CHANNEL', field: 'channel' })
  }

  if (input.action !== 'ALLOW' && input.action !== 'BLOCK') {
    errors.push({ code: 'INVALID_ACTION', field: 'action' })
  }

  const note = typeof input.note === 'string' ? input.note.trim() : ''

  if (note === '') errors.push({ code: 'NOTE_REQUIRED', field: 'note' })
  else if (Array.from(note).length > MAX_NOTE_LENGTH) {
    errors.push({ code: 'NOTE_TOO_LONG', field: 'note' })
  }

  let expiresAt: string | null = null
  const rawExpiry = input.expiresAt ?? ''

  if (typeof rawExpiry !== 'string') {
    errors.push({ code: 'INVALID_EXPIRY', field: 'expiresAt' })
  } else if (rawExpiry.trim() !== '') {
    const expires = parseIsoTime(rawExpiry.trim())
    const at = Date.parse(now)

    if (expires === null) {
      errors.push({ code: 'INVALID_EXPIRY', field: 'expiresAt' })
    } else if (Number.isNaN(at) || expires <= at) {
      errors.push({ code: 'EXPIRY_IN_PAST', field: 'expiresAt' })
    } else {
      expiresAt = new Date(expires).toISOString()
    }
  }

  if (errors.length > 0 || !sku.ok) return { ok: false, errors }

  return {
    ok: true,
    value: {
      skuId: sku.id,
      channel,
      action: input.action as Override['action'],
      note,
      expiresAt,
    },
  }
}

/** The override to store for a validated request, made by `by` at `now`. */
export function buildOverride(
  input: ValidOverrideInput,
  by: string,
  now: string
): Override {
  return {
    action: input.action,
    note: input.note,
    by,
    at: now,
    expiresAt: input.expiresAt,
  }
}
