import type { JobPreview } from '../shared/jobs'
import type { ChannelMode } from '../shared/types'
import type * as Schema from '../../typings/schema.generated'

export type {
  ChannelSettings,
  StockBuffer,
} from '../../typings/schema.generated'

/** As SettingsFields asks it; applyJobId only on saveSettings' answer (null: nothing to apply). */
export type Settings = Omit<Schema.Settings, 'applyJobId' | 'alertEmails'> &
  Partial<Pick<Schema.Settings, 'applyJobId'>>

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
export type ChannelKey = Omit<Schema.ChannelKey, 'firstUsedAt'>

/** The buffer form as typed: numbers stay text until they are valid. */
export interface StockBufferDraft {
  scope: Schema.StockBufferScope
  targetId: string
  channel: string // '' for every channel
  exposeAt: string
  withdrawBelow: string
  note: string
}
