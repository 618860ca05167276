// Operator settings: their shape, defaults, and the channel view of them (the admin's input is
// validated in settingsInput.ts).
import type { StockBuffer } from './buffers'
import { buffersOn } from './buffers'
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
