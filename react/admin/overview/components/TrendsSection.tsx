import React, { useState } from 'react'
import { useIntl } from 'react-intl'
import { useQuery } from 'react-apollo'
import { Card, Dropdown } from 'vtex.styleguide'

import { PageLoader } from '../../shared/components/PageLoader'
import type { Channel } from '../../shared/types'
import TRENDS from '../graphql/trends.gql'
import messages from '../trendMessages'
import type { ChannelTrends } from '../types'
import { TrendCharts } from './TrendCharts'

const WINDOWS = [30, 90] as const

/** The overview's trends: one channel at a time, over the last 30 or 90 days. */
export function TrendsSection({
  channels,
}: {
  channels: Array<Pick<Channel, 'id' | 'name'>>
}) {
  const intl = useIntl()
  const [channel, setChannel] = useState(channels[0]?.id ?? '')
  const [days, setDays] = useState<number>(30)
  const { data, loading, error, refetch } = useQuery<{
    trends: ChannelTrends
  }>(TRENDS, {
    variables: { channel, days },
    skip: !channel,
    fetchPolicy: 'cache-and-network',
  })

  const trends = data?.trends?.channel === channel ? data.trends : null

  return (
    <section data-testid="trends" aria-labelledby="trends-title">
      <Card>
        <div className="flex flex-wrap items-end justify-between mb4">
          <h3 id="trends-title" className="t-heading-5 ma0 mb3 mr4">
            {intl.formatMessage(messages.title)}
          </h3>
          <div className="flex items-end flex-wrap">
            <div className="mr4 mb3">
              <Dropdown
                size="small"
                label={intl.formatMessage(messages.channel)}
                value={channel}
                options={channels.map((c) => ({
                  value: c.id,
                  label: c.name ? `${c.name} (${c.id})` : c.id,
                }))}
                onChange={(_: unknown, id: string) => setChannel(id)}
                selectTestId="trends-channel"
              />
            </div>
            <div
              role="group"
              aria-label={intl.formatMessage(messages.window)}
              className="flex mb3"
            >
              {WINDOWS.map((n) => (
                <button
                  key={n}
                  type="button"
                  aria-pressed={days === n}
                  data-testid={`trends-days-${n}`}
                  className={`t-small pv2 ph4 ba b--action-primary pointer ${
                    days === n
                      ? 'bg-action-primary c-on-action-primary'
                      : 'bg-base c-action-primary'
                  } ${n === WINDOWS[0] ? 'br2 br--left' : 'br2 br--right'}`}
                  onClick={() => setDays(n)}
                >
                  {intl.formatMessage(messages.days, { days: n })}
                </button>
              ))}
            </div>
          </div>
        </div>
        <PageLoader
          loading={loading && !trends}
          error={trends ? null : error}
          onRetry={() => refetch()}
        >
          {trends && <TrendCharts trends={trends} />}
        </PageLoader>
      </Card>
    </section>
  )
}
