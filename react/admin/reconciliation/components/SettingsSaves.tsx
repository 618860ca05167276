import React from 'react'
import { useIntl } from 'react-intl'
import { useQuery } from 'react-apollo'

import { PageLoader } from '../../shared/components/PageLoader'
import { formatDateTime } from '../../shared/format'
import type { SettingsSave } from '../../../typings/schema.generated'
import SETTINGS_SAVES from '../graphql/settingsSaves.gql'
import messages from '../messages'
import { RunLink } from './RunLink'
import { ScrollRegion } from '../../shared/components/ScrollRegion'

interface Saves {
  settingsSaves: {
    items: SettingsSave[]
    total: number
  }
}

const PAGE_SIZE = 5
const td = 'pa3 bt b--muted-4'

/** The latest settings saves: each opens to what its apply did, as a sweep opens to its run. */
export function SettingsSaves() {
  const intl = useIntl()
  const { data, loading, error, refetch } = useQuery<Saves>(SETTINGS_SAVES, {
    variables: { page: 1, pageSize: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  })

  const items = data?.settingsSaves.items ?? []

  return (
    <section className="mt5">
      <h3 className="t-heading-4">{intl.formatMessage(messages.savesTitle)}</h3>
      <PageLoader
        loading={loading && !data}
        error={data ? null : error}
        empty={items.length === 0}
        emptyText={intl.formatMessage(messages.savesEmpty)}
        onRetry={() => refetch()}
      >
        <ScrollRegion label={intl.formatMessage(messages.savesTitle)}>
          <table
            className="w-100 collapse t-small"
            data-testid="settings-saves"
          >
            <thead className="bg-muted-5">
              <tr>
                <th className="pa3 tl">
                  {intl.formatMessage(messages.savesColAt)}
                </th>
                <th className="pa3 tl">
                  {intl.formatMessage(messages.savesColBy)}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((save) => {
                const when = formatDateTime(intl, save.at)

                return (
                  <tr key={save.cacheId}>
                    <td className={td}>
                      {save.applyJobId ? (
                        <RunLink id={save.applyJobId} when={when} />
                      ) : (
                        `${when} · ${intl.formatMessage(messages.savesNothing)}`
                      )}
                    </td>
                    <td className={td}>{save.actor ?? '—'}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </ScrollRegion>
      </PageLoader>
    </section>
  )
}
