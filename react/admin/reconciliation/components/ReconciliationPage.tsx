import React, { useState } from 'react'
import { useIntl } from 'react-intl'
import { useMutation, useQuery } from 'react-apollo'

import { AdminPage } from '../../shared/components/AdminPage'
import { PageLoader } from '../../shared/components/PageLoader'
import { withToasts } from '../../shared/components/withToasts'
import { errorDetail } from '../../shared/errors'
import CHANNELS from '../../shared/graphql/channels.gql'
import { useErrorText } from '../../shared/hooks/useErrorText'
import { useSellers } from '../../shared/hooks/useSellers'
import { useToast } from '../../shared/hooks/useToast'
import type { Channel } from '../../shared/types'
import CANCEL from '../graphql/cancelReconciliation.gql'
import RECONCILIATIONS from '../graphql/reconciliations.gql'
import START from '../graphql/startReconciliation.gql'
import { useCurrentRun } from '../hooks/useCurrentRun'
import messages from '../messages'
import type { ScopeInput } from '../scope'
import { isActive } from '../types'
import type { ReconciliationRun } from '../types'
import { CurrentRun } from './CurrentRun'
import { RunHistory } from './RunHistory'
import { ScheduleCard } from './ScheduleCard'
import { SettingsSaves } from './SettingsSaves'
import { StartSweepForm } from './StartSweepForm'

const PAGE_SIZE = 20

interface History {
  reconciliations: {
    items: ReconciliationRun[]
    page: number
    pageSize: number
    total: number
  }
}

function ReconciliationContent() {
  const intl = useIntl()
  const showToast = useToast()
  const errorText = useErrorText()
  const [page, setPage] = useState(1)
  const channels = useQuery<{ channels: Channel[] }>(CHANNELS)
  const { sellers, loading: sellersLoading } = useSellers()
  const history = useQuery<History>(RECONCILIATIONS, {
    variables: { page, pageSize: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  })

  const current = useCurrentRun(() => history.refetch())
  const [start, starting] = useMutation<{
    startReconciliation: ReconciliationRun
  }>(START)

  const [cancel, cancelling] = useMutation<{
    cancelReconciliation: ReconciliationRun
  }>(CANCEL)

  const onStart = async (scope: ScopeInput) => {
    try {
      const { data } = await start({ variables: { scope } })

      if (data) current.follow(data.startReconciliation.id)
      showToast(intl.formatMessage(messages.started))
      history.refetch()
    } catch (error) {
      // Someone else's sweep holds the lock: show that one.
      const running = errorDetail(error as Error, 'SWEEP_ALREADY_RUNNING')

      if (running) current.follow(running)
      showToast(errorText(error as Error))
    }
  }

  const onCancel = async (id: string) => {
    try {
      await cancel({ variables: { id } })
      showToast(intl.formatMessage(messages.cancelled))
    } catch (error) {
      showToast(errorText(error as Error))
    }
  }

  const result = history.data?.reconciliations

  return (
    <AdminPage subtitle={intl.formatMessage(messages.subtitle)}>
      <StartSweepForm
        channels={channels.data?.channels ?? []}
        sellers={sellers}
        sellersLoading={sellersLoading}
        busy={starting.loading}
        disabled={isActive(current.run)}
        onStart={onStart}
      />
      <PageLoader loading={current.loading} error={current.error}>
        <CurrentRun
          run={current.run}
          cancelling={cancelling.loading}
          onCancel={onCancel}
          sellers={sellers}
        />
      </PageLoader>
      <RunHistory
        runs={result?.items ?? []}
        total={result?.total ?? 0}
        page={page}
        pageSize={result?.pageSize ?? PAGE_SIZE}
        loading={history.loading && !history.data}
        error={history.data ? null : history.error}
        onRetry={() => history.refetch()}
        onPage={setPage}
        sellers={sellers}
      />
      <SettingsSaves />
      <ScheduleCard />
    </AdminPage>
  )
}

export const ReconciliationPage = withToasts(ReconciliationContent)
