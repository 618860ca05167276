// A channel's counts as the overview shows them: by status, by reason, what ENFORCE would write
// and the stock → channel latency of the last day. The overview's query and the trends' daily
// point both count through here, so a point is what the overview said that day.
import { median } from '../../domain'
import type { ChannelConfig } from '../../domain'
import { EXPOSURE_STATUSES, REASON_CODES } from '../../domain/types'
import type { EngineDeps } from '../shared/deps'
import { countExposures } from './exposures'
import type { ExposureFilter } from './exposures'
import { MD_MAX_PAGE } from '../projection/projection'

const DAY_MS = 86_400_000

/** Master Data counts (1 + statuses + reasons), without the pending writes. */
export async function channelCounts(
  deps: Pick<EngineDeps, 'projection'>,
  channel: string
) {
  const count = (filter: ExposureFilter) =>
    countExposures(deps, { channel, ...filter })

  const [total, byStatus, byReason] = await Promise.all([
    count({}),
    Promise.all(
      EXPOSURE_STATUSES.map(async (status) => ({
        status,
        count: await count({ status }),
      }))
    ),
    Promise.all(
      REASON_CODES.map(async (reason) => ({
        reason,
        count: await count({ reason }),
      }))
    ),
  ])

  return { total, byStatus, byReason: byReason.filter((r) => r.count > 0) }
}

/** Median seconds from a stock change to the channel update over the last day (one audit page). */
export async function medianLatencySeconds(
  deps: Pick<EngineDeps, 'audit' | 'now'>,
  channel: string
) {
  const writes = await deps.audit.writesSince(
    channel,
    new Date(deps.now().getTime() - DAY_MS).toISOString(),
    MD_MAX_PAGE
  )

  const seconds = writes
    .map(
      (entry) =>
        (JSON.parse(entry.details ?? '{}') as { latencyMs?: number | null })
          .latencyMs
    )
    .filter((ms): ms is number => typeof ms === 'number')
    .map((ms) => ms / 1000)

  return seconds.length ? median(seconds) : null
}

/** The overview's whole card for one channel. */
export async function channelSummary(
  deps: Pick<EngineDeps, 'projection' | 'audit' | 'now'>,
  channel: ChannelConfig
) {
  const [counts, wouldExpose, wouldWithdraw, latency] = await Promise.all([
    channelCounts(deps, channel.id),
    deps.projection.countPending(channel.id, 'ASSOCIATE'),
    deps.projection.countPending(channel.id, 'DISSOCIATE'),
    medianLatencySeconds(deps, channel.id),
  ])

  return {
    ...counts,
    wouldExpose,
    wouldWithdraw,
    medianLatencySeconds: latency,
  }
}
