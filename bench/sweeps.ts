import type { Worker } from '../tests/support/worker'
import { gql, sleep } from './lib'

async function startSweep(worker: Worker, scope: Record<string, unknown>) {
  for (let attempt = 0; ; attempt++) {
    try {
      const { startReconciliation } = await gql<{
        startReconciliation: { id: string }
      }>(
        worker,
        'mutation ($s: ReconciliationScopeInput!) { startReconciliation(scope: $s) { id } }',
        { s: scope }
      )

      return startReconciliation
    } catch (error) {
      // A run reads DONE a moment before it lets go of the account's sweep lock: a sweep
      // started right after the previous one can be refused for that moment.
      if (attempt >= 60 || !String(error).includes('SWEEP_ALREADY_RUNNING'))
        throw error
      await sleep(500)
    }
  }
}

/** Starts a sweep over `scope` and waits for its end; its wall time from the accepted start. */
export async function runSweep(worker: Worker, scope: Record<string, unknown>) {
  const run = await startSweep(worker, scope)
  // From the accepted start: a refused attempt's wait is not the sweep's time.
  const started = Date.now()

  for (;;) {
    await sleep(1000)
    const { reconciliation: r } = await gql<{
      reconciliation: {
        state: string
        done: number
        total: number
        upstreamCallsPerSku: number | null
        errors: Array<{ code: string; count: number }>
      }
    }>(
      worker,
      'query ($id: ID) { reconciliation(id: $id) { state done total upstreamCallsPerSku errors { code count } } }',
      { id: run.id }
    )

    if (['DONE', 'FAILED', 'CANCELLED'].includes(r.state))
      return { ...r, wallMs: Date.now() - started }
  }
}
