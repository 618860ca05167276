import React from 'react'
import { render } from '@vtex/test-tools/react'
import { fireEvent, wait } from '@testing-library/react'

import { spyDownloads } from '../__fixtures__/downloads'
import { setRuntime } from '../__fixtures__/runtime'
import { MKB } from '../__fixtures__'
import { OverviewPage } from '../admin/overview/components/OverviewPage'
import EXPOSURE_SUMMARY from '../admin/overview/graphql/exposureSummary.gql'
import LAST_RECONCILIATION from '../admin/overview/graphql/lastReconciliation.gql'
import PRODUCTS_TO_CHANGE from '../admin/overview/graphql/productsToChange.gql'
import { productsCsv } from '../admin/shared/productsCsv'

const product = (productId: string, action: string, skuIds: string[]) => ({
  __typename: 'ProductChange',
  productId,
  productName: `Product ${productId}`,
  action,
  skuIds,
})

const page = (
  variables: Record<string, unknown>,
  items: unknown[],
  total: number
) => ({
  request: { query: PRODUCTS_TO_CHANGE, variables },
  result: {
    data: {
      productsToChange: { __typename: 'ProductChangePage', items, total },
    },
  },
})

const summaryMock = {
  request: { query: EXPOSURE_SUMMARY },
  result: {
    data: {
      exposureSummary: [
        {
          __typename: 'ChannelSummary',
          cacheId: 'MKB',
          channel: MKB,
          total: 10,
          byStatus: [],
          byReason: [],
          wouldExpose: 1,
          wouldWithdraw: 1,
          medianLatencySeconds: null,
        },
      ],
    },
  },
}

const lastRun = {
  request: { query: LAST_RECONCILIATION },
  result: { data: { reconciliation: null } },
}

describe('given a channel whose counts say two products would change', () => {
  beforeEach(() => setRuntime({}))

  describe('when the operator asks which', () => {
    it('should list each product with its change and SKUs, and download them as CSV', async () => {
      const { createObjectURL, click } = spyDownloads()

      const items = [
        product('100', 'ASSOCIATE', ['1', '2']),
        product('102', 'DISSOCIATE', ['5']),
      ]

      const { findByTestId } = render(<OverviewPage />, {
        graphql: {
          addTypename: true,
          mocks: [
            summaryMock,
            lastRun,
            page({ channel: 'MKB', page: 1, pageSize: 20 }, items, 2),
            page({ channel: 'MKB', page: 1, pageSize: 100 }, items, 2),
          ],
        },
      })

      fireEvent.click(await findByTestId('products-toggle-MKB'))
      const first = await findByTestId('product-to-change-100')

      expect(first).toHaveTextContent('Product 100 (100)')
      expect(first).toHaveTextContent('Put on the trade policy')
      expect(first).toHaveTextContent('1, 2')
      expect(await findByTestId('product-to-change-102')).toHaveTextContent(
        'Take off the trade policy'
      )
      expect(await findByTestId('products-to-change-MKB')).toHaveTextContent(
        'Page 1 of 1 · 2 products'
      )

      fireEvent.click(await findByTestId('products-csv-MKB'))
      await wait(() => expect(click).toHaveBeenCalled())
      expect(createObjectURL).toHaveBeenCalledTimes(1)
      click.mockRestore()
    })
  })

  describe('when the list shrinks while the operator is on its last page', () => {
    it('should go back to the last page there is, not show an empty list', async () => {
      const first = Array.from({ length: 20 }, (_, i) =>
        product(String(100 + i), 'ASSOCIATE', [String(i + 1)])
      )

      const { findByTestId, findByText } = render(<OverviewPage />, {
        graphql: {
          addTypename: true,
          mocks: [
            summaryMock,
            lastRun,
            page({ channel: 'MKB', page: 1, pageSize: 20 }, first, 21),
            // Meanwhile the writes landed: one product left, on page 1.
            page({ channel: 'MKB', page: 2, pageSize: 20 }, [], 1),
            page(
              { channel: 'MKB', page: 1, pageSize: 20 },
              [product('100', 'ASSOCIATE', ['1'])],
              1
            ),
          ],
        },
      })

      fireEvent.click(await findByTestId('products-toggle-MKB'))
      await findByTestId('product-to-change-119')
      fireEvent.click(await findByText('Next'))

      expect(await findByText('Page 1 of 1 · 1 products')).toBeInTheDocument()
      expect(await findByTestId('product-to-change-100')).toBeInTheDocument()
    })
  })

  it('should write the CSV as codes, one product a line', () => {
    const csv = productsCsv('MKB', [
      {
        productId: '100',
        productName: '=Sneaker, red',
        action: 'ASSOCIATE',
        skuIds: ['1', '2'],
      },
    ])

    expect(csv.trim().split('\r\n')).toEqual([
      'channel,productId,productName,action,skuIds',
      `MKB,100,"'=Sneaker, red",ASSOCIATE,1|2`,
    ])
  })
})
