import { useState } from 'react'
import { useApolloClient } from 'react-apollo'

import { download } from '../../shared/csv'
import { findingsCsv } from '../findingsCsv'
import RUN_FINDINGS from '../graphql/runFindings.gql'
import { filterVariables } from '../types'
import type { FindingsFilter, FindingsPage, RunFinding } from '../types'

/** The server serves 100 a page, and no page past Master Data's 10,000-document window. */
const PAGE_SIZE = 100
const MAX_ROWS = 10_000

/** Pages through the run's findings under the filter and downloads them as one CSV. */
export function useFindingsExport(runId: string) {
  const client = useApolloClient()
  const [progress, setProgress] = useState<{
    done: number
    total: number
  } | null>(null)

  const run = async (filter: FindingsFilter): Promise<number> => {
    const rows: RunFinding[] = []

    setProgress({ done: 0, total: 0 })
    try {
      for (let page = 1; page * PAGE_SIZE <= MAX_ROWS; page++) {
        // eslint-disable-next-line no-await-in-loop
        const { data } = await client.query<{ runFindings: FindingsPage }>({
          query: RUN_FINDINGS,
          variables: {
            runId,
            ...filterVariables(filter),
            page,
            pageSize: PAGE_SIZE,
          },
          fetchPolicy: 'no-cache',
        })

        const result = data.runFindings

        rows.push(...result.items)
        setProgress({ done: rows.length, total: result.total })
        if (result.items.length < PAGE_SIZE || rows.length >= result.total)
          break
      }

      download(findingsCsv(runId, rows), `run-${runId}.csv`)

      return rows.length
    } finally {
      setProgress(null)
    }
  }

  return { run, progress }
}
