import type { ChannelConfig } from '../domain/types'
import type { AuditEntry } from '../services/audit'
import type { ExposureView } from '../services/exposures'

/** GraphQL shapes: every cached object carries cacheId; JSON details travel as strings. */
export const exposureOut = (view: ExposureView) => ({
  ...view,
  cacheId: `${view.skuId}-${view.channel}`,
  trace: view.trace.map((rule) => ({
    ...rule,
    details: JSON.stringify(rule.details ?? {}),
  })),
})

export const channelOut = (channel: ChannelConfig) => ({
  cacheId: channel.id,
  id: channel.id,
  name: channel.name,
  salesChannel: channel.salesChannel,
  mode: channel.mode,
})

export const auditOut = (entry: AuditEntry) => ({
  ...entry,
  cacheId: entry.id,
  reasons: entry.reasons ?? [],
})
