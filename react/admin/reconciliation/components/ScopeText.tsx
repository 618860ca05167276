import React from 'react'
import { useIntl } from 'react-intl'

import { formatDateTime } from '../../shared/format'
import { statusMessages } from '../../shared/messages'
import messages from '../messages'
import type { ReconciliationScope } from '../types'

export function ScopeText({ scope }: { scope: ReconciliationScope }) {
  const intl = useIntl()
  const parts: string[] = []

  if (scope.channel)
    parts.push(
      intl.formatMessage(messages.scopePartChannel, { value: scope.channel })
    )
  if (scope.sellerId)
    parts.push(
      intl.formatMessage(messages.scopePartSeller, { value: scope.sellerId })
    )
  if (scope.skuIds?.length)
    parts.push(
      intl.formatMessage(messages.scopePartSkus, { count: scope.skuIds.length })
    )
  if (scope.changedSince)
    parts.push(
      intl.formatMessage(messages.scopePartSince, {
        value: formatDateTime(intl, scope.changedSince),
      })
    )
  if (scope.statuses?.length)
    parts.push(
      intl.formatMessage(messages.scopePartStatuses, {
        value: scope.statuses
          .map((s) => intl.formatMessage(statusMessages[s]))
          .join(', '),
      })
    )

  return (
    <>
      {parts.length
        ? parts.join(' · ')
        : intl.formatMessage(messages.scopeFull)}
    </>
  )
}
