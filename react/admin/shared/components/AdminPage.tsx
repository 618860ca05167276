import React from 'react'
import type { ReactNode } from 'react'
import { useIntl } from 'react-intl'
import { Layout, PageHeader } from 'vtex.styleguide'

import { navigationMessages } from '../messages'

interface Props {
  subtitle?: ReactNode
  linkLabel?: string
  onLinkClick?: () => void
  children: ReactNode
}

/**
 * Frame shared by every page: the title. The pages themselves are reached through VTEX Admin's
 * own menu (admin/navigation.json, under Marketplace): tabs here would repeat it on every page.
 */
export function AdminPage({
  subtitle,
  linkLabel,
  onLinkClick,
  children,
}: Props) {
  const intl = useIntl()

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
      {children}
    </Layout>
  )
}
