import type { JobPreview } from '../shared/jobs'
import type { ChannelMode } from '../shared/types'

export interface ChannelSettings {
  cacheId: string
  channel: string
  mode: ChannelMode
  exposeAt: number
  withdrawBelow: number
  requirePrice: boolean
  sellerAllow: string[]
  sellerDeny: string[]
}

export interface Settings {
  /** On saveSettings' answer: the job applying the save (null: nothing to apply). */
  applyJobId?: string | null
  cacheId: string
  retentionDays: number
  channels: ChannelSettings[]
  /** Settings are per workspace; outside master, catalog writes are off unless turned on. */
  workspace: string
  workspaceCatalogWrites: boolean
  catalogWritesBlocked: boolean
}

/**
 * What the operator edits: numbers and lists as typed text until they are valid. Seller lists
 * picked from the marketplace's sellers are kept as the same text (`formatSellers`), so the rules
 * and the saved input are the same whether the ids were picked or typed.
 */
export interface ChannelDraft {
  channel: string
  mode: ChannelMode
  exposeAt: string
  withdrawBelow: string
  requirePrice: boolean
  sellerAllow: string
  sellerDeny: string
}

export interface SettingsDraft {
  retentionDays: string
  channels: ChannelDraft[]
}

/** One channel of the save review: the settings preview job's result. */
export type SettingsPreview = JobPreview

/** A channel's feed access key as the admin lists it: never its secret. */
export interface ChannelKey {
  cacheId: string
  id: string
  channel: string
  createdAt: string
  createdBy: string | null
  revokedAt: string | null
  revokedBy: string | null
}

/** A product's or SKU's own thresholds on one channel (or every channel: `channel` null). */
export interface StockBuffer {
  cacheId: string
  id: string
  scope: 'PRODUCT' | 'SKU'
  targetId: string
  channel: string | null
  exposeAt: number
  withdrawBelow: number
  note: string
  by: string
  at: string
}

/** The buffer form as typed: numbers stay text until they are valid. */
export interface StockBufferDraft {
  scope: 'PRODUCT' | 'SKU'
  targetId: string
  channel: string // '' for every channel
  exposeAt: string
  withdrawBelow: string
  note: string
}
