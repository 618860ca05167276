import React from 'react'
import type { ReactNode } from 'react'

interface Props {
  /** What the region holds, for screen readers (the table's name). */
  label: string
  className?: string
  children: ReactNode
}

/**
 * A table's frame that scrolls sideways when the page is narrow (beside VTEX Admin's menu, a wide
 * table often is). It takes keyboard focus, so arrow keys can scroll it even when the table has
 * no control of its own to tab to (WCAG 2.1.1; axe's scrollable-region-focusable).
 */
export function ScrollRegion({ label, className = '', children }: Props) {
  return (
    <div
      className={`overflow-x-auto bg-base br2 ba b--muted-4 ${className}`.trim()}
      role="region"
      aria-label={label}
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
    >
      {children}
    </div>
  )
}
