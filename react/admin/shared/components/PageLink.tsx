import React from 'react'
import type { ReactNode } from 'react'
import { useRuntime } from 'vtex.render-runtime'

interface Props {
  to: string
  children: ReactNode
  label?: string
  className?: string
  testId?: string
}

/**
 * A link to a page of the app: a real `<a href>`, so the keyboard, a middle click and "open in a
 * new tab" work; a plain click navigates in place through render-runtime, as Admin expects.
 */
export function PageLink({ to, children, label, className, testId }: Props) {
  const { navigate } = useRuntime()

  return (
    <a
      href={to}
      className={className ?? 'c-link'}
      aria-label={label}
      data-testid={testId}
      onClick={(event) => {
        if (
          event.metaKey ||
          event.ctrlKey ||
          event.shiftKey ||
          event.altKey ||
          event.button !== 0
        )
          return
        event.preventDefault()
        navigate({ to })
      }}
    >
      {children}
    </a>
  )
}
