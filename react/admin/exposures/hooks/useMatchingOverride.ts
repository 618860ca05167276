import { useState } from 'react'
import { useApolloClient, useMutation } from 'react-apollo'
import { useIntl } from 'react-intl'

import type { OverrideValues } from '../../override/validate'
import { errorCodes } from '../../shared/errors'
import { useErrorText } from '../../shared/hooks/useErrorText'
import { useJobErrorText } from '../../shared/hooks/useJobErrorText'
import { useToast } from '../../shared/hooks/useToast'
import { followJob } from '../../shared/jobs'
import type { Job } from '../../shared/jobs'
import RESUME from '../graphql/resumeOverridesMatching.gql'
import SET_MATCHING from '../graphql/setOverridesMatching.gql'
import messages from '../messages'
import matchingMessages from '../matchingMessages'
import type { ExposureFilter } from '../types'

/** As the server bounds it (node/services/operator/overrideMatching.ts MAX_OVERRIDE_MATCHING). */
export const MAX_MATCHING = 2000

/** What the operator confirms: the filter, the override and the filter's total when asked. */
export interface MatchingRequest {
  filter: ExposureFilter
  values: OverrideValues
  count: number
}

/**
 * Allow or block every row a filter matches: the operator confirms the count, the server runs it
 * as a job (refused if the count changed) and this page follows it; a stopped job can be resumed.
 */
export function useMatchingOverride(onDone: () => void) {
  const intl = useIntl()
  const client = useApolloClient()
  const showToast = useToast()
  const errorText = useErrorText()
  const jobErrorText = useJobErrorText()
  const [request, setRequest] = useState<MatchingRequest | null>(null)
  const [progress, setProgress] = useState<Job['progress'] | null>(null)
  const [stopped, setStopped] = useState<Job | null>(null)
  const [start, starting] = useMutation<{ setOverridesMatching: Job }>(
    SET_MATCHING
  )

  const [resumeJob, resuming] = useMutation<{ resumeOverridesMatching: Job }>(
    RESUME
  )

  const follow = async (job: Job) => {
    setProgress(job.progress)
    const ended = await followJob(client, job, (running) =>
      setProgress(running.progress)
    )

    if (ended.status === 'DONE') {
      setStopped(null)
      showToast(
        intl.formatMessage(messages.overridden, {
          count: ended.result?.overridden ?? 0,
        })
      )
    } else {
      setStopped(ended)
      showToast(
        `${jobErrorText(ended)} ${intl.formatMessage(
          matchingMessages.stopped,
          ended.progress
        )}`
      )
    }
  }

  const run = async (started: () => Promise<Job | undefined>) => {
    try {
      const job = await started()

      if (job) await follow(job)
    } catch (error) {
      showToast(errorText(error as Error))
    } finally {
      setProgress(null)
      onDone()
    }
  }

  const confirm = async () => {
    if (!request) return
    const { filter, values, count } = request

    setRequest(null)
    await run(async () => {
      const { data } = await start({
        variables: { input: { filter, ...values, expected: count } },
      })

      return data?.setOverridesMatching
    })
  }

  const resume = async () => {
    if (!stopped) return
    const { id } = stopped

    await run(async () => {
      try {
        const { data } = await resumeJob({ variables: { id } })

        return data?.resumeOverridesMatching
      } catch (error) {
        // Resumed elsewhere (another tab): nothing left to resume here.
        if (errorCodes(error as Error).includes('ALREADY_RESUMED'))
          setStopped(null)
        throw error
      }
    })
  }

  return {
    request,
    progress,
    stopped,
    busy: starting.loading || resuming.loading || progress !== null,
    ask: (next: MatchingRequest) => setRequest(next),
    cancel: () => setRequest(null),
    confirm,
    resume,
  }
}
