import { useMutation } from 'react-apollo'
import { useIntl } from 'react-intl'

import { useErrorText } from '../../shared/hooks/useErrorText'
import { useToast } from '../../shared/hooks/useToast'
import type { OverrideValues } from '../../override/validate'
import type { Exposure } from '../../shared/types'
import REEVALUATE_MANY from '../graphql/reevaluateMany.gql'
import SET_OVERRIDES from '../graphql/setOverrides.gql'
import messages from '../messages'

type Row = Pick<Exposure, 'skuId' | 'channel'>

/** Re-evaluate or override the selected rows; every outcome ends in a toast. */
export function useBulkActions(onDone: () => void) {
  const intl = useIntl()
  const showToast = useToast()
  const errorText = useErrorText()
  const [reevaluateMany, reevaluating] = useMutation<{
    reevaluateMany: number
  }>(REEVALUATE_MANY)

  const [setOverrides, overriding] = useMutation<{ setOverrides: Exposure[] }>(
    SET_OVERRIDES
  )

  const reevaluate = async (rows: Row[], channel?: string) => {
    try {
      const skuIds = Array.from(new Set(rows.map((r) => r.skuId)))
      const { data } = await reevaluateMany({
        variables: { skuIds, channel: channel || undefined },
      })

      showToast(
        intl.formatMessage(messages.reevaluated, {
          count: data?.reevaluateMany ?? 0,
        })
      )
      onDone()
    } catch (error) {
      showToast(errorText(error as Error))
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
    busy: reevaluating.loading || overriding.loading,
  }
}
