// The server's settings rules (node/domain/settings.ts), checked as the operator types, so the
// save button only sends what the server will accept. The server still checks everything.
import type { ErrorCode } from '../shared/errors'
import type { ChannelDraft, SettingsDraft } from './types'

export const MAX_THRESHOLD = 1_000_000
export const MAX_SELLERS_PER_LIST = 500
export const MAX_RETENTION_DAYS = 3650
const MARKETPLACE_SELLER_ID = '1'
const SELLER_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/

export type ChannelField =
  | 'exposeAt'
  | 'withdrawBelow'
  | 'sellerAllow'
  | 'sellerDeny'
export type ChannelErrors = Partial<
  Record<ChannelField, { code: ErrorCode; value?: string }>
>

export interface DraftErrors {
  retentionDays?: ErrorCode
  channels: Record<string, ChannelErrors>
}

/** A list as the draft keeps it; picked lists are written back the same way, so they compare. */
export const formatSellers = (ids: string[]) => ids.join(', ')

export const parseSellers = (text: string) =>
  Array.from(
    new Set(
      text
        .split(/[\s,;]+/)
        .map((s) => s.trim())
        .filter(Boolean)
    )
  )

export function threshold(text: string): {
  value: number | null
  code?: ErrorCode
} {
  const trimmed = text.trim()

  if (!/^-?\d+(\.\d+)?$/.test(trimmed))
    return { value: null, code: 'THRESHOLD_NOT_INTEGER' }
  const value = Number(trimmed)

  if (value < 0) return { value: null, code: 'NEGATIVE_THRESHOLD' }
  if (!Number.isInteger(value))
    return { value: null, code: 'THRESHOLD_NOT_INTEGER' }
  if (value < 1) return { value: null, code: 'THRESHOLD_BELOW_ONE' }
  if (value > MAX_THRESHOLD) return { value: null, code: 'THRESHOLD_TOO_LARGE' }

  return { value }
}

function sellerList(
  text: string
): { code: ErrorCode; value?: string } | undefined {
  const ids = parseSellers(text)
  const invalid = ids.find(
    (id) => id === MARKETPLACE_SELLER_ID || !SELLER_ID.test(id)
  )

  if (invalid) return { code: 'INVALID_SELLER_ID', value: invalid }
  if (ids.length > MAX_SELLERS_PER_LIST) return { code: 'TOO_MANY_SELLERS' }

  return undefined
}

export function validateChannel(draft: ChannelDraft): ChannelErrors {
  const errors: ChannelErrors = {}
  const exposeAt = threshold(draft.exposeAt)
  const withdrawBelow = threshold(draft.withdrawBelow)

  if (exposeAt.code) errors.exposeAt = { code: exposeAt.code }
  if (withdrawBelow.code) errors.withdrawBelow = { code: withdrawBelow.code }
  else if (
    exposeAt.value !== null &&
    withdrawBelow.value !== null &&
    withdrawBelow.value > exposeAt.value
  ) {
    errors.withdrawBelow = { code: 'WITHDRAW_ABOVE_EXPOSE' }
  }

  const allow = sellerList(draft.sellerAllow)
  const deny = sellerList(draft.sellerDeny)

  if (allow) errors.sellerAllow = allow
  if (deny) errors.sellerDeny = deny
  if (!allow && !deny) {
    const denied = new Set(parseSellers(draft.sellerDeny))
    const both = parseSellers(draft.sellerAllow).find((id) => denied.has(id))

    if (both) errors.sellerDeny = { code: 'SELLER_IN_BOTH_LISTS', value: both }
  }

  return errors
}

export function validateDraft(draft: SettingsDraft): {
  errors: DraftErrors
  valid: boolean
} {
  const channels = Object.fromEntries(
    draft.channels.map((c) => [c.channel, validateChannel(c)])
  )

  const days = Number(draft.retentionDays.trim())
  const retentionDays =
    /^\d+$/.test(draft.retentionDays.trim()) &&
    days >= 1 &&
    days <= MAX_RETENTION_DAYS
      ? undefined
      : ('INVALID_RETENTION' as const)

  const valid =
    !retentionDays &&
    Object.values(channels).every((e) => Object.keys(e).length === 0)

  return { errors: { retentionDays, channels }, valid }
}

/** The mutation input for a valid draft. */
export function toInput(draft: SettingsDraft) {
  return {
    retentionDays: Number(draft.retentionDays.trim()),
    channels: draft.channels.map((c) => ({
      channel: c.channel,
      mode: c.mode,
      exposeAt: Number(c.exposeAt.trim()),
      withdrawBelow: Number(c.withdrawBelow.trim()),
      requirePrice: c.requirePrice,
      sellerAllow: parseSellers(c.sellerAllow),
      sellerDeny: parseSellers(c.sellerDeny),
    })),
  }
}
