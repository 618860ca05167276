// Minimal stand-in for the `vtex.render-runtime` IO app, for running the admin pages outside
// VTEX IO: only what these pages use.
import React, { createContext, useContext } from 'react'

export interface NavigateOptions {
  page?: string
  params?: Record<string, string>
  query?: string
  to?: string
  replace?: boolean
}

export interface HarnessRuntime {
  account: string
  workspace: string
  production: boolean
  culture: {
    locale: string
    language: string
    country: string
    currency: string
    customCurrencySymbol?: string
  }
  route: { id: string; path: string; params: Record<string, string> }
  query: Record<string, string>
  navigate: (options: NavigateOptions) => boolean
  setQuery: (
    query?: Record<string, unknown>,
    options?: { replace?: boolean; merge?: boolean }
  ) => boolean
  goBack: () => void
  history: null
  rootPath: string
}

export const RuntimeContext = createContext<HarnessRuntime | null>(null)

export const useRuntime = (): HarnessRuntime => {
  const runtime = useContext(RuntimeContext)
  if (!runtime)
    throw new Error(
      'vtex.render-runtime shim: no <RuntimeContext.Provider> above this component'
    )
  return runtime
}

export function withRuntimeContext<P>(
  Component: React.ComponentType<P & { runtime: HarnessRuntime }>
) {
  const Wrapped = (props: P) => <Component {...props} runtime={useRuntime()} />
  Wrapped.displayName = `withRuntimeContext(${
    Component.displayName || Component.name
  })`
  return Wrapped
}

export const Link = ({
  to,
  children,
  className,
}: NavigateOptions & { className?: string; children?: React.ReactNode }) => {
  const { navigate } = useRuntime()
  return (
    <a
      href={to}
      className={className}
      onClick={(e) => {
        e.preventDefault()
        navigate({ to })
      }}
    >
      {children}
    </a>
  )
}

export const canUseDOM = typeof window !== 'undefined'
export const NoSSR = ({ children }: { children?: React.ReactNode }) => (
  <>{children}</>
)
