import React, { useEffect, useState } from 'react'
import { useIntl } from 'react-intl'
import { useApolloClient, useQuery } from 'react-apollo'
import { Button } from 'vtex.styleguide'

import { download } from '../../shared/csv'
import { useErrorText } from '../../shared/hooks/useErrorText'
import PRODUCTS_TO_CHANGE from '../graphql/productsToChange.gql'
import messages from '../messages'
import { productsCsv } from '../productsCsv'
import type { ProductToChange } from '../types'

const PAGE_SIZE = 20
// Master Data serves 100 a page and none past the 10,000th document.
const CSV_PAGE_SIZE = 100
const CSV_MAX = 10_000

interface Page {
  productsToChange: { items: ProductToChange[]; total: number }
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

      download(
        productsCsv(channel, [...items.values()]),
        `products-to-change-${channel}-${new Date()
          .toISOString()
          .slice(0, 19)
          .replace(/:/g, '')}.csv`
      )
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
          <table className="w-100 t-small collapse">
            <thead>
              <tr className="tl c-muted-1">
                <th className="pv2">
                  {intl.formatMessage(messages.productsColumnProduct)}
                </th>
                <th className="pv2">
                  {intl.formatMessage(messages.productsColumnAction)}
                </th>
                <th className="pv2">
                  {intl.formatMessage(messages.productsColumnSkus)}
                </th>
              </tr>
            </thead>
            <tbody>
              {result.items.map((p) => (
                <tr
                  key={p.productId}
                  className="bt b--muted-4"
                  data-testid={`product-to-change-${p.productId}`}
                >
                  <td className="pv2">
                    {p.productName
                      ? `${p.productName} (${p.productId})`
                      : p.productId}
                  </td>
                  <td className="pv2">
                    {intl.formatMessage(
                      p.action === 'ASSOCIATE'
                        ? messages.productsActionAssociate
                        : messages.productsActionDissociate
                    )}
                  </td>
                  <td className="pv2">{p.skuIds.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="flex items-center justify-between mt3">
            <span className="t-small c-muted-1">
              {intl.formatMessage(messages.productsPage, {
                page,
                pages,
                total: result.total,
              })}
            </span>
            <div className="flex">
              <Button
                size="small"
                variation="tertiary"
                disabled={page <= 1}
                onClick={() => setPage(page - 1)}
              >
                {intl.formatMessage(messages.productsPrevious)}
              </Button>
              <Button
                size="small"
                variation="tertiary"
                disabled={page >= pages}
                onClick={() => setPage(page + 1)}
              >
                {intl.formatMessage(messages.productsNext)}
              </Button>
              <Button
                size="small"
                variation="secondary"
                isLoading={exporting}
                onClick={exportCsv}
                testId={`products-csv-${channel}`}
              >
                {intl.formatMessage(messages.productsCsv)}
              </Button>
            </div>
          </div>
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
