import React, { useState } from 'react'
import { useIntl } from 'react-intl'
import { useQuery } from 'react-apollo'
import { Button } from 'vtex.styleguide'

import { AdminPage } from '../../shared/components/AdminPage'
import { withToasts } from '../../shared/components/withToasts'
import { PageLoader } from '../../shared/components/PageLoader'
import { useErrorText } from '../../shared/hooks/useErrorText'
import { useSellers } from '../../shared/hooks/useSellers'
import { useToast } from '../../shared/hooks/useToast'
import CHANNELS from '../../shared/graphql/channels.gql'
import type { Channel } from '../../shared/types'
import { OverrideModal } from '../../override/components/OverrideModal'
import EXPOSURES from '../graphql/exposures.gql'
import { useBulkActions } from '../hooks/useBulkActions'
import { useCatalogFilterChoices } from '../hooks/useCatalogFilterChoices'
import { useMatchingOverride } from '../hooks/useMatchingOverride'
import { useCsvExport } from '../hooks/useCsvExport'
import { useSweepMatching } from '../hooks/useSweepMatching'
import {
  apiFilter,
  pageRange,
  PAGE_SIZES,
  useExposureQueryState,
} from '../hooks/useExposureQueryState'
import messages from '../messages'
import { sweepScope } from '../sweepScope'
import type { ExposurePage } from '../types'
import { BulkBar } from './BulkBar'
import { ExposureFilters } from './ExposureFilters'
import { ExposureTable, rowKey } from './ExposureTable'
import { MatchingBar } from './MatchingBar'
import { MatchingConfirmModal } from './MatchingConfirmModal'
import { SweepConfirmModal } from './SweepConfirmModal'
import { SweepOutcome } from './SweepOutcome'
import { Pager } from '../../shared/components/Pager'

function ExposuresContent() {
  const intl = useIntl()
  const showToast = useToast()
  const errorText = useErrorText()
  const state = useExposureQueryState()
  const filter = apiFilter(state.filter)
  const variables = {
    filter,
    after: state.after,
    pageSize: state.pageSize,
    sort: state.sort,
  }

  const channels = useQuery<{ channels: Channel[] }>(CHANNELS)
  const { sellers, loading: sellersLoading } = useSellers()
  const catalog = useCatalogFilterChoices()
  const { data, loading, error, refetch } = useQuery<{
    exposures: ExposurePage
  }>(EXPOSURES, {
    variables,
    fetchPolicy: 'cache-and-network',
  })

  const [selected, setSelected] = useState<Set<string>>(new Set())
  // Every row the filter matches, on every page (the server runs it over the filter).
  const [allMatching, setAllMatching] = useState(false)
  const [overrideOpen, setOverrideOpen] = useState(false)
  const bulk = useBulkActions(() => refetch())
  const matching = useMatchingOverride(() => {
    setAllMatching(false)
    setSelected(new Set())
    refetch()
  })

  const csv = useCsvExport()
  const sweep = useSweepMatching()

  const result = data?.exposures
  const items = result?.items ?? []
  const total = result?.total ?? 0
  const { from, to } = pageRange(
    state.page,
    result?.pageSize ?? state.pageSize,
    items.length,
    total
  )

  const selectedRows = items.filter((i) => selected.has(rowKey(i)))
  // Offered only for a filtered view, with a total that belongs to this filter (none while loading).
  const scope = sweepScope(filter)
  const sweepCount = scope && !loading && total > 0 ? total : 0
  const pageAllSelected =
    items.length > 0 && selectedRows.length === items.length

  // While every matching row is selected, this page's rows read as selected too.
  const shownSelected = allMatching ? new Set(items.map(rowKey)) : selected

  const select = (keys: string[], on: boolean) => {
    const next = new Set(shownSelected)

    keys.forEach((k) => (on ? next.add(k) : next.delete(k)))
    setSelected(next)
    if (!on) setAllMatching(false)
  }

  const exportCsv = async () => {
    try {
      const count = await csv.run(filter, state.sort, {
        // The server narrows a trade policy to its channels too: asking the others costs requests.
        channels: (channels.data?.channels ?? [])
          .filter(
            (c) => !filter.tradePolicy || c.salesChannel === filter.tradePolicy
          )
          .map((c) => c.id),
        total,
      })

      showToast(intl.formatMessage(messages.exported, { count }))
    } catch (e) {
      showToast(errorText(e as Error))
    }
  }

  return (
    <AdminPage subtitle={intl.formatMessage(messages.subtitle)}>
      <ExposureFilters
        filter={state.filter}
        channels={channels.data?.channels ?? []}
        sellers={sellers}
        sellersLoading={sellersLoading}
        choices={catalog.choices}
        choicesLoading={catalog.loading}
        choicesFailed={catalog.failed}
        onChange={(patch) => {
          setSelected(new Set())
          setAllMatching(false)
          sweep.reset()
          state.setFilter(patch)
        }}
        onClear={() => {
          setSelected(new Set())
          setAllMatching(false)
          sweep.reset()
          state.clearFilters()
        }}
      />
      <div className="flex justify-end items-center mb3">
        {csv.progress && (
          <span
            className="mr3 c-muted-1 t-small"
            data-testid="csv-progress"
            role="status"
          >
            {intl.formatMessage(messages.exporting, csv.progress)}
          </span>
        )}
        {scope && sweepCount > 0 && (
          <div className="mr3">
            <Button
              size="small"
              variation="secondary"
              isLoading={sweep.busy}
              onClick={() => sweep.ask(scope, sweepCount)}
              testId="sweep-matching"
            >
              {intl.formatMessage(messages.sweepMatching, {
                count: sweepCount,
              })}
            </Button>
          </div>
        )}
        <Button
          size="small"
          variation="tertiary"
          isLoading={!!csv.progress}
          onClick={exportCsv}
          testId="export-csv"
        >
          {intl.formatMessage(messages.exportCsv)}
        </Button>
      </div>
      <SweepOutcome outcome={sweep.outcome} onDismiss={() => sweep.dismiss()} />
      <BulkBar
        count={allMatching ? total : selectedRows.length}
        busy={bulk.busy || matching.busy}
        progress={bulk.progress}
        onReevaluate={
          allMatching
            ? undefined
            : () => bulk.reevaluate(selectedRows, state.filter.channel)
        }
        onOverride={() => setOverrideOpen(true)}
      />
      <MatchingBar
        pageCount={pageAllSelected && !loading ? selectedRows.length : 0}
        total={total}
        allMatching={allMatching}
        onSelectAll={() => setAllMatching(true)}
        onClear={() => {
          setAllMatching(false)
          setSelected(new Set())
        }}
        progress={matching.progress}
        stopped={matching.stopped}
        busy={matching.busy}
        onResume={() => matching.resume()}
      />
      <PageLoader
        loading={loading && !data}
        error={data ? null : error}
        empty={items.length === 0}
        emptyText={intl.formatMessage(messages.empty)}
        onRetry={() => refetch()}
      >
        <ExposureTable
          items={items}
          sort={state.sort}
          onSort={(field) => state.setSort(field)}
          selected={shownSelected}
          onSelect={select}
          sellers={sellers}
        />
        <div className="mt4">
          <Pager
            from={from}
            to={to}
            total={total}
            textOf={intl.formatMessage(messages.pageOf)}
            rowsLabel={intl.formatMessage(messages.rowsPerPage)}
            previousLabel={intl.formatMessage(messages.previousPage)}
            nextLabel={intl.formatMessage(messages.nextPage)}
            pageSize={state.pageSize}
            pageSizes={PAGE_SIZES}
            onPageSize={(size) => state.setPageSize(size)}
            onNext={() => state.goNext(result?.next)}
            onPrevious={() => state.goPrevious()}
          />
        </div>
      </PageLoader>
      {overrideOpen && (
        <OverrideModal
          isOpen
          channels={
            allMatching
              ? filter.channel ??
                (channels.data?.channels ?? [])
                  .filter(
                    (c) =>
                      !filter.tradePolicy ||
                      c.salesChannel === filter.tradePolicy
                  )
                  .map((c) => c.id)
                  .join(', ')
              : Array.from(new Set(selectedRows.map((r) => r.channel))).join(
                  ', '
                )
          }
          loading={bulk.busy}
          onClose={() => setOverrideOpen(false)}
          onSubmit={async (values) => {
            // The count is confirmed next, against the filter's total as shown.
            if (allMatching) {
              setOverrideOpen(false)
              matching.ask({ filter, values, count: total })

              return
            }

            if (await bulk.override(selectedRows, values)) {
              setOverrideOpen(false)
              setSelected(new Set())
            }
          }}
        />
      )}
      {matching.request && (
        <MatchingConfirmModal
          request={matching.request}
          busy={matching.busy}
          onConfirm={() => matching.confirm()}
          onClose={() => matching.cancel()}
        />
      )}
      {sweep.request && (
        <SweepConfirmModal
          request={sweep.request}
          busy={sweep.busy}
          onConfirm={() => sweep.confirm()}
          onClose={() => sweep.cancel()}
          sellers={sellers}
        />
      )}
    </AdminPage>
  )
}

export const ExposuresPage = withToasts(ExposuresContent)
