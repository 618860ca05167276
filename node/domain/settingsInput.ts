// The admin's settings input, its errors, and one channel's input checked field by field
// (applySettings.ts applies the whole input or refuses it).
import { isSellerId } from './ids'
import { CHANNEL_MODES, MAX_SELLERS_PER_LIST, MAX_THRESHOLD } from './settings'
import type { AppSettings, ChannelSettings } from './settings'
import type { ChannelMode } from './types'

/** GraphQL sends null for an omitted optional field; null and undefined both mean "unchanged". */
export interface ChannelSettingsInput {
  channel: string
  mode?: ChannelMode | null
  exposeAt?: number | null
  withdrawBelow?: number | null
  requirePrice?: boolean | null
  sellerAllow?: string[] | null
  sellerDeny?: string[] | null
}

export interface SettingsInput {
  channels?: ChannelSettingsInput[] | null
  retentionDays?: number | null
  workspaceCatalogWrites?: boolean | null
}

export type SettingsErrorCode =
  | 'UNKNOWN_CHANNEL'
  | 'DUPLICATE_CHANNEL'
  | 'INVALID_MODE'
  | 'NEGATIVE_THRESHOLD'
  | 'THRESHOLD_BELOW_ONE'
  | 'THRESHOLD_NOT_INTEGER'
  | 'THRESHOLD_TOO_LARGE'
  | 'WITHDRAW_ABOVE_EXPOSE'
  | 'INVALID_REQUIRE_PRICE'
  | 'INVALID_SELLER_ID'
  | 'SELLER_IN_BOTH_LISTS'
  | 'TOO_MANY_SELLERS'
  | 'INVALID_RETENTION'
  | 'INVALID_WORKSPACE_CATALOG_WRITES'

export type SettingsField =
  | keyof ChannelSettings
  | 'channel'
  | 'retentionDays'
  | 'workspaceCatalogWrites'

export interface SettingsError {
  code: SettingsErrorCode
  channel?: string
  field: SettingsField
  /** The offending seller id, for INVALID_SELLER_ID and SELLER_IN_BOTH_LISTS. */
  value?: string
}

export interface SettingsChange {
  channel: string | null // null for account-wide fields (retentionDays, workspaceCatalogWrites)
  field: keyof ChannelSettings | 'retentionDays' | 'workspaceCatalogWrites'
  from: ChannelSettings[keyof ChannelSettings] | null
  to: ChannelSettings[keyof ChannelSettings]
}

export type SettingsResult =
  | { ok: true; settings: AppSettings; changes: SettingsChange[] }
  | { ok: false; errors: SettingsError[] }

export const given = <T>(value: T | null | undefined): value is T =>
  value !== null && value !== undefined

// Thresholds are whole units from 1 to MAX_THRESHOLD. Zero is refused on purpose: exposeAt 0 would
// expose SKUs the marketplace does not stock and withdrawBelow 0 would never withdraw them, which is
// exactly what the app exists to prevent.
function thresholdError(value: unknown): SettingsErrorCode | null {
  if (typeof value !== 'number' || !Number.isFinite(value))
    return 'THRESHOLD_NOT_INTEGER'
  if (value < 0) return 'NEGATIVE_THRESHOLD'
  if (!Number.isInteger(value)) return 'THRESHOLD_NOT_INTEGER'
  if (value < 1) return 'THRESHOLD_BELOW_ONE'
  if (value > MAX_THRESHOLD) return 'THRESHOLD_TOO_LARGE'

  return null
}

// Seller lists are trimmed and de-duplicated (first occurrence kept), then checked.
function sellerList(
  value: unknown,
  field: 'sellerAllow' | 'sellerDeny',
  channel: string,
  errors: SettingsError[]
): string[] {
  if (!Array.isArray(value)) {
    errors.push({ code: 'INVALID_SELLER_ID', channel, field })

    return []
  }

  const list: string[] = []

  for (const raw of value) {
    const id = typeof raw === 'string' ? raw.trim() : raw

    if (!isSellerId(id)) {
      errors.push({
        code: 'INVALID_SELLER_ID',
        channel,
        field,
        value: String(raw),
      })
    } else if (!list.includes(id)) {
      list.push(id)
    }
  }

  if (list.length > MAX_SELLERS_PER_LIST) {
    errors.push({ code: 'TOO_MANY_SELLERS', channel, field })
  }

  return list
}

export function applyChannel(
  current: ChannelSettings,
  isNew: boolean,
  input: ChannelSettingsInput,
  errors: SettingsError[]
): ChannelSettings {
  const { channel } = input
  const next: ChannelSettings = { ...current }

  if (given(input.mode)) {
    if (CHANNEL_MODES.includes(input.mode)) next.mode = input.mode
    else errors.push({ code: 'INVALID_MODE', channel, field: 'mode' })
  }

  if (given(input.requirePrice)) {
    if (typeof input.requirePrice === 'boolean')
      next.requirePrice = input.requirePrice
    else
      errors.push({
        code: 'INVALID_REQUIRE_PRICE',
        channel,
        field: 'requirePrice',
      })
  }

  // Both thresholds are checked (no short-circuit) so every error is reported.
  const thresholdErrors = (['exposeAt', 'withdrawBelow'] as const).filter(
    (field) => {
      const value = input[field]
      const code = given(value) ? thresholdError(value) : null

      if (code) errors.push({ code, channel, field })
      else if (given(value)) next[field] = value

      return code !== null
    }
  )

  // withdrawBelow not given: on a channel's first settings it defaults to exposeAt; on a stored
  // channel it is kept, unless exposeAt drops below it, then it follows exposeAt down.
  if (given(input.exposeAt) && !given(input.withdrawBelow)) {
    next.withdrawBelow = isNew
      ? next.exposeAt
      : Math.min(next.withdrawBelow, next.exposeAt)
  }

  if (thresholdErrors.length === 0 && next.withdrawBelow > next.exposeAt) {
    errors.push({
      code: 'WITHDRAW_ABOVE_EXPOSE',
      channel,
      field: 'withdrawBelow',
    })
  }

  if (given(input.sellerAllow)) {
    next.sellerAllow = sellerList(
      input.sellerAllow,
      'sellerAllow',
      channel,
      errors
    )
  }

  if (given(input.sellerDeny)) {
    next.sellerDeny = sellerList(
      input.sellerDeny,
      'sellerDeny',
      channel,
      errors
    )
  }

  for (const id of next.sellerDeny.filter((s) =>
    next.sellerAllow.includes(s)
  )) {
    errors.push({
      code: 'SELLER_IN_BOTH_LISTS',
      channel,
      field: 'sellerDeny',
      value: id,
    })
  }

  return next
}
