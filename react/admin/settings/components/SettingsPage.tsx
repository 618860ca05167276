import React from 'react'
import { useIntl } from 'react-intl'
import { useQuery } from 'react-apollo'
import { Button, Input } from 'vtex.styleguide'

import { AdminPage } from '../../shared/components/AdminPage'
import { PageLoader } from '../../shared/components/PageLoader'
import { withToasts } from '../../shared/components/withToasts'
import { useSellers } from '../../shared/hooks/useSellers'
import { errorMessages } from '../../shared/messages'
import type { Channel } from '../../shared/types'
import SETTINGS from '../graphql/settings.gql'
import { useSaveSettings } from '../hooks/useSaveSettings'
import { useSettingsDraft } from '../hooks/useSettingsDraft'
import messages from '../messages'
import type { Settings } from '../types'
import { toInput } from '../validate'
import { ChannelSettingsForm } from './ChannelSettingsForm'
import { AlertEmailsSection } from './AlertEmailsSection'
import { FeedKeysSection } from './FeedKeysSection'
import { SaveReviewModal } from './SaveReviewModal'
import { StockBuffersSection } from './StockBuffersSection'
import { WorkspaceCatalogWrites } from './WorkspaceCatalogWrites'

function SettingsContent() {
  const intl = useIntl()
  const { data, loading, error, refetch } = useQuery<{
    settings: Settings
    channels: Channel[]
  }>(SETTINGS)

  const { sellers, loading: sellersLoading } = useSellers()
  const form = useSettingsDraft(data?.settings)
  const saver = useSaveSettings(sellers)
  const channels = data?.channels ?? []
  const channelLabel = (id: string) =>
    `${channels.find((c) => c.id === id)?.name ?? id} (${id})`

  return (
    <AdminPage subtitle={intl.formatMessage(messages.subtitle)}>
      <PageLoader
        loading={loading && !data}
        error={data ? null : error}
        empty={!!data && data.settings.channels.length === 0}
        emptyText={intl.formatMessage(messages.empty)}
        onRetry={() => refetch()}
      >
        {data && <WorkspaceCatalogWrites settings={data.settings} />}
        {form.draft && (
          <>
            <div className="flex flex-wrap nl3 nr3">
              {form.draft.channels.map((draft) => (
                <div key={draft.channel} className="w-100 w-50-l ph3 mb5">
                  <ChannelSettingsForm
                    draft={draft}
                    channel={channels.find((c) => c.id === draft.channel)}
                    errors={form.errors.channels[draft.channel] ?? {}}
                    sellers={sellers}
                    sellersLoading={sellersLoading}
                    onChange={(patch) =>
                      form.updateChannel(draft.channel, patch)
                    }
                  />
                </div>
              ))}
            </div>
            <div className="w-100 w-25-l mb5">
              <Input
                label={intl.formatMessage(messages.retentionDays)}
                value={form.draft.retentionDays}
                inputMode="numeric"
                errorMessage={
                  form.errors.retentionDays &&
                  intl.formatMessage(errorMessages[form.errors.retentionDays])
                }
                onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                  form.setRetention(e.target.value)
                }
              />
            </div>
            <div className="flex items-center">
              <div className="mr3">
                <Button
                  disabled={!form.dirty || !form.valid}
                  onClick={() => form.draft && saver.open(toInput(form.draft))}
                  testId="settings-review"
                >
                  {intl.formatMessage(messages.review)}
                </Button>
              </div>
              <Button
                variation="tertiary"
                disabled={!form.dirty}
                onClick={() => form.reset()}
              >
                {intl.formatMessage(messages.reset)}
              </Button>
              {form.dirty && !form.valid && (
                <span className="ml3 c-danger t-small" role="alert">
                  {intl.formatMessage(messages.invalid)}
                </span>
              )}
            </div>
            <StockBuffersSection channels={channels} />
            <FeedKeysSection
              channels={form.draft.channels.map((c) => ({
                id: c.channel,
                label: channelLabel(c.channel),
              }))}
            />
            <AlertEmailsSection />
          </>
        )}
      </PageLoader>
      {saver.review && (
        <SaveReviewModal
          preview={saver.review.preview}
          progress={saver.review.progress}
          previewError={saver.review.error}
          toEnforce={form.toEnforce}
          catalogWritesBlocked={data?.settings.catalogWritesBlocked}
          channels={channels}
          saving={saver.saving}
          onConfirm={() => saver.confirm()}
          onClose={() => saver.close()}
        />
      )}
    </AdminPage>
  )
}

export const SettingsPage = withToasts(SettingsContent)
