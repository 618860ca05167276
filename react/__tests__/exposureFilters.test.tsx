import React from 'react'
import { render, flushPromises, act } from '@vtex/test-tools/react'
import type { MockedResponse } from '@apollo/react-testing'
import { fireEvent, wait } from '@testing-library/react'
import { GraphQLError } from 'graphql'

import { job, jobMock } from '../__fixtures__/jobs'
import { setRuntime } from '../__fixtures__/runtime'
import { JOB_POLL } from '../admin/shared/jobs'
import { ExposuresPage } from '../admin/exposures/components/ExposuresPage'
import CHOICES from '../admin/exposures/graphql/catalogFilterChoices.gql'
import SET_MATCHING from '../admin/exposures/graphql/setOverridesMatching.gql'
import { sweepScope } from '../admin/exposures/sweepScope'
import {
  channelsMock,
  exposure,
  exposuresPage,
  sellersMock,
} from '../__fixtures__'

const choices = {
  __typename: 'CatalogFilterChoices',
  cacheId: 'catalog-filter-choices',
  brands: [
    {
      __typename: 'BrandChoice',
      id: '2000001',
      name: 'Orma Carbon',
      active: true,
    },
    {
      __typename: 'BrandChoice',
      id: '2000002',
      name: 'Pedigree',
      active: true,
    },
  ],
  categories: [
    {
      __typename: 'CategoryChoice',
      id: '1',
      name: 'Shoes',
      path: 'Shoes',
      depth: 1,
    },
    {
      __typename: 'CategoryChoice',
      id: '10',
      name: 'Sneakers',
      path: 'Shoes / Sneakers',
      depth: 2,
    },
  ],
}

const choicesMock = {
  request: { query: CHOICES },
  result: { data: { catalogFilterChoices: choices } },
}

const choicesFailMock = {
  request: { query: CHOICES },
  result: { errors: [new GraphQLError('UPSTREAM_UNAVAILABLE')] },
}

const renderPage = (
  mocks: MockedResponse[],
  catalog: MockedResponse = choicesMock
) =>
  render(<ExposuresPage />, {
    graphql: {
      mocks: [channelsMock, sellersMock, catalog, ...mocks],
      addTypename: true,
    },
  })

const rows = [exposure(), exposure({ skuId: '7' })]

const select = (root: HTMLElement, value: string) =>
  fireEvent.change(root.querySelector('select') as HTMLSelectElement, {
    target: { value },
  })

describe('given the brand, category and trade policy filters', () => {
  beforeEach(() => setRuntime({ query: {} }))

  it('should offer the catalog brands and category paths, and filter by the one picked', async () => {
    const { findByTestId, getByTestId, findByText } = renderPage([
      exposuresPage({}, rows, 2),
      exposuresPage({ brandId: '2000002' }, [exposure({ skuId: '9' })], 1),
      exposuresPage(
        { brandId: '2000002', categoryId: '10' },
        [exposure({ skuId: '11' })],
        1
      ),
    ])

    await findByTestId('row-1:MKB')
    await wait(() =>
      expect(getByTestId('filter-brand')).toHaveTextContent(
        'Pedigree (2000002)'
      )
    )
    expect(getByTestId('filter-category')).toHaveTextContent('Shoes / Sneakers')
    select(getByTestId('filter-brand'), '2000002')
    expect(await findByTestId('row-9:MKB')).toBeInTheDocument()
    select(getByTestId('filter-category'), '10')
    expect(await findByTestId('row-11:MKB')).toBeInTheDocument()
    expect(
      await findByText(/they show up in these filters after the next sweep/)
    ).toBeInTheDocument()
  })

  it('should offer each trade policy with its channels, and filter by it', async () => {
    const { findByTestId, getByTestId } = renderPage([
      exposuresPage({}, rows, 2),
      exposuresPage(
        { tradePolicy: '3' },
        [exposure({ skuId: '5', channel: 'GGL' })],
        1
      ),
    ])

    await findByTestId('row-1:MKB')
    expect(getByTestId('filter-trade-policy')).toHaveTextContent(
      'Trade policy 2 (MKB)'
    )
    expect(getByTestId('filter-trade-policy')).toHaveTextContent(
      'Trade policy 3 (GGL)'
    )
    select(getByTestId('filter-trade-policy'), '3')
    expect(await findByTestId('row-5:GGL')).toBeInTheDocument()
  })

  it('should say the brand and category filters are unavailable when the catalog fails', async () => {
    const { findByTestId, findByText, getByTestId } = renderPage(
      [exposuresPage({}, rows, 2)],
      choicesFailMock
    )

    await findByTestId('row-1:MKB')
    expect(
      await findByText(/those two filters are unavailable for now/)
    ).toBeInTheDocument()
    expect(getByTestId('filter-brand').querySelector('select')).toBeDisabled()
  })

  it('should show the brand and category path of each row', async () => {
    const { findByTestId } = renderPage([exposuresPage({}, rows, 2)])

    expect(await findByTestId('place-1:MKB')).toHaveTextContent(
      'Orma CarbonShoes / Sneakers'
    )
  })

  it('should not offer a sweep for a filter a sweep scope cannot hold', () => {
    expect(sweepScope({ channel: 'MKB', brandId: '7' })).toBeNull()
    expect(sweepScope({ channel: 'MKB', tradePolicy: '2' })).toBeNull()
    expect(sweepScope({ channel: 'MKB' })).toEqual({ channel: 'MKB' })
  })
})

describe('given the new sorts', () => {
  beforeEach(() => setRuntime({ query: {} }))

  it.each(['SKU_NAME', 'CHANGED_AT'])(
    'should ask the server for the %s sort',
    async (field) => {
      const sorted = {
        ...exposuresPage({}, [exposure({ skuId: '42' })], 1),
      }

      sorted.request.variables.sort = { field, order: 'ASC' }
      const { findByTestId } = renderPage([exposuresPage({}, rows, 2), sorted])

      fireEvent.click(await findByTestId(`sort-${field}`))
      expect(await findByTestId('row-42:MKB')).toBeInTheDocument()
    }
  )
})

describe('given every row of the page selected and more rows matching', () => {
  const filter = { channel: 'MKB' }

  beforeEach(() => {
    setRuntime({ query: { channel: 'MKB' } })
    JOB_POLL.ms = 0
  })

  const started = job({
    id: '20261203-aaaaaaaa',
    kind: 'OVERRIDE_MATCHING',
    progress: { done: 0, total: 120 },
  })

  const startMock = (
    expected: number,
    result: MockedResponse['result']
  ): MockedResponse => ({
    request: {
      query: SET_MATCHING,
      variables: {
        input: {
          filter,
          action: 'BLOCK',
          note: 'supplier recall',
          expiresAt: null,
          expected,
        },
      },
    },
    result,
  })

  const blockEverything = async (page: ReturnType<typeof renderPage>) => {
    const { findByTestId, getByLabelText, getByText } = page

    await findByTestId('row-1:MKB')
    fireEvent.click(getByLabelText('Select all rows on this page'))
    expect(await findByTestId('matching-bar')).toHaveTextContent(
      'All 2 rows on this page are selected.'
    )
    fireEvent.click(await findByTestId('select-matching'))
    expect(await findByTestId('matching-selected')).toHaveTextContent(
      'All 120 rows matching these filters are selected, on every page.'
    )
    expect(page.getByTestId('bulk-bar')).toHaveTextContent('120 rows selected')
    expect(page.queryByTestId('bulk-reevaluate')).toBeNull()
    fireEvent.click(await findByTestId('bulk-override'))
    await findByTestId('override-modal')
    fireEvent.change(getByLabelText(/Note \(why\)/), {
      target: { value: 'supplier recall' },
    })
    await act(async () => {
      fireEvent.click(getByText('Save override'))
      await flushPromises()
    })
  }

  it('should confirm the filter total, then run one job over every matching row', async () => {
    const page = renderPage([
      exposuresPage(filter, rows, 120),
      startMock(120, { data: { setOverridesMatching: started } }),
      jobMock({ ...started, progress: { ...started.progress, done: 100 } }),
      jobMock(
        job({
          ...started,
          status: 'DONE',
          progress: { done: 120, total: 120 },
          overridden: 120,
        })
      ),
      exposuresPage(filter, rows, 120),
    ])

    await blockEverything(page)
    expect(await page.findByTestId('matching-confirm-count')).toHaveTextContent(
      'The override is set on 120 rows (SKU on a channel): every row matching these filters, not only this page.'
    )
    await act(async () => {
      fireEvent.click(page.getByText('Block 120 rows'))
      await flushPromises()
    })
    expect(
      await page.findByText('Override saved on 120 rows')
    ).toBeInTheDocument()
  })

  it('should do nothing and say so when the count changed before it ran', async () => {
    const page = renderPage([
      exposuresPage(filter, rows, 120),
      startMock(120, { errors: [new GraphQLError('COUNT_CHANGED')] }),
      exposuresPage(filter, rows, 121),
    ])

    await blockEverything(page)
    await act(async () => {
      fireEvent.click(await page.findByText('Block 120 rows'))
      await flushPromises()
    })
    expect(
      await page.findByText(/The number of rows matching these filters changed/)
    ).toBeInTheDocument()
  })

  it('should offer to resume a job that stopped', async () => {
    const page = renderPage([
      exposuresPage(filter, rows, 120),
      startMock(120, { data: { setOverridesMatching: started } }),
      jobMock(
        job({
          ...started,
          status: 'FAILED',
          error: 'WORKER_LOST',
          progress: { done: 100, total: 120 },
        })
      ),
      exposuresPage(filter, rows, 120),
    ])

    await blockEverything(page)
    await act(async () => {
      fireEvent.click(await page.findByText('Block 120 rows'))
      await flushPromises()
    })
    expect(
      await page.findByText(/stopped after 100 of 120 rows/)
    ).toBeInTheDocument()
    expect(await page.findByTestId('matching-resume')).toBeInTheDocument()
  })

  it('should not offer it past the bound, and say why', async () => {
    const { findByTestId, getByLabelText } = renderPage([
      exposuresPage(filter, rows, 5000),
    ])

    await findByTestId('row-1:MKB')
    fireEvent.click(getByLabelText('Select all rows on this page'))
    expect(await findByTestId('matching-too-many')).toHaveTextContent(
      '5,000 rows match: narrow the filters to 2,000 or fewer'
    )
  })
})
