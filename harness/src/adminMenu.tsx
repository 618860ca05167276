import React from 'react'

import navigation from '../../admin/navigation.json'

// VTEX Admin (v4) draws the app's menu from admin/navigation.json, under its section; a
// navigation path /admin/<x> opens the app route /admin/app/<x>. The harness plays that menu,
// so the app's pages carry no navigation of their own, as inside VTEX Admin.
const appPath = (path: string) => path.replace(/^\/admin\//, '/admin/app/')

export function AdminMenu({
  messages,
  pathname,
  locale,
  navigate,
}: {
  messages: Record<string, string>
  pathname: string
  locale?: string
  navigate: (to: string, query?: string) => void
}) {
  const query = locale ? `locale=${locale}` : ''
  const items = navigation.subSectionItems.map((item) => ({
    label: messages[item.labelId] ?? item.labelId,
    to: appPath(item.path),
  }))

  // The longest menu path the page is under is the current one (a SKU page is under the overview).
  const current = items
    .filter(
      (item) => pathname === item.to || pathname.startsWith(`${item.to}/`)
    )
    .sort((a, b) => b.to.length - a.to.length)[0]?.to

  return (
    <nav
      aria-label="VTEX Admin"
      className="w5 flex-none bg-muted-5 pa5 min-vh-100"
      data-testid="admin-menu"
    >
      <p className="t-small c-on-base ma0 mb3">
        {messages[navigation.titleId] ?? navigation.titleId}
      </p>
      <ul className="list pa0 ma0">
        {items.map((item) => (
          <li key={item.to} className="mb2">
            <a
              href={`${item.to}${query ? `?${query}` : ''}`}
              aria-current={item.to === current ? 'page' : undefined}
              className={`link c-on-base ${item.to === current ? 'b' : ''}`}
              onClick={(event) => {
                if (event.metaKey || event.ctrlKey || event.shiftKey) return
                event.preventDefault()
                navigate(item.to, query)
              }}
            >
              {item.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
