import React, { useEffect, useState } from 'react'
import { useIntl } from 'react-intl'
import { useApolloClient, useQuery } from 'react-apollo'

import { ProductChangeTable } from '../../shared/components/ProductChangeTable'
import { useErrorText } from '../../shared/hooks/useErrorText'
import { downloadProducts } from '../../shared/productsCsv'
import type { ProductChangePage } from '../../../typings/schema.generated'
import type { ProductToChange } from '../../shared/types'
import PRODUCTS_TO_CHANGE from '../graphql/productsToChange.gql'
import messages from '../messages'

const PAGE_SIZE = 20
// Master Data serves 100 a page and none past the 10,000th document.
const CSV_PAGE_SIZE = 100
const CSV_MAX = 10_000

interface Page {
  productsToChange: ProductChangePage
}

/** Which products the channel's "would expose / withdraw" counts are, paged, and as a CSV. */
export function ProductsToChange({ channel }: { channel: string }) {
  const intl = useIntl()
  const client = useApolloClient()
  const errorText = useErrorText()
  const [page, setPage] = useState(1)
  const [exporting, setExporting] = useState(false)
  const [exportError, setExportError] = useState<Error | null>(null)
  const { data, loading, error } = useQuery<Page>(PRODUCTS_TO_CHANGE, {
    variables: { channel, page, pageSize: PAGE_SIZE },
    fetchPolicy: 'network-only',
  })

  const result = data?.productsToChange
  const pages = result ? Math.max(1, Math.ceil(result.total / PAGE_SIZE)) : 1

  // Writes land while the list is open: a page past the end goes back to the last one.
  useEffect(() => {
    if (result && page > pages) setPage(pages)
  }, [result, page, pages])

  const exportCsv = async () => {
    setExporting(true)
    setExportError(null)
    try {
      // By product id: a product moving between pages while the export runs is written once.
      const items = new Map<string, ProductToChange>()

      for (let at = 1; at * CSV_PAGE_SIZE <= CSV_MAX; at++) {
        // eslint-disable-next-line no-await-in-loop
        const { data: next } = await client.query<Page>({
          query: PRODUCTS_TO_CHANGE,
          variables: { channel, page: at, pageSize: CSV_PAGE_SIZE },
          fetchPolicy: 'no-cache',
        })

        next.productsToChange.items.forEach((p) => items.set(p.productId, p))
        if (
          next.productsToChange.items.length < CSV_PAGE_SIZE ||
          at * CSV_PAGE_SIZE >= next.productsToChange.total
        )
          break
      }

      downloadProducts('products-to-change', channel, [...items.values()])
    } catch (e) {
      setExportError(e as Error)
    } finally {
      setExporting(false)
    }
  }

  return (
    <div className="mt3 mb4" data-testid={`products-to-change-${channel}`}>
      {loading && !data && (
        <p className="t-small c-muted-1">
          {intl.formatMessage(messages.productsLoading)}
        </p>
      )}
      {error && !data && (
        <p className="t-small c-danger" role="alert">
          {errorText(error)}
        </p>
      )}
      {result && result.items.length === 0 && (
        <p className="t-small c-muted-1">
          {intl.formatMessage(messages.productsNone)}
        </p>
      )}
      {result && result.items.length > 0 && (
        <>
          <ProductChangeTable
            items={result.items}
            page={page}
            pages={pages}
            total={result.total}
            onPage={setPage}
            onCsv={exportCsv}
            exporting={exporting}
            csvTestId={`products-csv-${channel}`}
            rowTestId={(id) => `product-to-change-${id}`}
          />
          {result.total > CSV_MAX && (
            <p className="t-small c-muted-1">
              {intl.formatMessage(messages.productsCsvCapped, {
                max: CSV_MAX,
                total: result.total,
              })}
            </p>
          )}
          {exportError && (
            <p className="t-small c-danger" role="alert">
              {errorText(exportError)}
            </p>
          )}
        </>
      )}
    </div>
  )
}
