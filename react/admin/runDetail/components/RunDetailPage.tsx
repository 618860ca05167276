import React, { useState } from 'react'
import { useIntl } from 'react-intl'
import { useQuery } from 'react-apollo'
import { useRuntime } from 'vtex.render-runtime'
import { Button } from 'vtex.styleguide'

import { AdminPage } from '../../shared/components/AdminPage'
import { PageLoader } from '../../shared/components/PageLoader'
import { withToasts } from '../../shared/components/withToasts'
import { formatDateTime } from '../../shared/format'
import CHANNELS from '../../shared/graphql/channels.gql'
import { useErrorText } from '../../shared/hooks/useErrorText'
import { useSellers } from '../../shared/hooks/useSellers'
import { useToast } from '../../shared/hooks/useToast'
import { paths } from '../../shared/paths'
import type { Channel } from '../../shared/types'
import APPLY_DETAIL from '../graphql/applyDetail.gql'
import RUN_DETAIL from '../graphql/runDetail.gql'
import RUN_FINDINGS from '../graphql/runFindings.gql'
import { useFindingsExport } from '../hooks/useFindingsExport'
import messages from '../messages'
import { filterVariables } from '../types'
import type {
  ApplyJob,
  DetailRun,
  FindingsFilter,
  FindingsPage,
} from '../types'
import { FindingsTable } from './FindingsTable'
import { ApplySummary, SweepSummary } from './RunSummary'

const PAGE_SIZE = 50

/** Jobs' ids end in 8 hex digits, runs' in 6 (jobs.ts, runs.ts). */
const isJobId = (id: string) => /^[0-9]+-[0-9a-f]{8}$/.test(id)

function RunDetailContent() {
  const intl = useIntl()
  const showToast = useToast()
  const errorText = useErrorText()
  const { route, navigate } = useRuntime()
  const runId = route.params.runId ?? ''
  const [filter, setFilter] = useState<FindingsFilter>({})
  const [page, setPage] = useState(1)
  const { sellers } = useSellers()
  const channels = useQuery<{ channels: Channel[] }>(CHANNELS)
  // A sweep's id or a settings save's apply (a job): each is asked for with its own query.
  const isApply = isJobId(runId)
  const sweep = useQuery<{ reconciliation: DetailRun | null }>(RUN_DETAIL, {
    variables: { id: runId },
    fetchPolicy: 'cache-and-network',
    skip: isApply,
  })

  const apply = useQuery<{ job: ApplyJob | null }>(APPLY_DETAIL, {
    variables: { id: runId },
    fetchPolicy: 'cache-and-network',
    skip: !isApply,
  })

  const detail = isApply ? apply : sweep

  const findings = useQuery<{ runFindings: FindingsPage }>(RUN_FINDINGS, {
    variables: { runId, ...filterVariables(filter), page, pageSize: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  })

  const csv = useFindingsExport(runId)
  const run = sweep.data?.reconciliation ?? null
  const job = apply.data?.job?.kind === 'SETTINGS_APPLY' ? apply.data.job : null

  const exportCsv = async () => {
    try {
      const count = await csv.run(filter)

      showToast(intl.formatMessage(messages.exported, { count }))
    } catch (e) {
      showToast(errorText(e as Error))
    }
  }

  const subtitle = run
    ? intl.formatMessage(messages.sweepSubtitle, {
        when: formatDateTime(intl, run.startedAt ?? run.createdAt),
      })
    : job
    ? intl.formatMessage(messages.applySubtitle, {
        when: formatDateTime(intl, job.createdAt),
      })
    : undefined

  return (
    <AdminPage
      subtitle={subtitle}
      linkLabel={intl.formatMessage(messages.back)}
      onLinkClick={() => navigate({ to: paths.reconciliation })}
    >
      <PageLoader
        loading={detail.loading && !detail.data}
        error={detail.data ? null : detail.error}
        onRetry={() => detail.refetch()}
      >
        {/* The 100 latest runs are kept; their findings, with the audit trail, may outlive them. */}
        <section className="bg-base br2 ba b--muted-4 pa5 mb5">
          <h3 className="t-heading-4 mt0">
            {intl.formatMessage(messages.summaryTitle)}
          </h3>
          {run ? (
            <SweepSummary run={run} sellers={sellers} />
          ) : job ? (
            <ApplySummary job={job} />
          ) : (
            <p className="c-muted-1" data-testid="run-not-found">
              {intl.formatMessage(messages.notFound)}
            </p>
          )}
        </section>
        <section>
          <div className="flex items-center justify-between">
            <h3 className="t-heading-4">
              {intl.formatMessage(messages.findingsTitle)}
            </h3>
            <Button
              size="small"
              variation="secondary"
              isLoading={csv.progress !== null}
              disabled={!findings.data?.runFindings.total}
              onClick={exportCsv}
              testId="findings-export"
            >
              {intl.formatMessage(messages.exportCsv)}
            </Button>
          </div>
          <div aria-live="polite" className="t-small c-muted-1">
            {csv.progress &&
              intl.formatMessage(messages.exporting, csv.progress)}
          </div>
          <p className="t-small c-muted-1 mt0">
            {intl.formatMessage(messages.findingsHint)}
          </p>
          <FindingsTable
            page={findings.data?.runFindings ?? null}
            loading={findings.loading && !findings.data}
            error={findings.data ? null : findings.error}
            onRetry={() => findings.refetch()}
            channels={channels.data?.channels ?? []}
            filter={filter}
            onFilter={(next) => {
              setFilter(next)
              setPage(1)
            }}
            onPage={setPage}
          />
        </section>
      </PageLoader>
    </AdminPage>
  )
}

export const RunDetailPage = withToasts(RunDetailContent)
