import React from 'react'
import type { ComponentType } from 'react'
import { ToastProvider } from 'vtex.styleguide'

/** Puts styleguide's ToastProvider above a page, so the page's own hooks can show toasts. */
export function withToasts<P extends object>(Page: ComponentType<P>) {
  const WithToasts = (props: P) => (
    <ToastProvider positioning="window">
      <Page {...props} />
    </ToastProvider>
  )

  WithToasts.displayName = `withToasts(${Page.displayName ?? Page.name})`

  return WithToasts
}
