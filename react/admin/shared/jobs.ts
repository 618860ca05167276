import type ApolloClient from 'apollo-client'

import JOB from './graphql/job.gql'
import type { ErrorCode } from './errors'
import { errorMessages } from './messages'
import type * as Schema from '../../typings/schema.generated'

export type { SettingsPreview as JobPreview } from '../../typings/schema.generated'

/** Work the backend runs past a request, as JobFields asks it (no createdAt, no applied). */
export interface Job
  extends Omit<Schema.Job, 'createdAt' | 'finishedAt' | 'result'> {
  result: Omit<Schema.JobResult, 'applied'> | null
}

/** How long between two looks at a running job (tests set it to 0). */
export const JOB_POLL = { ms: 1000 }

/** A FAILED job's code as the admin shows it: known codes by name, anything else as JOB_FAILED. */
export const jobErrorCode = (job: Job): ErrorCode =>
  job.error && job.error in errorMessages
    ? (job.error as ErrorCode)
    : 'JOB_FAILED'

/**
 * Looks at the job until it is no longer RUNNING, telling `onProgress` each look; resolves with
 * the ended job. A network error while looking is thrown to the caller.
 */
export async function followJob(
  client: Pick<ApolloClient<unknown>, 'query'>,
  started: Job,
  onProgress: (job: Job) => void = () => undefined
): Promise<Job> {
  let job = started

  while (job.status === 'RUNNING') {
    onProgress(job)
    // eslint-disable-next-line no-await-in-loop
    await new Promise((resolve) => setTimeout(resolve, JOB_POLL.ms))
    // eslint-disable-next-line no-await-in-loop
    const { data } = await client.query<{ job: Job | null }>({
      query: JOB,
      variables: { id: job.id },
      fetchPolicy: 'no-cache',
    })

    // A job the backend no longer knows cannot be followed further.
    job = data.job ?? { ...job, status: 'FAILED', error: 'JOB_FAILED' }
  }

  return job
}
