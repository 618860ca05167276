import React from 'react'
import { render, flushPromises, act } from '@vtex/test-tools/react'
import type { MockedResponse } from '@apollo/react-testing'
import { fireEvent, wait } from '@testing-library/react'
import { GraphQLError } from 'graphql'

import { job, jobMock } from '../__fixtures__/jobs'
import { setRuntime } from '../__fixtures__/runtime'
import { JOB_POLL } from '../admin/shared/jobs'
import { ExposuresPage } from '../admin/exposures/components/ExposuresPage'
import EXPOSURES from '../admin/exposures/graphql/exposures.gql'
import REEVALUATE_MANY from '../admin/exposures/graphql/reevaluateMany.gql'
import SET_OVERRIDES from '../admin/exposures/graphql/setOverrides.gql'
import CHANNELS from '../admin/shared/graphql/channels.gql'
import { exposure, GGL, MKB, sellersMock } from '../__fixtures__'

const filtered = { channel: 'MKB', status: 'WITHHELD' }
const variables = (
  filter: Record<string, string> = filtered,
  after: string | null = null
) => ({
  filter,
  after,
  pageSize: 50,
  sort: { field: 'SKU_ID', order: 'ASC' },
})

const page = (
  items: unknown[],
  total = items.length,
  vars = variables(),
  next: string | null = null
) => ({
  request: { query: EXPOSURES, variables: vars },
  result: {
    data: {
      exposures: {
        __typename: 'ExposurePage',
        items,
        pageSize: 50,
        total,
        next,
      },
    },
  },
})

const channels = {
  request: { query: CHANNELS },
  result: { data: { channels: [MKB, GGL] } },
}

const renderPage = (mocks: MockedResponse[]) =>
  render(<ExposuresPage />, {
    graphql: { mocks: [channels, sellersMock, ...mocks], addTypename: true },
  })

describe('given the exposures page', () => {
  beforeEach(() =>
    setRuntime({ query: { channel: 'MKB', status: 'WITHHELD' } })
  )

  describe('when the page is loading', () => {
    it('should show the loader', () => {
      const { getByTestId } = renderPage([page([])])

      expect(getByTestId('page-loading')).toBeInTheDocument()
    })
  })

  describe('when the query fails', () => {
    it('should show the mapped error', async () => {
      const { findByTestId } = renderPage([
        {
          request: { query: EXPOSURES, variables: variables() },
          result: { errors: [new GraphQLError('UNAUTHENTICATED')] },
        },
      ])

      expect(await findByTestId('page-error')).toHaveTextContent(
        'Your session has expired'
      )
    })
  })

  describe('when nothing matches', () => {
    it('should show the empty state', async () => {
      const { findByTestId } = renderPage([page([])])

      expect(await findByTestId('page-empty')).toHaveTextContent(
        'No SKU matches these filters.'
      )
    })
  })

  describe('when a row is opened', () => {
    it("should link its SKU id to the SKU's page, named with its channel, and navigate once on a plain click", async () => {
      const { navigate } = setRuntime({
        query: { channel: 'MKB', status: 'WITHHELD' },
      })

      const { findByTestId, getByRole } = renderPage([
        page([exposure(), exposure({ skuId: '7' })]),
      ])

      await findByTestId('row-1:MKB')
      const link = getByRole('link', { name: 'Open SKU 7 (MKB)' })

      // A real link: keyboard, middle click and a new tab work without the app.
      expect(link).toHaveAttribute(
        'href',
        '/admin/app/marketplace-stock-gate/sku/7'
      )
      fireEvent.click(link, { ctrlKey: true })
      expect(navigate).not.toHaveBeenCalled()

      fireEvent.click(link)
      expect(navigate).toHaveBeenCalledTimes(1)
      expect(navigate).toHaveBeenCalledWith({
        to: '/admin/app/marketplace-stock-gate/sku/7',
      })
    })
  })

  describe('when rows match the filter from the URL', () => {
    it('should show each row with its status, reasons and the server total', async () => {
      const { findByTestId, getByText } = renderPage([
        page([exposure(), exposure({ skuId: '7' })], 1234),
      ])

      const row = await findByTestId('row-1:MKB')

      expect(row).toHaveTextContent('Sneaker 1')
      expect(row).toHaveTextContent('Withheld')
      expect(row).toHaveTextContent('No marketplace stock')
      expect(getByText(/1234/)).toBeInTheDocument()
    })

    it("should give each row's checkbox its own accessible name, the channel included", async () => {
      const { findByTestId, getByLabelText } = renderPage([
        page([exposure(), exposure({ channel: 'GGL' })], 2),
      ])

      await findByTestId('row-1:GGL')
      expect(getByLabelText('Select SKU 1 on MKB')).not.toBe(
        getByLabelText('Select SKU 1 on GGL')
      )
    })

    it("should name the pager's icon buttons for screen readers", async () => {
      const { findByTestId, getByTestId } = renderPage([page([exposure()], 1)])

      await findByTestId('row-1:MKB')
      expect(getByTestId('page-previous')).toHaveAttribute(
        'aria-label',
        'Previous page'
      )
      expect(getByTestId('page-next')).toHaveAttribute(
        'aria-label',
        'Next page'
      )
    })

    it('should open the SKU when a row is clicked', async () => {
      const runtime = setRuntime({ query: filtered })
      const { findByTestId } = renderPage([page([exposure()])])

      fireEvent.click(await findByTestId('row-1:MKB'))
      expect(runtime.navigate).toHaveBeenCalledWith({
        to: '/admin/app/marketplace-stock-gate/sku/1',
      })
    })

    it("should page on with the server's cursor and come back to the page before", async () => {
      setRuntime({ query: filtered })
      const { findByTestId, getByTestId } = renderPage([
        page([exposure()], 120, variables(), 'cursor-2'),
        page([exposure({ skuId: '51' })], 120, variables(filtered, 'cursor-2')),
        page([exposure()], 120, variables(), 'cursor-2'),
      ])

      await findByTestId('row-1:MKB')
      fireEvent.click(getByTestId('page-next'))
      expect(await findByTestId('row-51:MKB')).toBeInTheDocument()
      fireEvent.click(getByTestId('page-previous'))
      expect(await findByTestId('row-1:MKB')).toBeInTheDocument()
    })

    it('should ask the server for the next sort when a header is clicked', async () => {
      const runtime = setRuntime({ query: filtered })
      const sorted = {
        ...variables(),
        sort: { field: 'AVAILABLE', order: 'ASC' },
      }

      const { findByTestId } = renderPage([
        page([exposure()]),
        page([exposure({ skuId: '9' })], 1, sorted),
      ])

      fireEvent.click(await findByTestId('sort-AVAILABLE'))
      expect(await findByTestId('row-9:MKB')).toBeInTheDocument()
      expect(runtime.setQuery).toHaveBeenCalledWith(
        { sort: 'AVAILABLE', order: 'ASC', page: undefined },
        { replace: true }
      )
    })
  })

  describe('when rows are selected and re-evaluated', () => {
    it('should start the re-evaluation job, show its progress, and toast its result', async () => {
      JOB_POLL.ms = 200
      const started = job({
        kind: 'REEVALUATE',
        progress: { done: 0, total: 2 },
      })

      const reevaluate = jest.fn(() => ({ data: { reevaluateMany: started } }))
      const { findByTestId, getByLabelText, findByText } = renderPage([
        page([exposure(), exposure({ skuId: '7' })]),
        {
          request: {
            query: REEVALUATE_MANY,
            variables: { skuIds: ['1', '7'], channel: 'MKB' },
          },
          result: reevaluate,
        },
        jobMock({ ...started, progress: { ...started.progress, done: 1 } }),
        jobMock(
          job({
            kind: 'REEVALUATE',
            status: 'DONE',
            progress: { done: 2, total: 2 },
            reevaluated: 2,
          })
        ),
        page([
          exposure({ status: 'EXPOSED', reasons: [] }),
          exposure({ skuId: '7' }),
        ]),
      ])

      await findByTestId('row-1:MKB')
      fireEvent.click(getByLabelText('Select all rows on this page'))
      fireEvent.click(await findByTestId('bulk-reevaluate'))

      expect(
        await findByText('Re-evaluating: 1 of 2 SKUs…')
      ).toBeInTheDocument()
      expect(await findByText('2 SKUs re-evaluated')).toBeInTheDocument()
      expect(reevaluate).toHaveBeenCalled()
    })
  })

  describe('when a selected row is blocked', () => {
    it('should send the override and update the row from the mutation result', async () => {
      const input = {
        skuId: '1',
        channel: 'MKB',
        action: 'BLOCK',
        note: 'supplier recall',
        expiresAt: null,
      }

      const blocked = exposure({
        reasons: ['MANUAL_BLOCK'],
        override: {
          action: 'BLOCK',
          note: 'supplier recall',
          by: 'admin@x',
          at: '2026-11-26T22:10:00Z',
          expiresAt: null,
          __typename: 'Override',
        } as never,
      })

      const {
        findByTestId,
        getByTestId,
        getByLabelText,
        findByText,
        getByText,
      } = renderPage([
        page([exposure()]),
        // No refetch answer on purpose: the row must update from the mutation result (cacheId).
        {
          request: { query: SET_OVERRIDES, variables: { inputs: [input] } },
          result: { data: { setOverrides: [blocked] } },
        },
      ])

      await findByTestId('row-1:MKB')
      fireEvent.click(getByLabelText('Select SKU 1 on MKB'))
      fireEvent.click(await findByTestId('bulk-override'))
      await findByTestId('override-modal')
      fireEvent.change(getByLabelText(/Note \(why\)/), {
        target: { value: 'supplier recall' },
      })
      await act(async () => {
        fireEvent.click(getByText('Save override'))
        await flushPromises()
      })

      expect(await findByText('Override saved on 1 row')).toBeInTheDocument()
      await wait(() =>
        expect(getByTestId('row-1:MKB')).toHaveTextContent(
          'Blocked by an operator'
        )
      )
      expect(await findByTestId('override-1:MKB')).toHaveTextContent(
        'Blocked by hand'
      )
    })
  })
})
