import React from 'react'
import { render } from '@vtex/test-tools/react'
import { fireEvent, wait } from '@testing-library/react'

import { blobText, spyDownloads } from '../__fixtures__/downloads'
import { setRuntime } from '../__fixtures__/runtime'
import { ExposuresPage } from '../admin/exposures/components/ExposuresPage'
import { toCsv } from '../admin/exposures/hooks/csv'
import EXPOSURES from '../admin/exposures/graphql/exposures.gql'
import EXPOSURES_CSV from '../admin/exposures/graphql/exposuresCsv.gql'
import CHANNELS from '../admin/shared/graphql/channels.gql'
import { exposure, GGL, MKB, sellersMock } from '../__fixtures__'

const filter = { channel: 'MKB', status: 'WITHHELD' }
const sort = { field: 'SKU_ID', order: 'ASC' }
// Extra fields (cacheId) in a mocked answer are ignored, as on the wire.
const csvRow = (skuId: string) => exposure({ skuId })

// The server answers pages of 2 whatever was asked (as it caps at 100): the export follows its
// cursors until there is no next page.
const csvPageOf =
  (pageFilter: Record<string, string>) =>
  (after: string | null, items: unknown[], next: string | null) => ({
    request: {
      query: EXPOSURES_CSV,
      // countAll: false: a later page does not count the whole filter again (one search per channel).
      variables: {
        filter: pageFilter,
        sort,
        after,
        pageSize: 500,
        countAll: false,
      },
    },
    result: {
      data: {
        exposures: {
          __typename: 'ExposurePage',
          items,
          pageSize: 2,
          total: 3,
          next,
        },
      },
    },
  })

const csvPage = csvPageOf(filter)

/** The page's own mocks: the channels, the sellers and the table's first page of `tableFilter`. */
const pageMocks = (tableFilter: Record<string, string>, total: number) => [
  {
    request: { query: CHANNELS },
    result: { data: { channels: [MKB, GGL] } },
  },
  sellersMock,
  {
    request: {
      query: EXPOSURES,
      variables: { filter: tableFilter, after: null, pageSize: 50, sort },
    },
    result: {
      data: {
        exposures: {
          __typename: 'ExposurePage',
          items: [exposure()],
          pageSize: 50,
          total,
          next: null,
        },
      },
    },
  },
]

describe('given the CSV export of the exposures', () => {
  beforeEach(() => setRuntime({ query: filter }))

  it('should page through the current filter as the server pages it and download every row', async () => {
    const { createObjectURL, click } = spyDownloads()

    const { findByTestId, findByText } = render(<ExposuresPage />, {
      graphql: {
        addTypename: true,
        mocks: [
          ...pageMocks(filter, 3),
          csvPage(null, [csvRow('1'), csvRow('3')], 'after-3'),
          csvPage('after-3', [csvRow('6')], null),
        ],
      },
    })

    await findByTestId('row-1:MKB')
    fireEvent.click(await findByTestId('export-csv'))

    expect(await findByText('3 rows exported')).toBeInTheDocument()
    await wait(() => expect(click).toHaveBeenCalled())
    expect(createObjectURL).toHaveBeenCalledTimes(1)
    click.mockRestore()
  })

  it('should export one channel after the other when the filter names none, each through its own pages', async () => {
    const { createObjectURL, click } = spyDownloads()
    const unchanneled = { status: 'WITHHELD' }

    setRuntime({ query: unchanneled })
    const { findByTestId, findByText } = render(<ExposuresPage />, {
      graphql: {
        addTypename: true,
        mocks: [
          ...pageMocks(unchanneled, 4),
          csvPageOf({ ...unchanneled, channel: 'MKB' })(
            null,
            [csvRow('1'), csvRow('3')],
            'after-3'
          ),
          csvPageOf({ ...unchanneled, channel: 'MKB' })(
            'after-3',
            [csvRow('6')],
            null
          ),
          csvPageOf({ ...unchanneled, channel: 'GGL' })(
            null,
            [exposure({ skuId: '1', channel: 'GGL' })],
            null
          ),
        ],
      },
    })

    await findByTestId('row-1:MKB')
    fireEvent.click(await findByTestId('export-csv'))

    expect(await findByText('4 rows exported')).toBeInTheDocument()
    await wait(() => expect(click).toHaveBeenCalled())
    const [blob] = createObjectURL.mock.calls[0] as [Blob]
    const lines = (await blobText(blob)).trim().split('\r\n').slice(1)
    // skuId is the first column, channel the fifth (no field before it holds a comma here).
    const cells = lines.map((line) => line.split(','))

    expect(cells.map((c) => [c[0], c[4]])).toEqual([
      ['1', 'MKB'],
      ['3', 'MKB'],
      ['6', 'MKB'],
      ['1', 'GGL'],
    ])
    click.mockRestore()
  })

  it('should write codes, quote what needs quoting and neutralise formulas', () => {
    const csv = toCsv([
      {
        ...csvRow('1'),
        skuName: 'Sneaker, "red"',
        productName: '=HYPERLINK()',
      },
    ])

    const [header, line] = csv.trim().split('\r\n')

    expect(header).toBe(
      'skuId,skuName,productId,productName,channel,status,reasons,available,sellerIds,brandId,brandName,categoryId,categoryPath,override,overrideExpiresAt,productAssociated,evaluatedAt,changedAt'
    )
    expect(line).toContain('"Sneaker, ""red"""')
    expect(line).toContain("'=HYPERLINK()")
    expect(line).toContain(
      'WITHHELD,NO_MARKETPLACE_STOCK,0,sellera,2000001,Orma Carbon,10,Shoes / Sneakers'
    )
  })
})
