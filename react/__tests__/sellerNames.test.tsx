import React from 'react'
import { render, flushPromises, act } from '@vtex/test-tools/react'
import type { MockedResponse } from '@apollo/react-testing'

import { setRuntime } from '../__fixtures__/runtime'
import { ExposuresPage } from '../admin/exposures/components/ExposuresPage'
import { sellerLabel } from '../admin/shared/components/SellerName'
import {
  channelsMock,
  exposure,
  exposuresPage,
  SELLERS,
  sellersFailMock,
  sellersMock,
  withTrace,
} from '../__fixtures__'
import { audit, detail, onSkuOne, renderPage } from '../__fixtures__/skuDetail'

// sellera and sellerb are named, sellerc is listed without a name, ghost is not listed at all.
const row = exposure({
  skuId: '1',
  sellerIds: ['sellera', 'sellerb', 'sellerc', 'ghost'],
})

const renderExposures = (sellers: MockedResponse) =>
  render(<ExposuresPage />, {
    graphql: {
      mocks: [channelsMock, sellers, exposuresPage({}, [row])],
      addTypename: true,
    },
  })

// Lets the channelsMock, sellers and exposures answers arrive.
const settle = () =>
  act(async () => {
    await flushPromises()
    await flushPromises()
  })

// The cell under the table's "Sellers" header, wherever the column sits.
const sellersCell = (tr: HTMLElement) => {
  const headers = Array.from(
    tr.closest('table')?.querySelectorAll('th') ?? []
  ).map((th) => th.textContent?.trim())

  return tr.querySelectorAll('td')[headers.indexOf('Sellers')] as HTMLElement
}

describe('given a seller id to label', () => {
  it('should give the name, or the id when loading, unlisted or nameless', () => {
    expect(sellerLabel('sellera', SELLERS)).toBe('Zeta Sports')
    expect(sellerLabel('sellera', undefined)).toBe('sellera')
    expect(sellerLabel('ghost', SELLERS)).toBe('ghost')
    expect(sellerLabel('sellerc', SELLERS)).toBe('sellerc')
  })
})

describe('given the sellers column of the exposures table', () => {
  beforeEach(() => setRuntime({ query: {} }))

  describe('when the sellers load', () => {
    it('should show names with the id as a tooltip, and raw ids for unknown or nameless sellers', async () => {
      const { findByTestId } = renderExposures(sellersMock)

      const tr = await findByTestId('row-1:MKB')

      await settle()
      const cell = sellersCell(tr)

      expect(cell).toHaveTextContent(
        /^Zeta Sports, Alpha Shoes, sellerc, ghost$/
      )
      expect(cell.querySelector('[title="sellera"]')).toHaveTextContent(
        'Zeta Sports'
      )
      expect(cell.querySelector('[title="sellerb"]')).toHaveTextContent(
        'Alpha Shoes'
      )
      expect(cell.querySelector('[title="ghost"]')).toBeNull()
    })
  })

  describe('when the sellers query fails', () => {
    it('should show the raw seller ids', async () => {
      const { findByTestId } = renderExposures(sellersFailMock)

      const tr = await findByTestId('row-1:MKB')

      await settle()
      const cell = sellersCell(tr)

      expect(cell).toHaveTextContent(/^sellera, sellerb, sellerc, ghost$/)
      expect(cell.querySelector('[title]')).toBeNull()
    })
  })
})

describe('given the sellers rule of the SKU detail trace', () => {
  beforeEach(() => onSkuOne())

  const traced = withTrace({
    trace: [
      {
        __typename: 'RuleResult',
        rule: 'SELLERS',
        passed: true,
        reason: null,
        details: JSON.stringify({
          sellers: [
            { sellerId: 'sellerb', active: true, counted: true },
            { sellerId: 'ghost', active: true, counted: false },
          ],
        }),
      } as never,
    ],
  })

  const firstCells = (table: HTMLElement) =>
    Array.from(table.querySelectorAll('tbody tr')).map(
      (tr) => tr.querySelector('td')?.textContent
    )

  it('should show seller names, and the raw id for an unknown seller', async () => {
    const { findByTestId } = renderPage([
      detail([traced]),
      audit([]),
      sellersMock,
    ])

    await findByTestId('trace-sellers')
    await settle()

    const table = await findByTestId('trace-sellers')

    expect(firstCells(table)).toEqual(['Alpha Shoes', 'ghost'])
    expect(table.querySelector('[title="sellerb"]')).toHaveTextContent(
      'Alpha Shoes'
    )
  })

  it('should say in words why a seller does not count', async () => {
    const excluded = withTrace({
      trace: [
        {
          __typename: 'RuleResult',
          rule: 'SELLERS',
          passed: false,
          reason: 'SELLER_INACTIVE',
          details: JSON.stringify({
            sellers: [
              {
                sellerId: 'sellera',
                active: false,
                counted: false,
                excludedBy: 'INACTIVE_BINDING',
              },
              {
                sellerId: 'sellerb',
                active: true,
                counted: false,
                excludedBy: 'DENY_LIST',
              },
            ],
          }),
        } as never,
      ],
    })

    const { findByTestId } = renderPage([
      detail([excluded]),
      audit([]),
      sellersMock,
    ])

    await findByTestId('trace-sellers')
    await settle()
    const table = await findByTestId('trace-sellers')

    expect(table).toHaveTextContent('Binding inactive')
    expect(table).toHaveTextContent("In the channel's deny list")
    expect(table).not.toHaveTextContent('INACTIVE_BINDING')
    expect(table).not.toHaveTextContent('DENY_LIST')
  })

  it('should show raw ids when the sellers query fails', async () => {
    const { findByTestId } = renderPage([
      detail([traced]),
      audit([]),
      sellersFailMock,
    ])

    await findByTestId('trace-sellers')
    await settle()

    expect(firstCells(await findByTestId('trace-sellers'))).toEqual([
      'sellerb',
      'ghost',
    ])
  })
})
