import React from 'react'
import { useIntl } from 'react-intl'
import { useRuntime } from 'vtex.render-runtime'

import { PageLoader } from '../../shared/components/PageLoader'
import { formatDateTime } from '../../shared/format'
import { paths } from '../../shared/paths'
import type { Channel } from '../../shared/types'
import reconciliationMessages from '../../reconciliation/messages'
import messages, { findingKindMessages } from '../messages'
import { FINDING_KINDS } from '../types'
import type { FindingKind, FindingsFilter, FindingsPage } from '../types'
import { findingText } from './findingText'
import { ScrollRegion } from '../../shared/components/ScrollRegion'
import { PageButtons } from '../../shared/components/PageButtons'
import {
  channelOptions,
  FilterSelect,
} from '../../shared/components/FilterSelect'

interface Props {
  page: FindingsPage | null
  loading: boolean
  error?: Error | null
  onRetry: () => void
  channels: Channel[]
  filter: FindingsFilter
  onFilter: (filter: FindingsFilter) => void
  onPage: (page: number) => void
}

const th = 'pa3 tl'
const td = 'pa3 bt b--muted-4'

export function FindingsTable({
  page,
  loading,
  error,
  onRetry,
  channels,
  filter,
  onFilter,
  onPage,
}: Props) {
  const intl = useIntl()
  const { navigate } = useRuntime()
  const items = page?.items ?? []
  const current = page?.page ?? 1
  const size = page?.pageSize ?? 50

  return (
    <>
      <div className="flex flex-wrap items-end nl2 nr2 mb3">
        <FilterSelect
          label={intl.formatMessage(messages.filterChannel)}
          value={filter.channel}
          options={channelOptions(channels)}
          onChange={(channel) => onFilter({ ...filter, channel })}
          testId="findings-channel"
        />
        <FilterSelect<FindingKind>
          label={intl.formatMessage(messages.filterKind)}
          value={filter.kind}
          options={FINDING_KINDS.map((k) => ({
            value: k,
            label: intl.formatMessage(findingKindMessages[k]),
          }))}
          onChange={(kind) => onFilter({ ...filter, kind })}
          testId="findings-kind"
        />
      </div>
      <PageLoader
        loading={loading}
        error={error}
        empty={items.length === 0}
        emptyText={intl.formatMessage(messages.findingsEmpty)}
        onRetry={onRetry}
      >
        <p className="t-small c-muted-1 mt0" data-testid="findings-total">
          {intl.formatMessage(messages.findingsTotal, {
            total: page?.total ?? 0,
          })}
        </p>
        <ScrollRegion label={intl.formatMessage(messages.findingsTitle)}>
          <table className="w-100 collapse t-small" data-testid="findings">
            <thead className="bg-muted-5">
              <tr>
                <th className={th}>{intl.formatMessage(messages.colAt)}</th>
                <th className={th}>{intl.formatMessage(messages.colKind)}</th>
                <th className={th}>{intl.formatMessage(messages.colSku)}</th>
                <th className={th}>
                  {intl.formatMessage(messages.colProduct)}
                </th>
                <th className={th}>
                  {intl.formatMessage(messages.colChannel)}
                </th>
                <th className={th}>{intl.formatMessage(messages.colWhat)}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((f) => (
                <tr key={f.cacheId} data-testid={`finding-${f.id}`}>
                  <td className={td}>{formatDateTime(intl, f.at)}</td>
                  <td className={td}>
                    {intl.formatMessage(findingKindMessages[f.kind])}
                  </td>
                  <td className={td}>
                    {f.skuId ? (
                      <a
                        href={paths.sku(f.skuId)}
                        className="c-link"
                        onClick={(e) => {
                          if (e.metaKey || e.ctrlKey || e.shiftKey) return
                          e.preventDefault()
                          navigate({ to: paths.sku(f.skuId ?? '') })
                        }}
                      >
                        {f.skuId}
                      </a>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className={td}>{f.productId ?? '—'}</td>
                  <td className={td}>{f.channel ?? '—'}</td>
                  <td className={td}>{findingText(intl, f)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        <PageButtons
          page={current}
          hasNext={current * size < (page?.total ?? 0)}
          onPage={onPage}
          previousLabel={intl.formatMessage(reconciliationMessages.previous)}
          nextLabel={intl.formatMessage(reconciliationMessages.next)}
        />
      </PageLoader>
    </>
  )
}
