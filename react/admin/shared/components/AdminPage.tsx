import React from 'react'
import type { ReactNode } from 'react'
import { useIntl } from 'react-intl'
import { PageHeader } from 'vtex.styleguide'

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

  // The styleguide's Layout, on a white page instead of its grey one: its muted text (subtitles,
  // hints, dates) is 4.4:1 on that grey, under WCAG's 4.5:1, and 4.8:1 on white. VTEX Admin's own
  // pages are white too.
  return (
    <div className="flex justify-center pb7 bg-base min-vh-100">
      <div className="w-100">
        <PageHeader
          title={intl.formatMessage(navigationMessages.title)}
          subtitle={subtitle}
          linkLabel={linkLabel}
          onLinkClick={onLinkClick}
        />
        <div className="ph7-ns">{children}</div>
      </div>
    </div>
  )
}
