// Operator settings: defaults, validation of the admin's input, and the channel view of them.
import type { StockBuffer } from './buffers'
import { buffersOn } from './buffers'
import { isSellerId } from './ids'
import type { ChannelConfig, ChannelMode } from './types'

export interface ChannelSettings {
  mode: ChannelMode
  exposeAt: number
  withdrawBelow: number
  requirePrice: boolean
  sellerAllow: string[]
  sellerDeny: string[]
}

export interface AppSettings {
  channels: Record<string, ChannelSettings>
  retentionDays: number
  /**
   * Outside `master` only: whether ENFORCE may write this workspace's decisions to the catalog.
   * Settings live per workspace, but trade policies are account-wide (absent: off).
   */
  workspaceCatalogWrites?: boolean
  /**
   * Stock buffers (buffers.ts), kept in this document so that an evaluation gets them with the
   * channels' settings, through the same cached read (absent: none).
   */
  buffers?: StockBuffer[]
  /** Where the attention e-mails go (domain/attention.ts validAlertEmails; absent: none). */
  alertEmails?: string[]
}

/** The workspace VTEX serves the live store from; every other one is a development workspace. */
export const MASTER_WORKSPACE = 'master'

/**
 * Whether ENFORCE may write to the catalog from `workspace`: always in master, elsewhere only
 * when the operator turned it on there. `undefined` (no workspace known, e.g. a unit test) is master.
 */
export function catalogWritesAllowed(
  workspace: string | undefined,
  settings: Pick<AppSettings, 'workspaceCatalogWrites'>
): boolean {
  return (
    workspace === undefined ||
    workspace === MASTER_WORKSPACE ||
    settings.workspaceCatalogWrites === true
  )
}

export const MAX_THRESHOLD = 1_000_000
export const MAX_SELLERS_PER_LIST = 500
export const MIN_RETENTION_DAYS = 1
export const MAX_RETENTION_DAYS = 3650
export const DEFAULT_RETENTION_DAYS = 90
export const CHANNEL_MODES: readonly ChannelMode[] = ['OBSERVE', 'ENFORCE']

/** A channel nobody configured: observe only, expose from 1 unit, a price is required. */
export function defaultChannelSettings(): ChannelSettings {
  return {
    mode: 'OBSERVE',
    exposeAt: 1,
    withdrawBelow: 1,
    requirePrice: true,
    sellerAllow: [],
    sellerDeny: [],
  }
}

export function defaultAppSettings(): AppSettings {
  return { channels: {}, retentionDays: DEFAULT_RETENTION_DAYS }
}

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

const given = <T>(value: T | null | undefined): value is T =>
  value !== null && value !== undefined

/** A stored entry completed with defaults (documents written by older versions may lack fields). */
export function channelSettings(
  settings: AppSettings,
  channel: string
): ChannelSettings {
  const all = settings.channels ?? {}
  const stored = Object.prototype.hasOwnProperty.call(all, channel)
    ? all[channel]
    : undefined

  const merged = { ...defaultChannelSettings(), ...stored }

  return {
    ...merged,
    withdrawBelow: Math.min(merged.withdrawBelow, merged.exposeAt),
  }
}

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

function applyChannel(
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

function sameValue(a: unknown, b: unknown) {
  return JSON.stringify(a) === JSON.stringify(b)
}

const CHANNEL_FIELDS: ReadonlyArray<keyof ChannelSettings> = [
  'mode',
  'exposeAt',
  'withdrawBelow',
  'requirePrice',
  'sellerAllow',
  'sellerDeny',
]

/**
 * Validates the admin's input against the current settings and the known channels (affiliate ids)
 * and returns either the new settings with the list of field changes, or every error found.
 * Nothing is applied when any error exists. `current` is never mutated.
 */
export function applySettingsInput(
  current: AppSettings,
  input: SettingsInput,
  knownChannelIds: readonly string[]
): SettingsResult {
  const errors: SettingsError[] = []
  const changes: SettingsChange[] = []
  const channels: Record<string, ChannelSettings> = {
    ...(current.channels ?? {}),
  }

  const seen = new Set<string>()

  for (const entry of input.channels ?? []) {
    const { channel } = entry

    if (typeof channel !== 'string' || !knownChannelIds.includes(channel)) {
      errors.push({
        code: 'UNKNOWN_CHANNEL',
        channel: String(channel),
        field: 'channel',
      })
      continue
    }

    if (seen.has(channel)) {
      errors.push({ code: 'DUPLICATE_CHANNEL', channel, field: 'channel' })
      continue
    }

    seen.add(channel)

    const isNew = !Object.prototype.hasOwnProperty.call(channels, channel)
    const before = channelSettings(current, channel)
    const after = applyChannel(before, isNew, entry, errors)

    for (const field of CHANNEL_FIELDS) {
      if (!sameValue(before[field], after[field])) {
        changes.push({ channel, field, from: before[field], to: after[field] })
      }
    }

    channels[channel] = after
  }

  let retentionDays = current.retentionDays ?? DEFAULT_RETENTION_DAYS

  if (given(input.retentionDays)) {
    const days = input.retentionDays

    if (
      typeof days !== 'number' ||
      !Number.isInteger(days) ||
      days < MIN_RETENTION_DAYS ||
      days > MAX_RETENTION_DAYS
    ) {
      errors.push({ code: 'INVALID_RETENTION', field: 'retentionDays' })
    } else {
      if (days !== retentionDays) {
        changes.push({
          channel: null,
          field: 'retentionDays',
          from: retentionDays,
          to: days,
        })
      }

      retentionDays = days
    }
  }

  const writesBefore = current.workspaceCatalogWrites === true
  let workspaceCatalogWrites = writesBefore

  if (given(input.workspaceCatalogWrites)) {
    if (typeof input.workspaceCatalogWrites !== 'boolean') {
      errors.push({
        code: 'INVALID_WORKSPACE_CATALOG_WRITES',
        field: 'workspaceCatalogWrites',
      })
    } else {
      workspaceCatalogWrites = input.workspaceCatalogWrites
      if (workspaceCatalogWrites !== writesBefore) {
        changes.push({
          channel: null,
          field: 'workspaceCatalogWrites',
          from: writesBefore,
          to: workspaceCatalogWrites,
        })
      }
    }
  }

  if (errors.length > 0) return { ok: false, errors }

  return {
    ok: true,
    settings: {
      channels,
      retentionDays,
      workspaceCatalogWrites,
      // Saved on their own (services/operator/buffers.ts): a settings save keeps them as they are.
      ...(current.buffers ? { buffers: current.buffers } : {}),
    },
    changes,
  }
}

/**
 * A refused input's error codes as the API sends them. A seller both allowed and denied goes as
 * `SELLER_IN_BOTH_LISTS:<id>`, so the admin can name the seller: that id passed validation. A
 * malformed id (INVALID_SELLER_ID) is never echoed back.
 */
export function refusalCodes(errors: SettingsError[]): string[] {
  return [
    ...new Set(
      errors.map((e) =>
        e.code === 'SELLER_IN_BOTH_LISTS' && e.value
          ? `${e.code}:${e.value}`
          : e.code
      )
    ),
  ]
}

/** An affiliate seen as a channel: its stored settings, or the defaults (OBSERVE) when new. */
export function channelConfig(
  affiliate: { id: string; name: string | null; salesChannel: string },
  settings: AppSettings
): ChannelConfig {
  const s = channelSettings(settings, affiliate.id)
  const buffers = buffersOn(settings.buffers, affiliate.id)

  return {
    id: affiliate.id,
    name: affiliate.name,
    salesChannel: affiliate.salesChannel,
    mode: s.mode,
    exposeAt: s.exposeAt,
    withdrawBelow: s.withdrawBelow,
    requirePrice: s.requirePrice,
    sellerAllow: [...s.sellerAllow],
    sellerDeny: [...s.sellerDeny],
    ...(buffers.length ? { buffers } : {}),
  }
}
