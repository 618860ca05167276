import React from 'react'
import { render, flushPromises, act } from '@vtex/test-tools/react'
import type { MockedResponse } from '@apollo/react-testing'
import { fireEvent, waitFor } from '@testing-library/react'
import { GraphQLError } from 'graphql'

import { setRuntime } from '../__fixtures__/runtime'
import { ExposuresPage } from '../admin/exposures/components/ExposuresPage'
import { sweepScope } from '../admin/exposures/sweepScope'
import type { ExposureFilter } from '../admin/exposures/types'
import START from '../admin/reconciliation/graphql/startReconciliation.gql'
import {
  channelsMock,
  exposure,
  exposuresPage,
  sellersMock,
} from '../__fixtures__'

// Every filter the table has, as the URL carries it (the search with stray spaces).
const everyFilter = {
  channel: 'MKB',
  status: 'WITHHELD',
  reason: 'NO_MARKETPLACE_STOCK',
  seller: 'sellera',
  q: ' sneaker ',
}

const tableFilter: ExposureFilter = {
  channel: 'MKB',
  status: 'WITHHELD',
  reason: 'NO_MARKETPLACE_STOCK',
  sellerId: 'sellera',
  text: 'sneaker',
}

const scope = {
  channel: 'MKB',
  statuses: ['WITHHELD'],
  reason: 'NO_MARKETPLACE_STOCK',
  sellerId: 'sellera',
  text: 'sneaker',
}

const page = (filter: ExposureFilter, total: number) =>
  exposuresPage(
    filter as Record<string, string>,
    [exposure(), exposure({ skuId: '7' })],
    total
  )

const run = {
  __typename: 'ReconciliationRun',
  cacheId: 'r2',
  id: 'r2',
  state: 'QUEUED',
  scope: {
    __typename: 'ReconciliationScope',
    channel: 'MKB',
    sellerId: 'sellera',
    skuIds: null,
    changedSince: null,
    statuses: ['WITHHELD'],
    reason: 'NO_MARKETPLACE_STOCK',
    text: 'sneaker',
  },
  trigger: 'ADMIN',
  startedBy: 'admin@marketplacea.example',
  createdAt: '2026-11-26T22:00:00.000Z',
  startedAt: null,
  finishedAt: null,
  done: 0,
  total: 0,
  rate: null,
  eta: null,
  driftFound: 0,
  driftFixed: 0,
  errors: [],
  waiting: null,
  failure: null,
}

const start = (result: MockedResponse['result']) => ({
  request: { query: START, variables: { scope } },
  result,
})

const renderPage = (mocks: MockedResponse[]) =>
  render(<ExposuresPage />, {
    graphql: {
      mocks: [channelsMock, sellersMock, ...mocks],
      addTypename: true,
    },
  })

describe('given the filter of the exposures table as a sweep scope', () => {
  it('should be no scope at all without a filter, blank values included', () => {
    expect(sweepScope({})).toBeNull()
    expect(sweepScope({ channel: '', text: '   ', sellerId: ' ' })).toBeNull()
  })

  it('should map each filter to its scope field and leave the others out', () => {
    expect(sweepScope(tableFilter)).toEqual(scope)
    expect(sweepScope({ reason: 'NO_PRICE', text: ' ' })).toEqual({
      reason: 'NO_PRICE',
    })
  })
})

describe('given the exposures page', () => {
  describe('when no filter is set', () => {
    it('should not offer to re-check the matching rows', async () => {
      setRuntime({ query: {} })
      const { findByTestId, queryByTestId } = renderPage([page({}, 5000)])

      await findByTestId('row-1:MKB')
      expect(queryByTestId('sweep-matching')).toBeNull()
    })
  })

  describe('when every filter is set', () => {
    beforeEach(() => setRuntime({ query: everyFilter }))

    it('should ask first, with the count, the scope and the cost, and send nothing when cancelled', async () => {
      const started = jest.fn(() => ({ data: { startReconciliation: run } }))
      const { findByTestId, getByTestId, getByText, queryByTestId } =
        renderPage([page(tableFilter, 1234), start(started)])

      const button = await findByTestId('sweep-matching')

      expect(button).toHaveTextContent('Re-check all 1,234 matching rows')
      fireEvent.click(button)

      expect(await findByTestId('sweep-confirm-count')).toHaveTextContent(
        '1,234 rows (SKU on a channel) match these filters.'
      )
      expect(getByTestId('sweep-confirm-scope')).toHaveTextContent(
        'Scope: channel MKB · seller Zeta Sports (sellera) · statuses Withheld · reason No marketplace stock · search “sneaker”'
      )
      expect(getByTestId('sweep-confirm')).toHaveTextContent(
        "spend the account's API budget"
      )

      await act(async () => {
        fireEvent.click(getByText('Cancel'))
        await flushPromises()
      })
      await waitFor(() => expect(queryByTestId('sweep-confirm')).toBeNull())
      expect(started).not.toHaveBeenCalled()
      expect(queryByTestId('sweep-outcome-started')).toBeNull()
    })

    it('should start a sweep of exactly the filter once confirmed and link to its progress', async () => {
      const started = jest.fn(() => ({ data: { startReconciliation: run } }))
      const runtime = setRuntime({ query: everyFilter })
      const { findByTestId, getByText } = renderPage([
        page(tableFilter, 1234),
        start(started),
      ])

      fireEvent.click(await findByTestId('sweep-matching'))
      await findByTestId('sweep-confirm')
      await act(async () => {
        fireEvent.click(getByText('Start sweep'))
        await flushPromises()
      })

      const outcome = await findByTestId('sweep-outcome-started')

      // The mock answers only the exact scope: any other variables fail the mutation.
      expect(started).toHaveBeenCalledTimes(1)
      expect(outcome).toHaveTextContent(
        'Sweep started on 1,234 rows. Its progress shows on the Reconciliation page.'
      )
      fireEvent.click(getByText('Open Reconciliation'))
      expect(runtime.navigate).toHaveBeenCalledWith({
        to: '/admin/app/marketplace-stock-gate/reconciliation',
      })
    })

    it('should say so when another sweep holds the lock, with the way to it', async () => {
      const { findByTestId, getByText } = renderPage([
        page(tableFilter, 1234),
        start({ errors: [new GraphQLError('SWEEP_ALREADY_RUNNING:r1')] }),
      ])

      fireEvent.click(await findByTestId('sweep-matching'))
      await findByTestId('sweep-confirm')
      await act(async () => {
        fireEvent.click(getByText('Start sweep'))
        await flushPromises()
      })

      expect(await findByTestId('sweep-outcome-running')).toHaveTextContent(
        'Another sweep is already running, and only one runs at a time.'
      )
      expect(getByText('Open Reconciliation')).toBeInTheDocument()
    })

    it('should say which filter to fix when the scope is refused', async () => {
      const { findByTestId, getByText } = renderPage([
        page(tableFilter, 1234),
        start({ errors: [new GraphQLError('INVALID_SCOPE')] }),
      ])

      fireEvent.click(await findByTestId('sweep-matching'))
      await findByTestId('sweep-confirm')
      await act(async () => {
        fireEvent.click(getByText('Start sweep'))
        await flushPromises()
      })

      expect(await findByTestId('sweep-outcome-invalid')).toHaveTextContent(
        'A sweep cannot use these filters. Check the search text'
      )
    })
  })

  describe('when the filter changes', () => {
    it('should count the rows of the new filter, never the last one while it loads', async () => {
      setRuntime({ query: { channel: 'MKB' } })
      const { findByTestId, getByTestId, queryByTestId } = renderPage([
        page({ channel: 'MKB' }, 1234),
        { ...page({ channel: 'MKB', reason: 'NO_PRICE' }, 3), delay: 50 },
      ])

      expect(await findByTestId('sweep-matching')).toHaveTextContent(
        'Re-check all 1,234 matching rows'
      )
      const reason = getByTestId('filter-reason').querySelector('select')

      fireEvent.change(reason as HTMLSelectElement, {
        target: { value: 'NO_PRICE' },
      })
      expect(queryByTestId('sweep-matching')).toBeNull()
      expect(await findByTestId('sweep-matching')).toHaveTextContent(
        'Re-check all 3 matching rows'
      )
    })
  })

  describe('when the filter matches nothing', () => {
    it('should not offer a sweep of zero rows', async () => {
      setRuntime({ query: { channel: 'MKB' } })
      const { findByTestId, queryByTestId } = renderPage([
        {
          ...page({ channel: 'MKB' }, 0),
          result: {
            data: {
              exposures: {
                __typename: 'ExposurePage',
                items: [],
                pageSize: 50,
                total: 0,
                next: null,
              },
            },
          },
        },
      ])

      await findByTestId('page-empty')
      expect(queryByTestId('sweep-matching')).toBeNull()
    })
  })
})
