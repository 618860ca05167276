import { useState } from 'react'
import { useApolloClient, useMutation } from 'react-apollo'
import { useIntl } from 'react-intl'
import { useRuntime } from 'vtex.render-runtime'

import { useJobErrorText } from '../../shared/hooks/useJobErrorText'
import { useToast } from '../../shared/hooks/useToast'
import { followJob } from '../../shared/jobs'
import { paths } from '../../shared/paths'
import type { Job } from '../../shared/jobs'
import type { Seller } from '../../shared/types'
import SAVE_SETTINGS from '../graphql/saveSettings.gql'
import SETTINGS_PREVIEW from '../graphql/settingsPreview.gql'
import messages from '../messages'
import type { Settings, SettingsPreview } from '../types'
import { useSettingsErrorText } from './useSettingsErrorText'

type Input = { retentionDays: number; channels: Array<Record<string, unknown>> }

/**
 * Review (settingsPreview, a job followed to its end) then save (saveSettings); the saved
 * Settings update the cache by cacheId.
 * `sellers` name the sellers in a refusal, as the form does.
 */
export function useSaveSettings(sellers: Seller[] | undefined) {
  const intl = useIntl()
  const client = useApolloClient()
  const showToast = useToast()
  const { navigate } = useRuntime()
  const { errorText } = useSettingsErrorText(sellers)
  const [save, saving] = useMutation<{ saveSettings: Settings }>(SAVE_SETTINGS)
  const jobErrorText = useJobErrorText()
  const [review, setReview] = useState<{
    input: Input
    preview: SettingsPreview[] | null
    progress: Job['progress'] | null
    error: string | null
  } | null>(null)

  // The review pages every decision of the changed channels: a job, followed until it ends.
  const open = async (input: Input) => {
    const shown = { input, preview: null, progress: null, error: null }

    setReview(shown)
    try {
      const { data } = await client.query<{ settingsPreview: Job }>({
        query: SETTINGS_PREVIEW,
        variables: { input },
        fetchPolicy: 'no-cache',
      })

      const job = await followJob(client, data.settingsPreview, (running) =>
        setReview({ ...shown, progress: running.progress })
      )

      setReview(
        job.status === 'DONE'
          ? { ...shown, preview: job.result?.preview ?? [] }
          : { ...shown, error: jobErrorText(job) }
      )
    } catch (error) {
      setReview({ ...shown, error: errorText(error as Error) })
    }
  }

  const confirm = async () => {
    if (!review) return
    try {
      const { data } = await save({ variables: { input: review.input } })
      const applyId = data?.saveSettings.applyJobId

      setReview(null)
      // The save's apply (deciding again, the ENFORCE switch's writes) opens as a run does.
      showToast(
        applyId
          ? {
              message: intl.formatMessage(messages.saved),
              action: {
                label: intl.formatMessage(messages.seeApply),
                onClick: () => navigate({ to: paths.run(applyId) }),
              },
            }
          : intl.formatMessage(messages.saved)
      )
    } catch (error) {
      setReview({ ...review, error: errorText(error as Error) })
    }
  }

  return {
    review,
    open,
    confirm,
    close: () => setReview(null),
    saving: saving.loading,
  }
}
