import React from 'react'
import { fireEvent, flushPromises, render } from '@vtex/test-tools/react'
import { GraphQLError } from 'graphql'
import type { MockedResponse } from '@apollo/react-testing'

import { setRuntime } from '../__fixtures__/runtime'
import { TrendsSection } from '../admin/overview/components/TrendsSection'
import TRENDS from '../admin/overview/graphql/trends.gql'
import { GGL, MKB } from '../__fixtures__'

const point = (
  day: string,
  exposed: number,
  reasons: Array<[string, number]>,
  latency: number | null
) => ({
  __typename: 'TrendPoint',
  day,
  total: 200,
  exposed,
  exposedShare: exposed / 200,
  withheld: 200 - exposed,
  byReason: reasons.map(([reason, count]) => ({
    __typename: 'ReasonCount',
    reason,
    count,
  })),
  medianLatencySeconds: latency,
})

const trends = (
  channel: string,
  days: number,
  points: unknown[],
  sweeps: unknown[] = []
) => ({
  request: { query: TRENDS, variables: { channel, days } },
  result: {
    data: {
      trends: {
        __typename: 'ChannelTrends',
        cacheId: `trends-${channel}-${days}`,
        channel,
        days,
        points,
        sweeps,
      },
    },
  },
})

const SWEEP = {
  __typename: 'SweepDrift',
  runId: '20261202100000000-aaaaaa',
  at: '2026-12-02T10:00:00.000Z',
  state: 'DONE',
  driftFound: 12,
  driftFixed: 9,
}

const renderSection = (mocks: MockedResponse[]) =>
  render(<TrendsSection channels={[MKB, GGL]} />, {
    graphql: { mocks, addTypename: true },
  })

const rows = (table: HTMLElement) =>
  Array.from(table.querySelectorAll('tbody tr')).map((tr) =>
    Array.from(tr.children).map((cell) => cell.textContent)
  )

describe('given the trends on the overview', () => {
  beforeEach(() => setRuntime({}))

  describe('when the trends are loading', () => {
    it("should show the loader for the first channel's 30 days", () => {
      const { getByTestId } = renderSection([trends('MKB', 30, [])])

      expect(getByTestId('page-loading')).toBeInTheDocument()
      expect(getByTestId('trends-days-30').getAttribute('aria-pressed')).toBe(
        'true'
      )
    })
  })

  describe('when the first channel has three days and a sweep', () => {
    it('should draw each chart with a table for screen readers and a summary', async () => {
      const { getByTestId, findByText } = renderSection([
        trends(
          'MKB',
          30,
          [
            point('2026-12-01', 100, [['NO_MARKETPLACE_STOCK', 100]], 60),
            point(
              '2026-12-02',
              120,
              [
                ['NO_MARKETPLACE_STOCK', 70],
                ['NO_PRICE', 10],
              ],
              null
            ),
            point('2026-12-03', 150, [['NO_PRICE', 50]], 42),
          ],
          [SWEEP]
        ),
      ])

      expect(
        await findByText('75% of 200 SKUs exposed on Dec 03; 50% on Dec 01.')
      ).toBeInTheDocument()
      expect(rows(getByTestId('trend-share-table'))).toEqual([
        ['Dec 01', '50%'],
        ['Dec 02', '60%'],
        ['Dec 03', '75%'],
      ])
      const withheld = getByTestId('trend-withheld-table')

      expect(
        Array.from(withheld.querySelectorAll('thead th')).map(
          (th) => th.textContent
        )
      ).toEqual(['Day', 'No marketplace stock', 'No price'])
      expect(rows(withheld)).toEqual([
        ['Dec 01', '100', '0'],
        ['Dec 02', '70', '10'],
        ['Dec 03', '0', '50'],
      ])
      expect(rows(getByTestId('trend-drift-table'))).toEqual([
        ['Dec 02', '12', '9'],
      ])
      expect(rows(getByTestId('trend-latency-table'))).toEqual([
        ['Dec 01', '1 min 0 s'],
        ['Dec 02', '—'],
        ['Dec 03', '42 s'],
      ])
      // The drawing is for the eyes: screen readers read the tables.
      const svg = getByTestId('trend-share').querySelector('svg')

      expect(svg).not.toBeNull()
      expect(svg?.closest('[aria-hidden="true"]')).not.toBeNull()
      // Axes and grid are drawn (recharts finds them among the chart's own children only).
      expect(svg?.querySelectorAll('.recharts-cartesian-axis')).toHaveLength(2)
      expect(svg?.querySelector('.recharts-cartesian-grid')).not.toBeNull()
    })
  })

  describe('when the operator asks for 90 days, then the other channel', () => {
    it('should ask for that window and that channel', async () => {
      const { getByTestId, findByText } = renderSection([
        trends('MKB', 30, []),
        trends('MKB', 90, [point('2026-09-10', 20, [], null)]),
        trends('GGL', 90, [point('2026-12-03', 180, [], null)]),
      ])

      await flushPromises()
      expect(getByTestId('trends-days-30').getAttribute('aria-pressed')).toBe(
        'true'
      )
      fireEvent.click(getByTestId('trends-days-90'))
      expect(
        await findByText('10% of 200 SKUs exposed on Sep 10; 10% on Sep 10.')
      ).toBeInTheDocument()
      expect(getByTestId('trends-days-90').getAttribute('aria-pressed')).toBe(
        'true'
      )

      fireEvent.change(getByTestId('trends-channel'), {
        target: { value: 'GGL' },
      })
      expect(
        await findByText('90% of 200 SKUs exposed on Dec 03; 90% on Dec 03.')
      ).toBeInTheDocument()
    })
  })

  describe('when no point was recorded yet', () => {
    it('should say so instead of empty charts, and that no sweep finished', async () => {
      const { getAllByText, getByText, queryByTestId } = renderSection([
        trends('MKB', 30, []),
      ])

      await flushPromises()
      expect(getAllByText(/No daily point yet/)).toHaveLength(3)
      expect(getByText(/No sweep covering this channel/)).toBeInTheDocument()
      expect(queryByTestId('trend-share-table')).toBeNull()
    })
  })

  describe('when the query fails', () => {
    it('should show the error with a retry', async () => {
      const { findByText } = renderSection([
        {
          request: { query: TRENDS, variables: { channel: 'MKB', days: 30 } },
          result: { errors: [new GraphQLError('boom')] },
        },
      ])

      expect(await findByText('Try again')).toBeInTheDocument()
    })
  })
})
