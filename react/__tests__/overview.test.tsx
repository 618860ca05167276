import React from 'react'
import { render, flushPromises } from '@vtex/test-tools/react'
import { GraphQLError } from 'graphql'
import type { MockedResponse } from '@apollo/react-testing'

import { setRuntime } from '../__fixtures__/runtime'
import { OverviewPage } from '../admin/overview/components/OverviewPage'
import EXPOSURE_SUMMARY from '../admin/overview/graphql/exposureSummary.gql'
import FIRST_SWEEP from '../admin/overview/graphql/firstSweep.gql'
import LAST_RECONCILIATION from '../admin/overview/graphql/lastReconciliation.gql'
import { GGL, MKB } from '../__fixtures__'

const summary = (
  channel: typeof MKB,
  partial: Record<string, unknown> = {}
) => ({
  __typename: 'ChannelSummary',
  cacheId: channel.id,
  channel,
  total: 200,
  byStatus: [
    { __typename: 'StatusCount', status: 'EXPOSED', count: 50 },
    { __typename: 'StatusCount', status: 'WITHHELD', count: 150 },
  ],
  byReason: [
    { __typename: 'ReasonCount', reason: 'NO_MARKETPLACE_STOCK', count: 120 },
  ],
  wouldExpose: 3,
  wouldWithdraw: 7,
  medianLatencySeconds: 42,
  ...partial,
})

const lastRun = {
  request: { query: LAST_RECONCILIATION },
  result: { data: { reconciliation: null } },
}

const renderPage = (mocks: MockedResponse[]) =>
  render(<OverviewPage />, {
    graphql: { mocks: [...mocks, lastRun], addTypename: true },
  })

describe('given the overview page', () => {
  beforeEach(() => setRuntime({}))

  describe('when the summary is loading', () => {
    it('should show the loader', () => {
      const { getByTestId } = renderPage([
        {
          request: { query: EXPOSURE_SUMMARY },
          result: { data: { exposureSummary: [] } },
        },
      ])

      expect(getByTestId('page-loading')).toBeInTheDocument()
    })
  })

  describe('when the query fails', () => {
    it('should show the error code as a sentence, not the backend text', async () => {
      const { findByTestId } = renderPage([
        {
          request: { query: EXPOSURE_SUMMARY },
          result: { errors: [new GraphQLError('FORBIDDEN')] },
        },
      ])

      const error = await findByTestId('page-error')

      expect(error).toHaveTextContent('You do not have permission for this.')
      expect(error).not.toHaveTextContent('FORBIDDEN')
    })
  })

  describe('when no channel exists', () => {
    it('should show the empty state', async () => {
      const { findByTestId } = renderPage([
        {
          request: { query: EXPOSURE_SUMMARY },
          result: { data: { exposureSummary: [] } },
        },
      ])

      expect(await findByTestId('page-empty')).toHaveTextContent(
        'No affiliated channel'
      )
    })
  })

  describe('when channels have counts', () => {
    const mocks = [
      {
        request: { query: EXPOSURE_SUMMARY },
        result: {
          data: {
            exposureSummary: [
              summary(MKB),
              summary(GGL, {
                medianLatencySeconds: null,
                wouldExpose: 0,
                wouldWithdraw: 2,
              }),
            ],
          },
        },
      },
    ]

    it('should show counts with their share, the mode and the latency', async () => {
      const { findByTestId } = renderPage(mocks)
      const card = await findByTestId('channel-card-MKB')

      expect(card).toHaveTextContent('Marketplace B (MKB) · trade policy 2')
      expect(card).toHaveTextContent('150 (75%)')
      expect(card).toHaveTextContent('No marketplace stock')
      expect(card).toHaveTextContent('120 (60%)')
      expect(card).toHaveTextContent('would expose 3 / would withdraw 7')
      expect(card).toHaveTextContent('42 s')

      const ggl = await findByTestId('channel-card-GGL')

      expect(ggl).toHaveTextContent('Enforce')
      expect(ggl).toHaveTextContent('no changes yet')
    })

    it('should open the exposures filtered by channel and status', async () => {
      const runtime = setRuntime({})
      const { findByTestId } = renderPage(mocks)

      ;(await findByTestId('open-MKB-WITHHELD')).click()
      await flushPromises()

      expect(runtime.navigate).toHaveBeenCalledWith({
        to: '/admin/app/marketplace-stock-gate/exposures',
        query: 'channel=MKB&status=WITHHELD',
      })
    })
  })

  describe('when a channel in Enforce is blocked because this workspace may not write the catalog', () => {
    it('should say that it writes nothing here and where to turn writes on', async () => {
      const { findByTestId } = renderPage([
        {
          request: { query: EXPOSURE_SUMMARY },
          result: {
            data: {
              exposureSummary: [
                summary(MKB),
                summary({ ...GGL, catalogWritesBlocked: true }),
              ],
            },
          },
        },
      ])

      const banner = await findByTestId('catalog-writes-blocked')

      expect(banner).toHaveTextContent(
        'Catalog writes are off in this development workspace: GGL in Enforce run as Observe'
      )
      expect(banner).toHaveTextContent('Turn them on in Settings')
    })
  })

  describe('when no channel is blocked (master)', () => {
    it('should show no such message', async () => {
      const { findAllByText, queryByTestId } = renderPage([
        {
          request: { query: EXPOSURE_SUMMARY },
          result: { data: { exposureSummary: [summary(MKB), summary(GGL)] } },
        },
      ])

      await findAllByText(/200 SKUs evaluated/)
      expect(queryByTestId('catalog-writes-blocked')).toBeNull()
    })
  })
})

describe('given the overview before any full sweep has finished', () => {
  beforeEach(() => setRuntime({}))

  const first = (done: boolean, run: Record<string, unknown> | null) => ({
    request: { query: FIRST_SWEEP },
    result: {
      data: {
        firstSweep: {
          __typename: 'FirstSweep',
          cacheId: 'first-sweep',
          done,
          run: run && {
            __typename: 'ReconciliationRun',
            cacheId: 'r1',
            id: 'r1',
            createdAt: '2026-11-26T22:00:00.000Z',
            ...run,
          },
        },
      },
    },
  })

  const empty = {
    request: { query: EXPOSURE_SUMMARY },
    result: {
      data: { exposureSummary: [summary(MKB, { total: 0, byReason: [] })] },
    },
  }

  it('should say no full sweep has run, not that no SKU is withheld', async () => {
    const { findByTestId, queryByText, findByText } = renderPage([
      empty,
      first(false, null),
    ])

    expect(await findByTestId('first-sweep')).toHaveTextContent(
      'No full sweep has run yet'
    )
    expect(
      await findByText('None of the SKUs decided so far is withheld.')
    ).toBeInTheDocument()
    expect(queryByText('No SKU is withheld.')).toBeNull()
  })

  it('should show the first sweep’s progress while it runs', async () => {
    const { findByTestId } = renderPage([
      empty,
      first(false, { state: 'RUNNING', done: 5, total: 200 }),
    ])

    expect(await findByTestId('first-sweep')).toHaveTextContent(
      'The first full sweep is running (5 of 200 SKUs)'
    )
  })

  it('should say nothing once a full sweep has finished', async () => {
    const { findByText, queryByTestId } = renderPage([
      empty,
      first(true, { state: 'DONE', done: 200, total: 200 }),
    ])

    expect(await findByText('No SKU is withheld.')).toBeInTheDocument()
    await flushPromises()
    expect(queryByTestId('first-sweep')).toBeNull()
  })
})
