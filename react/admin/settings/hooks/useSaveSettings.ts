import { useState } from 'react'
import { useApolloClient, useMutation } from 'react-apollo'
import { useIntl } from 'react-intl'

import { useToast } from '../../shared/hooks/useToast'
import type { Seller } from '../../shared/types'
import SAVE_SETTINGS from '../graphql/saveSettings.gql'
import SETTINGS_PREVIEW from '../graphql/settingsPreview.gql'
import messages from '../messages'
import type { Settings, SettingsPreview } from '../types'
import { useSettingsErrorText } from './useSettingsErrorText'

type Input = { retentionDays: number; channels: Array<Record<string, unknown>> }

/**
 * Review (settingsPreview) then save (saveSettings); the saved Settings update the cache by cacheId.
 * `sellers` name the sellers in a refusal, as the form does.
 */
export function useSaveSettings(sellers: Seller[] | undefined) {
  const intl = useIntl()
  const client = useApolloClient()
  const showToast = useToast()
  const { errorText } = useSettingsErrorText(sellers)
  const [save, saving] = useMutation<{ saveSettings: Settings }>(SAVE_SETTINGS)
  const [review, setReview] = useState<{
    input: Input
    preview: SettingsPreview[] | null
    error: string | null
  } | null>(null)

  const open = async (input: Input) => {
    setReview({ input, preview: null, error: null })
    try {
      const { data } = await client.query<{
        settingsPreview: SettingsPreview[]
      }>({
        query: SETTINGS_PREVIEW,
        variables: { input },
        fetchPolicy: 'no-cache',
      })

      setReview({ input, preview: data.settingsPreview, error: null })
    } catch (error) {
      setReview({ input, preview: null, error: errorText(error as Error) })
    }
  }

  const confirm = async () => {
    if (!review) return
    try {
      await save({ variables: { input: review.input } })
      setReview(null)
      showToast(intl.formatMessage(messages.saved))
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
