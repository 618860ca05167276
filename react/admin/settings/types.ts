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
  cacheId: string
  retentionDays: number
  channels: ChannelSettings[]
}

/** What the operator edits: numbers and lists as typed text until they are valid. */
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

export interface SettingsPreview {
  channel: string
  toExposed: number
  toWithheld: number
  associate: number
  dissociate: number
}
