import { useEffect, useRef, useState } from 'react'
import { useQuery } from 'react-apollo'

import RECONCILIATION from '../graphql/reconciliation.gql'
import { isActive } from '../types'
import type { ReconciliationRun } from '../types'

export const POLL_MS = 2000

/**
 * The run on screen: the one just started, else the latest. Polled every 2 s while it is
 * QUEUED or RUNNING; `onFinished` runs once when it leaves those states.
 */
export function useCurrentRun(onFinished: () => void) {
  const [id, setId] = useState<string | null>(null)
  const { data, loading, error, startPolling, stopPolling } = useQuery<{
    reconciliation: ReconciliationRun | null
  }>(RECONCILIATION, {
    variables: id ? { id } : {},
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: false,
  })

  const run = data?.reconciliation ?? null
  const active = isActive(run)
  const wasActive = useRef(false)

  useEffect(() => {
    if (active) startPolling(POLL_MS)
    else stopPolling()
    if (wasActive.current && !active) onFinished()
    wasActive.current = active

    return () => stopPolling()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active, startPolling, stopPolling])

  return {
    run,
    loading: loading && !data,
    error: data ? null : error,
    follow: setId,
  }
}
