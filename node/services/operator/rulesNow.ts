import { bufferFor, bufferId, rulesChangedSince } from '../../domain'
import type { RuleSetting } from '../../domain'
import type { ChannelConfig, ExposureStatus } from '../../domain/types'
import type { ExposureView } from './exposures'
import { previewStatus } from './preview'

/** What the SKU page says when a decision was made under rules its channel no longer has. */
export interface RulesChanged {
  changed: RuleSetting[]
  /**
   * The status the rules now give, from the facts the decision read (the preview's arithmetic);
   * null for an ERROR or PENDING decision, which read no facts to decide on.
   */
  statusNow: ExposureStatus | null
  /** The thresholds that apply now: the buffer's when one applies, else the channel's. */
  exposeAt: number
  withdrawBelow: number
  /** The stock buffer whose thresholds apply now (buffers.ts bufferId), or null. */
  bufferId: string | null
  requirePrice: boolean
}

/**
 * null when the decision's trace was made under the channel's rules now (or the channel is not
 * known). Otherwise the page must not show the trace's thresholds as the rules: it says which
 * changed and what the rules now give, until the SKU's next evaluation records it.
 */
export function rulesChangedOf(
  view: ExposureView,
  channel: ChannelConfig | undefined
): RulesChanged | null {
  if (!channel) return null
  const buffer = bufferFor(
    channel.buffers,
    channel.id,
    view.skuId,
    view.productId
  )

  const changed = rulesChangedSince(view.trace, channel, buffer)

  if (!changed.length) return null

  return {
    changed,
    statusNow:
      view.status === 'ERROR' || view.status === 'PENDING'
        ? null
        : previewStatus(view, channel, channel.buffers),
    exposeAt: buffer?.exposeAt ?? channel.exposeAt,
    withdrawBelow: buffer
      ? Math.min(buffer.withdrawBelow, buffer.exposeAt)
      : channel.withdrawBelow,
    bufferId: buffer ? bufferId(buffer) : null,
    requirePrice: channel.requirePrice,
  }
}
