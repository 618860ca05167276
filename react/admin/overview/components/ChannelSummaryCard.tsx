import React, { useState } from 'react'
import { useIntl } from 'react-intl'
import { useRuntime } from 'vtex.render-runtime'
import { Card, Tag } from 'vtex.styleguide'

import { ProductsToggle } from '../../shared/components/ProductChangeTable'
import { StatusTag } from '../../shared/components/StatusTag'
import { formatDuration, share } from '../../shared/format'
import { modeMessages, reasonMessages } from '../../shared/messages'
import { paths } from '../../shared/paths'
import type { ExposureStatus, ReasonCode } from '../../shared/types'
import messages from '../messages'
import type { ChannelSummary } from '../types'
import { ProductsToChange } from './ProductsToChange'
import { TAG_COLORS } from '../../shared/tagColors'

export function ChannelSummaryCard({
  summary,
  partial = false,
}: {
  summary: ChannelSummary
  /** No full sweep has finished: an empty list says nothing of the SKUs not decided yet. */
  partial?: boolean
}) {
  const intl = useIntl()
  const { navigate } = useRuntime()
  const { channel, total } = summary

  const open = (filter: { status?: ExposureStatus; reason?: ReasonCode }) => {
    const query = new URLSearchParams({ channel: channel.id, ...filter })

    navigate({ to: paths.exposures, query: query.toString() })
  }

  const countShare = (count: number) =>
    intl.formatMessage(messages.countShare, {
      count,
      share: share(count, total),
    })

  const drift =
    channel.mode === 'OBSERVE' ? messages.observeDrift : messages.enforceDrift

  // The counts say how many; the list says which (the review before a switch to ENFORCE).
  const [listing, setListing] = useState(false)
  const toChange = summary.wouldExpose + summary.wouldWithdraw

  return (
    <div data-testid={`channel-card-${channel.id}`}>
      <Card>
        <div className="flex items-center justify-between mb3">
          <h3 className="t-heading-5 ma0">
            {intl.formatMessage(messages.channelTitle, {
              name: channel.name ?? channel.id,
              id: channel.id,
              salesChannel: channel.salesChannel,
            })}
          </h3>
          <Tag
            size="small"
            {...TAG_COLORS[channel.mode === 'ENFORCE' ? 'success' : 'neutral']}
          >
            {intl.formatMessage(modeMessages[channel.mode])}
          </Tag>
        </div>
        <p className="t-body c-muted-1 mt0">
          {intl.formatMessage(messages.total, { total })}
        </p>
        <p className="t-small c-on-base" data-testid="drift">
          {intl.formatMessage(drift, {
            wouldExpose: summary.wouldExpose,
            wouldWithdraw: summary.wouldWithdraw,
          })}
          {toChange > 0 && (
            <ProductsToggle
              open={listing}
              onToggle={() => setListing(!listing)}
              testId={`products-toggle-${channel.id}`}
            />
          )}
        </p>
        {listing && <ProductsToChange channel={channel.id} />}
        <p className="t-small c-muted-1" data-testid="latency">
          {summary.medianLatencySeconds == null
            ? intl.formatMessage(messages.latencyNone)
            : intl.formatMessage(messages.latency, {
                latency: formatDuration(summary.medianLatencySeconds),
              })}
        </p>
        <h4 className="t-heading-6 mb2">
          {intl.formatMessage(messages.byStatus)}
        </h4>
        <ul className="list pa0 ma0">
          {summary.byStatus.map(({ status, count }) => (
            <li
              key={status}
              className="flex justify-between items-center pv2 bb b--muted-4"
            >
              <StatusTag status={status} />
              <button
                type="button"
                className="bn bg-transparent c-action-primary pointer t-body"
                data-testid={`open-${channel.id}-${status}`}
                onClick={() => open({ status })}
              >
                {countShare(count)}
              </button>
            </li>
          ))}
        </ul>
        <h4 className="t-heading-6 mb2">
          {intl.formatMessage(messages.byReason)}
        </h4>
        {summary.byReason.length === 0 ? (
          <p className="c-muted-1 t-small">
            {intl.formatMessage(
              partial ? messages.noReasonsYet : messages.noReasons
            )}
          </p>
        ) : (
          <ul className="list pa0 ma0">
            {summary.byReason.map(({ reason, count }) => (
              <li
                key={reason}
                className="flex justify-between items-center pv2 bb b--muted-4"
              >
                <span className="t-small">
                  {intl.formatMessage(reasonMessages[reason])}
                </span>
                <button
                  type="button"
                  className="bn bg-transparent c-action-primary pointer t-body"
                  onClick={() => open({ reason })}
                >
                  {countShare(count)}
                </button>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  )
}
