import React, { useEffect, useMemo, useState } from 'react'
import ReactDOM from 'react-dom'
import { IntlProvider } from 'react-intl'
import { ApolloProvider } from 'react-apollo'
import ApolloClient from 'apollo-client'
import { InMemoryCache } from 'apollo-cache-inmemory'
import { HttpLink } from 'apollo-link-http'

// What render-runtime injects into every IO page
import 'vtex-tachyons/tachyons.min.css'

import routes from '../../admin/routes.json'
import { AdminMenu } from './adminMenu'
import { fetchWithHints } from './ioHints'
import {
  RuntimeContext,
  HarnessRuntime,
  NavigateOptions,
} from './render-runtime-shim'

// Every top-level file in react/ is an IO "component" that routes.json can name.
const components = import.meta.glob('../../react/*.tsx')
const messagesByLocale = import.meta.glob('../../messages/*.json', {
  eager: true,
  import: 'default',
}) as Record<string, Record<string, string>>

type Route = {
  id: string
  component: string
  path: string
  regex: RegExp
  keys: string[]
}
const ROUTES: Route[] = Object.entries(
  routes as Record<string, { component: string; path: string }>
).map(([id, r]) => {
  const keys: string[] = []
  const pattern = r.path
    .replace(/\/$/, '')
    .replace(/:([A-Za-z0-9_]+)/g, (_, k) => {
      keys.push(k)
      return '([^/]+)'
    })
  return {
    id,
    component: r.component,
    path: r.path,
    keys,
    regex: new RegExp(`^${pattern}/?$`),
  }
})

function matchRoute(pathname: string) {
  for (const route of ROUTES) {
    const m = route.regex.exec(pathname)
    if (m)
      return {
        route,
        params: Object.fromEntries(
          route.keys.map((k, i) => [k, decodeURIComponent(m[i + 1])])
        ),
      }
  }
  return null
}

function pathOf(page: string, params: Record<string, string> = {}) {
  const route = ROUTES.find((r) => r.id === page)
  return route
    ? route.path.replace(/:([A-Za-z0-9_]+)/g, (_, k) =>
        encodeURIComponent(params[k] ?? '')
      )
    : '/'
}

// ?token=demo-viewer-token plays a non-admin user; kept for the tab's session.
const initialToken = new URLSearchParams(window.location.search).get('token')
if (initialToken) sessionStorage.setItem('harness-token', initialToken)
const token = sessionStorage.getItem('harness-token')

const client = new ApolloClient({
  link: new HttpLink({
    uri: '/_v/private/graphql/v1',
    headers: token ? { 'x-harness-token': token } : {},
    // What render-runtime adds: each query's sender (and provider, if it names one).
    fetch: fetchWithHints,
  }),
  cache: new InMemoryCache({
    // render-runtime's rule: only objects with `cacheId` (+ __typename) are normalized.
    dataIdFromObject: (o: { __typename?: string; cacheId?: string }) =>
      o && o.__typename && o.cacheId ? `${o.__typename}:${o.cacheId}` : null,
  }),
})

function App() {
  const [location, setLocation] = useState(() => ({
    pathname: window.location.pathname,
    search: window.location.search,
  }))
  useEffect(() => {
    const onPop = () =>
      setLocation({
        pathname: window.location.pathname,
        search: window.location.search,
      })
    window.addEventListener('popstate', onPop)
    return () => window.removeEventListener('popstate', onPop)
  }, [])

  const query = Object.fromEntries(new URLSearchParams(location.search))
  const locale = query.locale || 'en'
  const messages =
    messagesByLocale[`../../messages/${locale.split('-')[0]}.json`] ||
    messagesByLocale['../../messages/en.json']
  const matched = matchRoute(location.pathname)

  const Component = useMemo(
    () =>
      matched
        ? React.lazy(
            components[`../../react/${matched.route.component}.tsx`] as never
          )
        : null,
    [matched?.route.component]
  )

  const runtime: HarnessRuntime = {
    account: 'marketplacea',
    workspace: 'master',
    production: false,
    rootPath: '',
    history: null,
    culture: {
      locale,
      language: locale.split('-')[0],
      country: 'BRA',
      currency: 'BRL',
      customCurrencySymbol: 'R$',
    },
    route: {
      id: matched?.route.id ?? '',
      path: location.pathname,
      params: matched?.params ?? {},
    },
    query,
    navigate: ({ to, page, params, query: qs, replace }: NavigateOptions) => {
      const url = `${to ?? (page ? pathOf(page, params) : location.pathname)}${
        qs ? `?${qs}` : ''
      }`
      window.history[replace ? 'replaceState' : 'pushState']({}, '', url)
      setLocation({
        pathname: window.location.pathname,
        search: window.location.search,
      })
      window.scrollTo(0, 0)
      return true
    },
    setQuery: (q = {}, opts = {}) => {
      const params = new URLSearchParams(
        opts.merge === false ? '' : location.search
      )
      Object.entries(q).forEach(([k, v]) =>
        v == null || v === '' ? params.delete(k) : params.set(k, String(v))
      )
      runtime.navigate({
        to: location.pathname,
        query: params.toString(),
        replace: opts.replace,
      })
      return true
    },
    goBack: () => window.history.back(),
  }

  if (!matched || !Component) {
    return (
      <div className="pa6">
        <h1 className="t-heading-3">Admin harness</h1>
        <ul>
          {ROUTES.filter((r) => r.keys.length === 0).map((r) => (
            <li key={r.id}>
              <a href={r.path}>{r.path}</a> → {r.component}
            </li>
          ))}
        </ul>
      </div>
    )
  }

  return (
    <IntlProvider locale={locale} messages={messages}>
      <ApolloProvider client={client}>
        <RuntimeContext.Provider value={runtime}>
          <div className="flex">
            <AdminMenu
              messages={messages}
              pathname={location.pathname}
              locale={query.locale}
              navigate={(to, qs) => runtime.navigate({ to, query: qs })}
            />
            <main className="flex-auto">
              <React.Suspense fallback={<div className="pa6">…</div>}>
                <Component />
              </React.Suspense>
            </main>
          </div>
        </RuntimeContext.Provider>
      </ApolloProvider>
    </IntlProvider>
  )
}

ReactDOM.render(<App />, document.getElementById('root'))
