import { useState } from 'react'
import { useApolloClient } from 'react-apollo'

import { download } from '../../shared/csv'
import EXPOSURES_CSV from '../graphql/exposuresCsv.gql'
import type { ExposureFilter, ExposureSort } from '../types'
import { toCsv } from './csv'
import type { CsvRow } from './csv'

export const CSV_PAGE_SIZE = 500

interface CsvPage {
  exposures: {
    items: CsvRow[]
    pageSize: number
    total: number
    next: string | null
  }
}

/**
 * Pages through the whole filter on the client and downloads a CSV, following the server's keyset
 * cursors (`next`), so an export reaches every row of 100,000 (no offset past Master Data's
 * 10,000-row window). Pages of 500 are asked for; the server serves at most 100 a page.
 */
export function useCsvExport() {
  const client = useApolloClient()
  const [progress, setProgress] = useState<{
    done: number
    total: number
  } | null>(null)

  const run = async (
    filter: ExposureFilter,
    sort: ExposureSort
  ): Promise<number> => {
    const rows: CsvRow[] = []
    let after: string | null = null
    let total = 0

    setProgress({ done: 0, total: 0 })
    try {
      for (;;) {
        // eslint-disable-next-line no-await-in-loop
        const { data } = await client.query<CsvPage>({
          query: EXPOSURES_CSV,
          variables: { filter, sort, after, pageSize: CSV_PAGE_SIZE },
          fetchPolicy: 'no-cache',
        })

        const result: CsvPage['exposures'] = data.exposures

        total = result.total
        rows.push(...result.items)
        setProgress({ done: rows.length, total })
        if (!result.items.length || !result.next) break
        after = result.next
      }

      download(
        toCsv(rows),
        `exposures-${new Date()
          .toISOString()
          .slice(0, 19)
          .replace(/:/g, '')}.csv`
      )

      return rows.length
    } finally {
      setProgress(null)
    }
  }

  return { run, progress }
}
