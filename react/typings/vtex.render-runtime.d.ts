declare module 'vtex.render-runtime' {
  import type { ComponentType, ReactNode } from 'react'

  export interface NavigateOptions {
    page?: string
    params?: Record<string, string>
    query?: string
    to?: string
    replace?: boolean
  }

  export interface RenderRuntime {
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
    navigate: (options: NavigateOptions) => boolean
    setQuery: (
      query?: Record<string, unknown>,
      options?: { replace?: boolean; merge?: boolean }
    ) => boolean
    goBack: () => void
  }

  export const useRuntime: () => RenderRuntime
  export const Link: ComponentType<
    NavigateOptions & { className?: string; children?: ReactNode }
  >
}
