import React from 'react'
import { render, flushPromises, act } from '@vtex/test-tools/react'
import type { MockedResponse } from '@apollo/react-testing'
import { fireEvent, within } from '@testing-library/react'
import { GraphQLError } from 'graphql'

import { setRuntime } from '../__fixtures__/runtime'
import { ExposuresPage } from '../admin/exposures/components/ExposuresPage'
import { ReconciliationPage } from '../admin/reconciliation/components/ReconciliationPage'
import RECONCILIATION from '../admin/reconciliation/graphql/reconciliation.gql'
import RECONCILIATIONS from '../admin/reconciliation/graphql/reconciliations.gql'
import START from '../admin/reconciliation/graphql/startReconciliation.gql'
import {
  channelsMock,
  exposure,
  exposuresPage,
  sellersFailMock,
  sellersMock,
} from '../__fixtures__'

// One row whose SKU id tells which filter the server was asked for.
const exposures = (filter: Record<string, string>, skuId: string) =>
  exposuresPage(filter, [exposure({ skuId })], 1)

const renderExposures = (sellers: MockedResponse, mocks: MockedResponse[]) =>
  render(<ExposuresPage />, {
    graphql: { mocks: [channelsMock, sellers, ...mocks], addTypename: true },
  })

const options = (select: HTMLElement) =>
  within(select)
    .getAllByRole('option')
    .map((o) => o.textContent)

// Lets the channelsMock, sellers and exposures answers arrive.
const settle = () =>
  act(async () => {
    await flushPromises()
    await flushPromises()
  })

describe('given the seller filter of the exposures page', () => {
  describe('when the sellers load', () => {
    it('should offer all sellers, then active ones by name (id when nameless), inactive last', async () => {
      setRuntime({ query: {} })
      const { findByTestId } = renderExposures(sellersMock, [
        exposures({}, '1'),
      ])

      expect(
        options(await findByTestId('filter-seller-picker-select'))
      ).toEqual([
        'All sellers',
        'Alpha Shoes (sellerb)',
        'sellerc',
        'Zeta Sports (sellera)',
        'Beta Outlet (sellerd) (inactive)',
      ])
    })

    it('should filter the table by the picked seller id and keep it in the URL', async () => {
      const runtime = setRuntime({ query: {} })
      const { findByTestId, queryByTestId } = renderExposures(sellersMock, [
        exposures({}, '1'),
        exposures({ sellerId: 'sellerb' }, '2'),
      ])

      await findByTestId('row-1:MKB')
      fireEvent.change(await findByTestId('filter-seller-picker-select'), {
        target: { value: 'sellerb' },
      })

      expect(await findByTestId('row-2:MKB')).toBeInTheDocument()
      expect(queryByTestId('row-1:MKB')).toBeNull()
      expect(runtime.setQuery).toHaveBeenLastCalledWith(
        expect.objectContaining({ seller: 'sellerb' }),
        { replace: true }
      )
    })

    it('should clear the seller filter with "All sellers"', async () => {
      const runtime = setRuntime({ query: { seller: 'sellera' } })
      const { findByTestId } = renderExposures(sellersMock, [
        exposures({ sellerId: 'sellera' }, '1'),
        exposures({}, '2'),
      ])

      await findByTestId('row-1:MKB')
      const select = await findByTestId('filter-seller-picker-select')

      expect(select).toHaveValue('sellera')
      fireEvent.change(select, { target: { value: '' } })

      expect(await findByTestId('row-2:MKB')).toBeInTheDocument()
      expect(runtime.setQuery).toHaveBeenLastCalledWith(
        expect.objectContaining({ seller: undefined }),
        { replace: true }
      )
    })

    it('should keep a seller id from the URL that the list lacks selected', async () => {
      setRuntime({ query: { seller: 'ghost' } })
      const { findByTestId } = renderExposures(sellersMock, [
        exposures({ sellerId: 'ghost' }, '1'),
      ])

      await findByTestId('row-1:MKB')
      const select = await findByTestId('filter-seller-picker-select')

      expect(select).toHaveValue('ghost')
      expect(options(select).slice(0, 2)).toEqual([
        'All sellers',
        'ghost (not in the seller list)',
      ])
    })
  })

  describe('when the sellers are still loading', () => {
    it('should show the picker disabled, with no text field to type an id that would be lost', async () => {
      setRuntime({ query: {} })
      const { getByTestId, queryByTestId } = renderExposures(sellersMock, [
        exposures({}, '1'),
      ])

      expect(getByTestId('filter-seller-picker-select')).toBeDisabled()
      expect(getByTestId('filter-seller-picker')).toHaveTextContent(
        'Loading sellers…'
      )
      expect(queryByTestId('filter-seller')).toBeNull()

      await settle()
      expect(getByTestId('filter-seller-picker-select')).toBeEnabled()
      expect(queryByTestId('filter-seller')).toBeNull()
    })
  })

  describe('when the sellers query fails', () => {
    it('should fall back to typing the seller id, which still filters', async () => {
      setRuntime({ query: {} })
      const { findByTestId, getByTestId, queryByTestId } = renderExposures(
        sellersFailMock,
        [exposures({}, '1'), exposures({ sellerId: 'sellerx' }, '2')]
      )

      await findByTestId('row-1:MKB')
      await settle()
      expect(queryByTestId('filter-seller-picker')).toBeNull()

      const input = getByTestId('filter-seller')

      fireEvent.change(input, { target: { value: ' sellerx ' } })
      fireEvent.keyDown(input, { key: 'Enter' })

      expect(await findByTestId('row-2:MKB')).toBeInTheDocument()
    })
  })
})

describe('given the seller of the sweep scope form', () => {
  const idle = [
    {
      request: { query: RECONCILIATION, variables: {} },
      result: { data: { reconciliation: null } },
    },
    {
      request: { query: RECONCILIATIONS, variables: { page: 1, pageSize: 20 } },
      result: {
        data: {
          reconciliations: {
            __typename: 'ReconciliationPage',
            items: [],
            page: 1,
            pageSize: 20,
            total: 0,
          },
        },
      },
    },
  ]

  // Refused on purpose: what matters is that the scope the server got carries the seller.
  const start = (sellerId: string) => {
    const result = jest.fn(() => ({
      errors: [new GraphQLError('NOT_IMPLEMENTED')],
    }))

    return {
      result,
      mock: {
        request: { query: START, variables: { scope: { sellerId } } },
        result,
      },
    }
  }

  const renderForm = (sellers: MockedResponse, mocks: MockedResponse[]) =>
    render(<ReconciliationPage />, {
      graphql: {
        mocks: [channelsMock, sellers, ...idle, ...mocks],
        addTypename: true,
      },
    })

  beforeEach(() => setRuntime({}))

  it('should start a partial sweep of the picked seller', async () => {
    const sweep = start('sellerb')
    const { findByTestId, findByText, getByTestId } = renderForm(sellersMock, [
      sweep.mock,
    ])

    const select = await findByTestId('scope-seller-picker-select')

    expect(options(select)[0]).toBe('All sellers')
    fireEvent.change(select, { target: { value: 'sellerb' } })
    expect(getByTestId('start-sweep-button')).toHaveTextContent(
      'Start partial sweep'
    )
    fireEvent.click(getByTestId('start-sweep-button'))

    expect(await findByText('This is not available yet.')).toBeInTheDocument()
    expect(sweep.result).toHaveBeenCalled()
  })

  it('should show the seller disabled while the sellers load, never a text field', async () => {
    const { getByTestId, queryByLabelText, findByTestId } = renderForm(
      sellersMock,
      []
    )

    expect(getByTestId('scope-seller-picker-select')).toBeDisabled()
    expect(getByTestId('scope-seller-picker')).toHaveTextContent(
      'Loading sellers…'
    )
    expect(queryByLabelText('Seller id')).toBeNull()

    await findByTestId('current-run-none')
    await settle()
    expect(getByTestId('scope-seller-picker-select')).toBeEnabled()
    expect(queryByLabelText('Seller id')).toBeNull()
  })

  it('should let the seller id be typed when the sellers query fails', async () => {
    const sweep = start('sellerx')
    const { findByTestId, findByText, getByLabelText, queryByTestId } =
      renderForm(sellersFailMock, [sweep.mock])

    await findByTestId('current-run-none')
    await settle()
    expect(queryByTestId('scope-seller-picker')).toBeNull()
    fireEvent.change(getByLabelText('Seller id'), {
      target: { value: 'sellerx' },
    })
    fireEvent.click(await findByTestId('start-sweep-button'))

    expect(await findByText('This is not available yet.')).toBeInTheDocument()
    expect(sweep.result).toHaveBeenCalled()
  })
})
