import React from 'react'
import { useIntl } from 'react-intl'
import { useQuery } from 'react-apollo'
import { Button, Spinner } from 'vtex.styleguide'

import { ReasonList, StatusTag } from '../../shared/components/StatusTag'
import { formatDateTime } from '../../shared/format'
import type { AuditPage } from '../../../typings/schema.generated'
import { describeAuditDetails } from '../auditDetails'
import type { AuditDetailValue } from '../auditDetails'
import AUDIT_TRAIL from '../graphql/auditTrail.gql'
import messages, {
  auditCauseMessages,
  auditDetailMessages,
  auditKindMessages,
} from '../messages'

interface AuditData {
  auditTrail: AuditPage
}

export const AUDIT_PAGE_SIZE = 20

/**
 * An entry's details as sentences, with the raw JSON behind a "Technical details" disclosure
 * (all there is for unknown shapes or text that is not JSON). Values are text, never HTML.
 */
function AuditDetails({
  kind,
  details,
}: {
  kind: string
  details: string | null
}) {
  const intl = useIntl()
  const { lines, raw } = describeAuditDetails(kind, details)

  if (!lines.length && raw == null) return null
  const value = (v: AuditDetailValue) =>
    typeof v === 'object' ? formatDateTime(intl, v.date) : v

  return (
    <div className="mt1" data-testid="audit-details">
      {lines.length > 0 && (
        <ul className="list pa0 ma0 t-small" data-testid="audit-details-lines">
          {lines.map((line) => (
            <li key={line.message} className="mv1">
              {intl.formatMessage(
                auditDetailMessages[line.message],
                Object.fromEntries(
                  Object.entries(line.values ?? {}).map(([k, v]) => [
                    k,
                    value(v),
                  ])
                )
              )}
            </li>
          ))}
        </ul>
      )}
      {raw != null && (
        <details className="mt1" data-testid="audit-details-raw">
          <summary className="c-muted-1 t-mini pointer">
            {intl.formatMessage(auditDetailMessages.raw)}
          </summary>
          <pre className="t-mini bg-muted-5 pa2 br2 mt1 mb0 overflow-x-auto">
            {raw}
          </pre>
        </details>
      )}
    </div>
  )
}

/** The SKU's audit trail, newest first, with "show older" paging. `refetchRef` lets actions reload it. */
export function AuditTimeline({
  skuId,
  refetchRef,
}: {
  skuId: string
  refetchRef?: { current: (() => void) | null }
}) {
  const intl = useIntl()
  const { data, loading, error, refetch, fetchMore } = useQuery<AuditData>(
    AUDIT_TRAIL,
    {
      variables: { skuId, page: 1, pageSize: AUDIT_PAGE_SIZE },
      fetchPolicy: 'cache-and-network',
    }
  )

  if (refetchRef) refetchRef.current = () => refetch()
  const items = data?.auditTrail.items ?? []
  const total = data?.auditTrail.total ?? 0

  const more = () =>
    fetchMore({
      variables: { page: Math.floor(items.length / AUDIT_PAGE_SIZE) + 1 },
      updateQuery: (prev, { fetchMoreResult }) =>
        fetchMoreResult
          ? {
              auditTrail: {
                ...fetchMoreResult.auditTrail,
                items: [
                  ...prev.auditTrail.items,
                  ...fetchMoreResult.auditTrail.items,
                ],
              },
            }
          : prev,
    })

  let body: React.ReactNode

  if (loading && !data) body = <Spinner size={20} />
  else if (error && !data)
    body = (
      <p className="c-danger" role="alert">
        {intl.formatMessage(messages.auditError)}
      </p>
    )
  else if (!items.length)
    body = (
      <p className="c-muted-1" data-testid="audit-empty">
        {intl.formatMessage(messages.auditEmpty)}
      </p>
    )
  else {
    body = (
      <ol className="list pa0 ma0" data-testid="audit-trail">
        {items.map((entry) => (
          <li
            key={entry.cacheId}
            className="pv3 bb b--muted-4"
            data-testid={`audit-${entry.kind}`}
          >
            <div className="flex flex-wrap items-center">
              <span className="c-muted-1 t-small mr3">
                {formatDateTime(intl, entry.at)}
              </span>
              {entry.channel && <span className="b mr3">{entry.channel}</span>}
              <span className="mr3">
                {intl.formatMessage(auditKindMessages[entry.kind])}
              </span>
              {entry.fromStatus && <StatusTag status={entry.fromStatus} />}
              {entry.fromStatus && entry.toStatus && (
                <span className="mh2">→</span>
              )}
              {entry.toStatus && <StatusTag status={entry.toStatus} />}
            </div>
            <div className="t-small c-muted-1 mt1">
              {intl.formatMessage(messages.auditBy, {
                actor: entry.actor ?? '—',
                cause: intl.formatMessage(auditCauseMessages[entry.cause]),
              })}
            </div>
            {entry.reasons.length > 0 && (
              <div className="mt1">
                <ReasonList reasons={entry.reasons} />
              </div>
            )}
            <AuditDetails kind={entry.kind} details={entry.details} />
          </li>
        ))}
      </ol>
    )
  }

  return (
    <section className="mt6">
      <h3 className="t-heading-4">{intl.formatMessage(messages.auditTitle)}</h3>
      {body}
      {items.length < total && (
        <div className="mt3">
          <Button size="small" variation="tertiary" onClick={more}>
            {intl.formatMessage(messages.auditMore)}
          </Button>
        </div>
      )}
    </section>
  )
}
