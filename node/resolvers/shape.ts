import { bufferId } from '../domain'
import type { StockBuffer } from '../domain'
import type { ChannelConfig } from '../domain/types'
import type { AuditEntry } from '../services/projection/audit'
import type { ExposureView } from '../services/operator/exposures'
import type { SettingsApplyOutcome } from '../services/operator/jobKinds'
import type { JobDoc } from '../services/shared/jobs'
import type { ChannelPreview } from '../services/operator/preview'

/** GraphQL shapes: every cached object carries cacheId; JSON details travel as strings. */
export const exposureOut = (view: ExposureView) => ({
  ...view,
  cacheId: `${view.skuId}-${view.channel}`,
  trace: view.trace.map((rule) => ({
    ...rule,
    details: JSON.stringify(rule.details ?? {}),
  })),
})

/** The mode the operator chose: a channel blocked in this workspace still shows ENFORCE. */
export const configuredMode = (channel: ChannelConfig) =>
  channel.catalogWritesBlocked ? 'ENFORCE' : channel.mode

export const channelOut = (channel: ChannelConfig) => ({
  cacheId: channel.id,
  id: channel.id,
  name: channel.name,
  salesChannel: channel.salesChannel,
  mode: configuredMode(channel),
  catalogWritesBlocked: Boolean(channel.catalogWritesBlocked),
})

/**
 * A review stored before it listed its products (a deploy while it ran) lists none, and says
 * the list stops short of its counts.
 */
const previewOut = (lines: Array<Partial<ChannelPreview>> | null) =>
  lines?.map((line) => ({
    ...line,
    products: line.products ?? [],
    productsTruncated:
      line.productsTruncated ??
      (line.associate ?? 0) + (line.dissociate ?? 0) > 0,
  })) ?? null

/** A job as GraphQL shows it: the result under the field of its kind. */
export const jobOut = (job: JobDoc) => ({
  cacheId: `job-${job.id}`,
  id: job.id,
  kind: job.kind,
  status: job.status,
  progress: job.progress,
  error: job.error,
  createdAt: job.createdAt,
  finishedAt: job.finishedAt,
  result:
    job.status !== 'DONE'
      ? null
      : {
          preview:
            job.kind === 'SETTINGS_PREVIEW'
              ? previewOut(job.result as Array<Partial<ChannelPreview>> | null)
              : null,
          reevaluated: job.kind === 'REEVALUATE' ? job.result : null,
          overridden:
            job.kind === 'OVERRIDE_MATCHING'
              ? (job.result as { overridden?: number } | null)?.overridden ?? 0
              : null,
          pruned:
            job.kind === 'AUDIT_PRUNE'
              ? (job.result as { removed?: number } | null)?.removed ?? 0
              : null,
          applied:
            job.kind === 'SETTINGS_APPLY' ? appliedOut(job.result) : null,
        },
})

export const auditOut = (entry: AuditEntry) => ({
  ...entry,
  cacheId: entry.id,
  reasons: entry.reasons ?? [],
})

export const bufferOut = (buffer: StockBuffer) => ({
  ...buffer,
  cacheId: `buffer-${bufferId(buffer)}`,
  id: bufferId(buffer),
})

function appliedOut(result: unknown) {
  const r = (result ?? {}) as Partial<SettingsApplyOutcome>

  return {
    decidedAgain: r.decidedAgain ?? 0,
    failed: r.failed ?? 0,
    calls: Object.entries(r.calls ?? {})
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([api, count]) => ({ api, count })),
  }
}
