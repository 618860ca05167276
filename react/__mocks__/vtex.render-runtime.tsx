// Test double for vtex.render-runtime: tests set the route params and query with `setRuntime`
// and assert on `navigate` / `setQuery` calls.
import React from 'react'
import type { ReactNode } from 'react'

interface Runtime {
  account: string
  workspace: string
  culture: {
    locale: string
    language: string
    country: string
    currency: string
  }
  route: { id: string; path: string; params: Record<string, string> }
  query: Record<string, string>
  navigate: jest.Mock
  setQuery: jest.Mock
  goBack: jest.Mock
}

const base = (): Runtime => ({
  account: 'marketplacea',
  workspace: 'master',
  culture: { locale: 'en-US', language: 'en', country: 'USA', currency: 'USD' },
  route: {
    id: 'admin.app.marketplace-stock-gate',
    path: '/admin/app/marketplace-stock-gate',
    params: {},
  },
  query: {},
  navigate: jest.fn(() => true),
  setQuery: jest.fn(() => true),
  goBack: jest.fn(),
})

// Kept on a global: jest may hold this module twice (the import in components and
// jest.requireMock in tests), and both must see the same runtime.
const store = globalThis as unknown as { __vtexRuntime?: Runtime }

export const setRuntime = (partial: Partial<Runtime>) => {
  store.__vtexRuntime = { ...base(), ...partial }

  return store.__vtexRuntime
}

export const useRuntime = () => store.__vtexRuntime ?? setRuntime({})

export const Link = ({
  to,
  children,
  className,
}: {
  to?: string
  children?: ReactNode
  className?: string
}) => (
  <a href={to} className={className}>
    {children}
  </a>
)
