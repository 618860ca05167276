import { useState } from 'react'
import { useApolloClient, useMutation } from 'react-apollo'
import { useIntl } from 'react-intl'

import { useErrorText } from '../../shared/hooks/useErrorText'
import { useJobErrorText } from '../../shared/hooks/useJobErrorText'
import { followJob } from '../../shared/jobs'
import type { Job } from '../../shared/jobs'
import { useToast } from '../../shared/hooks/useToast'
import type { OverrideValues } from '../../override/validate'
import type { Exposure } from '../../shared/types'
import REEVALUATE_MANY from '../graphql/reevaluateMany.gql'
import SET_OVERRIDES from '../graphql/setOverrides.gql'
import messages from '../messages'

type Row = Pick<Exposure, 'skuId' | 'channel'>

/**
 * Re-evaluate (a job on the backend, followed to its end) or override the selected rows; every
 * outcome ends in a toast.
 */
export function useBulkActions(onDone: () => void) {
  const intl = useIntl()
  const showToast = useToast()
  const errorText = useErrorText()
  const client = useApolloClient()
  const jobErrorText = useJobErrorText()
  const [reevaluateMany, reevaluating] = useMutation<{
    reevaluateMany: Job
  }>(REEVALUATE_MANY)

  // The re-evaluation runs as a job on the backend; its progress while this page follows it.
  const [progress, setProgress] = useState<Job['progress'] | null>(null)

  const [setOverrides, overriding] = useMutation<{ setOverrides: Exposure[] }>(
    SET_OVERRIDES
  )

  const reevaluate = async (rows: Row[], channel?: string | null) => {
    try {
      const skuIds = Array.from(new Set(rows.map((r) => r.skuId)))
      const { data } = await reevaluateMany({
        variables: { skuIds, channel: channel || undefined },
      })

      if (!data) return
      setProgress(data.reevaluateMany.progress)
      const job = await followJob(client, data.reevaluateMany, (running) =>
        setProgress(running.progress)
      )

      showToast(
        job.status === 'DONE'
          ? intl.formatMessage(messages.reevaluated, {
              count: job.result?.reevaluated ?? 0,
            })
          : jobErrorText(job)
      )
      onDone()
    } catch (error) {
      showToast(errorText(error as Error))
    } finally {
      setProgress(null)
    }
  }

  const override = async (rows: Row[], values: OverrideValues) => {
    const inputs = rows.map((r) => ({
      skuId: r.skuId,
      channel: r.channel,
      ...values,
    }))

    try {
      const { data } = await setOverrides({ variables: { inputs } })

      showToast(
        intl.formatMessage(messages.overridden, {
          count: data?.setOverrides.length ?? 0,
        })
      )
      onDone()

      return true
    } catch (error) {
      showToast(errorText(error as Error))

      return false
    }
  }

  return {
    reevaluate,
    override,
    progress,
    busy: reevaluating.loading || overriding.loading || progress !== null,
  }
}
