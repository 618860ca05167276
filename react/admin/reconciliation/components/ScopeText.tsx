import React from 'react'
import { useIntl } from 'react-intl'
import type { IntlShape } from 'react-intl'

import { sellerLabelWithId } from '../../shared/components/SellerName'
import { formatDateTime } from '../../shared/format'
import { reasonMessages, statusMessages } from '../../shared/messages'
import type { Seller } from '../../shared/types'
import messages from '../messages'
import type { ReconciliationScope } from '../types'

/**
 * One line per scope, e.g. "channel MKB · seller Alpha Shoes (sellerb)". Partial: a scope about to
 * be sent has only its set fields. Without `sellers` (loading, failed, unknown id) the seller is its id.
 */
export function scopeText(
  intl: IntlShape,
  scope: Partial<ReconciliationScope>,
  sellers?: Seller[]
) {
  const parts: string[] = []

  if (scope.channel)
    parts.push(
      intl.formatMessage(messages.scopePartChannel, { value: scope.channel })
    )
  if (scope.sellerId)
    parts.push(
      intl.formatMessage(messages.scopePartSeller, {
        value: sellerLabelWithId(scope.sellerId, sellers),
      })
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
  if (scope.reason)
    parts.push(
      intl.formatMessage(messages.scopePartReason, {
        value: intl.formatMessage(reasonMessages[scope.reason]),
      })
    )
  if (scope.text)
    parts.push(
      intl.formatMessage(messages.scopePartText, { value: scope.text })
    )

  return parts.length
    ? parts.join(' · ')
    : intl.formatMessage(messages.scopeFull)
}

export function ScopeText({
  scope,
  sellers,
}: {
  scope: ReconciliationScope
  sellers?: Seller[]
}) {
  const intl = useIntl()

  return <>{scopeText(intl, scope, sellers)}</>
}
