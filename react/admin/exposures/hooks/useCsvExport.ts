import { useState } from 'react'
import { useApolloClient } from 'react-apollo'

import EXPOSURES_CSV from '../graphql/exposuresCsv.gql'
import type { ExposureFilter, ExposureSort } from '../types'
import { toCsv } from './csv'
import type { CsvRow } from './csv'

export const CSV_PAGE_SIZE = 500

interface CsvPage {
  exposures: { items: CsvRow[]; page: number; pageSize: number; total: number }
}

function download(csv: string, name: string) {
  const blob = new Blob([`\ufeff${csv}`], { type: 'text/csv;charset=utf-8' })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')

  link.href = url
  link.download = name
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/**
 * Pages through the whole filter on the client and downloads a CSV. Pages of 500 are asked for;
 * the server may use a smaller page (it says which in `pageSize`), so pages follow its answer.
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
    let page = 1
    let total = 0

    setProgress({ done: 0, total: 0 })
    try {
      for (;;) {
        // eslint-disable-next-line no-await-in-loop
        const { data } = await client.query<CsvPage>({
          query: EXPOSURES_CSV,
          variables: { filter, sort, page, pageSize: CSV_PAGE_SIZE },
          fetchPolicy: 'no-cache',
        })

        const result = data.exposures

        total = result.total
        rows.push(...result.items)
        setProgress({ done: rows.length, total })
        if (
          !result.items.length ||
          rows.length >= total ||
          page * result.pageSize >= total
        )
          break
        page += 1
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
