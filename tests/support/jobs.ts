/** Following a background job (settings preview, bulk re-evaluation, audit pruning) as the admin does. */
import type { Worker } from './worker'
import { graphql, waitFor } from './worker'

export interface JobOut {
  id: string
  kind: string
  status: 'RUNNING' | 'DONE' | 'FAILED'
  progress: { done: number; total: number }
  error: string | null
  result: {
    preview: Array<Record<string, unknown>> | null
    reevaluated: number | null
    pruned: number | null
  } | null
}

export const JOB_FIELDS = `id kind status progress { done total } error
  result { preview { channel toExposed toWithheld associate dissociate products { productId action skuIds } productsTruncated } reevaluated pruned }`

export async function jobOf(worker: Worker, id: string, workspace = 'master') {
  const res = await graphql<{ job: JobOut | null }>(
    worker,
    `query ($id: ID!) { job(id: $id) { ${JOB_FIELDS} } }`,
    { id },
    'demo-admin-token',
    workspace
  )

  if (res.errors) throw new Error(JSON.stringify(res.errors))

  return res.data?.job ?? null
}

/** Polls the job until it is no longer RUNNING. */
export function jobEnd(
  worker: Worker,
  id: string,
  timeoutMs = 30_000,
  workspace = 'master'
) {
  return waitFor(
    `job ${id} ended`,
    async () => {
      const job = await jobOf(worker, id, workspace)

      return job && job.status !== 'RUNNING' ? job : null
    },
    timeoutMs
  )
}
