import { useMutation } from 'react-apollo'
import { useIntl } from 'react-intl'

import { useErrorText } from '../../shared/hooks/useErrorText'
import { useToast } from '../../shared/hooks/useToast'
import type { OverrideValues } from '../../override/validate'
import type { ExposureWithTrace } from '../../shared/types'
import CLEAR_OVERRIDE from '../graphql/clearOverride.gql'
import REEVALUATE from '../graphql/reevaluate.gql'
import SET_OVERRIDE from '../graphql/setOverride.gql'
import messages from '../messages'

/**
 * The SKU page's actions. Results carry cacheId, so the channel cards update from them;
 * `onDone` refetches what a result cannot update (the audit trail, a first evaluation).
 */
export function useSkuActions(skuId: string, onDone: () => void) {
  const intl = useIntl()
  const showToast = useToast()
  const errorText = useErrorText()
  const [reevaluateMutation, reevaluating] = useMutation<{
    reevaluate: ExposureWithTrace[]
  }>(REEVALUATE)

  const [setOverrideMutation, overriding] = useMutation<{
    setOverride: ExposureWithTrace
  }>(SET_OVERRIDE)

  const [clearOverrideMutation, clearing] = useMutation<{
    clearOverride: ExposureWithTrace
  }>(CLEAR_OVERRIDE)

  const run = async (
    action: () => Promise<unknown>,
    done: { id: string; defaultMessage: string }
  ) => {
    try {
      await action()
      showToast(intl.formatMessage(done))
      onDone()

      return true
    } catch (error) {
      showToast(errorText(error as Error))

      return false
    }
  }

  return {
    busy: reevaluating.loading || overriding.loading || clearing.loading,
    reevaluate: (channel?: string) =>
      run(
        () => reevaluateMutation({ variables: { skuId, channel } }),
        messages.reevaluated
      ),
    setOverride: (channel: string, values: OverrideValues) =>
      run(
        () =>
          setOverrideMutation({
            variables: { input: { skuId, channel, ...values } },
          }),
        messages.overrideSaved
      ),
    clearOverride: (channel: string) =>
      run(
        () => clearOverrideMutation({ variables: { skuId, channel } }),
        messages.overrideCleared
      ),
  }
}
