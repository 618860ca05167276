import React from 'react'
import type { ReactNode } from 'react'
import { useIntl } from 'react-intl'
import { useRuntime } from 'vtex.render-runtime'
import { Layout, PageHeader, Tab, Tabs } from 'vtex.styleguide'

import { navigationMessages } from '../messages'
import { paths } from '../paths'
import type { PageKey } from '../paths'

interface Props {
  active?: PageKey
  subtitle?: ReactNode
  linkLabel?: string
  onLinkClick?: () => void
  children: ReactNode
}

const TABS: PageKey[] = ['overview', 'exposures', 'settings', 'reconciliation']

/** Frame shared by every page: title and section tabs. */
export function AdminPage({
  active,
  subtitle,
  linkLabel,
  onLinkClick,
  children,
}: Props) {
  const intl = useIntl()
  const { navigate } = useRuntime()

  return (
    <Layout
      fullWidth
      pageHeader={
        <PageHeader
          title={intl.formatMessage(navigationMessages.title)}
          subtitle={subtitle}
          linkLabel={linkLabel}
          onLinkClick={onLinkClick}
        />
      }
    >
      <div className="mb5">
        <Tabs>
          {TABS.map((key) => (
            <Tab
              key={key}
              label={intl.formatMessage(navigationMessages[key])}
              active={key === active}
              onClick={() => navigate({ to: paths[key] })}
            />
          ))}
        </Tabs>
      </div>
      {children}
    </Layout>
  )
}
