import React from 'react'
import { useIntl } from 'react-intl'
import type { IntlShape } from 'react-intl'
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  XAxis,
  YAxis,
} from 'recharts'

import { formatDuration } from '../../shared/format'
import { reasonMessages } from '../../shared/messages'
import type { ReasonCode } from '../../shared/types'
import { REASON_PALETTE, TREND_COLORS } from '../trendColors'
import messages from '../trendMessages'
import type { ChannelTrends } from '../types'
import { TrendFigure } from './TrendFigure'

const HEIGHT = 180
const AXIS = { fontSize: 12, fill: TREND_COLORS.muted }
const MARGIN = { top: 8, right: 16, bottom: 0, left: 0 }

const dayLabel = (intl: IntlShape, iso: string) =>
  intl.formatDate(iso.length === 10 ? `${iso}T00:00:00Z` : iso, {
    month: 'short',
    day: '2-digit',
    timeZone: 'UTC',
  })

const percent = (intl: IntlShape, share: number | null) =>
  share == null ? '—' : intl.formatNumber(share, { style: 'percent' })

/**
 * The grid and axes, as elements: recharts finds its parts among the chart's own children, so
 * they cannot sit inside a component of ours.
 */
function axes({
  tickFormatter,
  share = false,
}: {
  tickFormatter?: (v: number) => string
  /** A share's axis runs from 0 to 100 %. */
  share?: boolean
} = {}) {
  return [
    <CartesianGrid key="grid" stroke={TREND_COLORS.grid} vertical={false} />,
    <XAxis key="x" dataKey="label" tick={AXIS} stroke={TREND_COLORS.grid} />,
    <YAxis
      key="y"
      tick={AXIS}
      stroke={TREND_COLORS.grid}
      width={56}
      allowDecimals={share}
      domain={share ? [0, 1] : undefined}
      tickFormatter={tickFormatter}
    />,
  ]
}

export function TrendCharts({ trends }: { trends: ChannelTrends }) {
  const intl = useIntl()
  const day = intl.formatMessage(messages.day)
  const { points, sweeps } = trends
  const noPoints = points.length ? null : intl.formatMessage(messages.noPoints)
  const [first] = points
  const last = points[points.length - 1]

  const shares = points.map((p) => ({
    label: dayLabel(intl, p.day),
    share: p.exposedShare,
  }))

  const reasons = [
    ...new Set(points.flatMap((p) => p.byReason.map((r) => r.reason))),
  ] as ReasonCode[]

  const reasonName = (r: ReasonCode) => intl.formatMessage(reasonMessages[r])
  const withheld = points.map((p) => ({
    label: dayLabel(intl, p.day),
    ...Object.fromEntries(p.byReason.map((r) => [r.reason, r.count])),
  })) as Array<Record<string, string | number>>

  const drift = sweeps.map((s) => ({
    label: dayLabel(intl, s.at),
    found: s.driftFound,
    fixed: s.driftFixed,
  }))

  const latencies = points.filter((p) => p.medianLatencySeconds != null)

  return (
    <div>
      <TrendFigure
        testId="trend-share"
        title={intl.formatMessage(messages.share)}
        summary={
          first && last
            ? intl.formatMessage(messages.shareSummary, {
                share: last.exposedShare ?? 0,
                total: last.total,
                day: dayLabel(intl, last.day),
                first: first.exposedShare ?? 0,
                firstDay: dayLabel(intl, first.day),
              })
            : undefined
        }
        empty={noPoints}
        columns={[day, intl.formatMessage(messages.share)]}
        rows={points.map((p) => ({
          key: p.day,
          cells: [dayLabel(intl, p.day), percent(intl, p.exposedShare)],
        }))}
        chart={(width) => (
          <LineChart
            width={width}
            height={HEIGHT}
            data={shares}
            margin={MARGIN}
          >
            {axes({ share: true, tickFormatter: (v) => percent(intl, v) })}
            <Line
              type="monotone"
              dataKey="share"
              stroke={TREND_COLORS.primary}
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
          </LineChart>
        )}
      />
      <TrendFigure
        testId="trend-withheld"
        title={intl.formatMessage(messages.withheld)}
        empty={
          noPoints ??
          (reasons.length ? null : intl.formatMessage(messages.noneWithheld))
        }
        columns={[day, ...reasons.map(reasonName)]}
        rows={points.map((p) => ({
          key: p.day,
          cells: [
            dayLabel(intl, p.day),
            ...reasons.map((r) =>
              intl.formatNumber(
                p.byReason.find((b) => b.reason === r)?.count ?? 0
              )
            ),
          ],
        }))}
        chart={(width) => (
          <BarChart
            width={width}
            height={HEIGHT + 40}
            data={withheld}
            margin={MARGIN}
          >
            {axes()}
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {reasons.map((r, i) => (
              <Bar
                key={r}
                dataKey={r}
                name={reasonName(r)}
                stackId="reasons"
                fill={REASON_PALETTE[i % REASON_PALETTE.length]}
                maxBarSize={32}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        )}
      />
      <TrendFigure
        testId="trend-drift"
        title={intl.formatMessage(messages.drift)}
        empty={sweeps.length ? null : intl.formatMessage(messages.noSweeps)}
        columns={[
          intl.formatMessage(messages.sweepFinished),
          intl.formatMessage(messages.driftFound),
          intl.formatMessage(messages.driftFixed),
        ]}
        rows={sweeps.map((s) => ({
          key: s.runId,
          cells: [
            dayLabel(intl, s.at),
            intl.formatNumber(s.driftFound),
            intl.formatNumber(s.driftFixed),
          ],
        }))}
        chart={(width) => (
          <BarChart
            width={width}
            height={HEIGHT + 40}
            data={drift}
            margin={MARGIN}
          >
            {axes()}
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar
              dataKey="found"
              name={intl.formatMessage(messages.driftFound)}
              fill={TREND_COLORS.warning}
              maxBarSize={32}
              isAnimationActive={false}
            />
            <Bar
              dataKey="fixed"
              name={intl.formatMessage(messages.driftFixed)}
              fill={TREND_COLORS.success}
              maxBarSize={32}
              isAnimationActive={false}
            />
          </BarChart>
        )}
      />
      <TrendFigure
        testId="trend-latency"
        title={intl.formatMessage(messages.latency)}
        empty={
          noPoints ??
          (latencies.length ? null : intl.formatMessage(messages.noLatency))
        }
        columns={[day, intl.formatMessage(messages.seconds)]}
        rows={points.map((p) => ({
          key: p.day,
          cells: [
            dayLabel(intl, p.day),
            formatDuration(p.medianLatencySeconds),
          ],
        }))}
        chart={(width) => (
          <LineChart
            width={width}
            height={HEIGHT}
            data={points.map((p) => ({
              label: dayLabel(intl, p.day),
              seconds: p.medianLatencySeconds,
            }))}
            margin={MARGIN}
          >
            {axes({ tickFormatter: (v) => formatDuration(v) })}
            <Line
              type="monotone"
              dataKey="seconds"
              stroke={TREND_COLORS.primary}
              strokeWidth={2}
              connectNulls
              isAnimationActive={false}
            />
          </LineChart>
        )}
      />
    </div>
  )
}
