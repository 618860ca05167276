import { useEffect, useState } from 'react'

import type { ChannelDraft, Settings, SettingsDraft } from '../types'
import { formatSellers, validateDraft } from '../validate'

export function toDraft(settings: Settings): SettingsDraft {
  return {
    retentionDays: String(settings.retentionDays),
    channels: settings.channels.map((c) => ({
      channel: c.channel,
      mode: c.mode,
      exposeAt: String(c.exposeAt),
      withdrawBelow: String(c.withdrawBelow),
      requirePrice: c.requirePrice,
      sellerAllow: formatSellers(c.sellerAllow),
      sellerDeny: formatSellers(c.sellerDeny),
    })),
  }
}

/** The editable copy of the saved settings; reset whenever the saved settings change. */
export function useSettingsDraft(settings: Settings | undefined) {
  const [draft, setDraft] = useState<SettingsDraft | null>(
    settings ? toDraft(settings) : null
  )

  useEffect(() => {
    if (settings) setDraft(toDraft(settings))
  }, [settings])

  const saved = settings ? toDraft(settings) : null
  const dirty = !!draft && JSON.stringify(draft) !== JSON.stringify(saved)
  const { errors, valid } = draft
    ? validateDraft(draft)
    : { errors: { channels: {} }, valid: false }

  const updateChannel = (channel: string, patch: Partial<ChannelDraft>) =>
    setDraft(
      (d) =>
        d && {
          ...d,
          channels: d.channels.map((c) =>
            c.channel === channel ? { ...c, ...patch } : c
          ),
        }
    )

  const setRetention = (retentionDays: string) =>
    setDraft((d) => d && { ...d, retentionDays })

  /** Channels that go from OBSERVE to ENFORCE with this draft. */
  const toEnforce = draft
    ? draft.channels
        .filter(
          (c) =>
            c.mode === 'ENFORCE' &&
            saved?.channels.find((s) => s.channel === c.channel)?.mode !==
              'ENFORCE'
        )
        .map((c) => c.channel)
    : []

  return {
    draft,
    dirty,
    errors,
    valid,
    toEnforce,
    updateChannel,
    setRetention,
    reset: () => settings && setDraft(toDraft(settings)),
  }
}
