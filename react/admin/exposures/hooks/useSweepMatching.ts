import { useState } from 'react'
import { useMutation } from 'react-apollo'

import START from '../../reconciliation/graphql/startReconciliation.gql'
import { isFull } from '../../reconciliation/scope'
import type { ScopeInput } from '../../reconciliation/scope'
import type { ReconciliationRun } from '../../reconciliation/types'
import { errorCodes } from '../../shared/errors'

/** What the operator confirms: the scope and the row count as they were when the button was clicked. */
export interface SweepRequest {
  scope: ScopeInput
  count: number
}

export type SweepOutcome =
  | { kind: 'started'; count: number }
  | { kind: 'running' }
  | { kind: 'invalid' }
  | { kind: 'failed'; error: Error }

function outcomeOf(error: Error): SweepOutcome {
  const codes = errorCodes(error)

  if (codes.includes('SWEEP_ALREADY_RUNNING')) return { kind: 'running' }
  if (codes.includes('INVALID_SCOPE')) return { kind: 'invalid' }

  return { kind: 'failed', error }
}

/** A reconciliation sweep over the rows the exposures filter matches: ask, confirm, then one outcome. */
export function useSweepMatching() {
  const [request, setRequest] = useState<SweepRequest | null>(null)
  const [outcome, setOutcome] = useState<SweepOutcome | null>(null)
  const [start, { loading }] = useMutation<{
    startReconciliation: ReconciliationRun
  }>(START)

  const ask = (scope: ScopeInput, count: number) => {
    setOutcome(null)
    setRequest({ scope, count })
  }

  const confirm = async () => {
    // The button needs a filter, but an empty scope would sweep the whole catalog: never send one.
    if (!request || isFull(request.scope)) return

    try {
      await start({ variables: { scope: request.scope } })
      setOutcome({ kind: 'started', count: request.count })
    } catch (error) {
      setOutcome(outcomeOf(error as Error))
    }

    setRequest(null)
  }

  return {
    request,
    outcome,
    busy: loading,
    ask,
    confirm,
    cancel: () => setRequest(null),
    dismiss: () => setOutcome(null),
    reset: () => {
      setRequest(null)
      setOutcome(null)
    },
  }
}
