import fs from 'node:fs'
import http from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'

import type { Emu } from '../world/emu'

/**
 * IO's router for the app's public routes, on the hosts an affiliate calls:
 * `{account}.myvtex.com/_v/...` and `{workspace}--{account}.myvtex.com/_v/...`. It matches the
 * path against node/service.json's public routes and forwards to the worker as IO does: the
 * account and workspace, the app's own token as `x-vtex-credential`, the route id and its params
 * (`x-colossus-route-id`, `x-colossus-params`), the caller's other headers as they came. A path no
 * public route declares answers 404, as IO's router does for an unknown route. It cuts a call
 * still running after service.json's `timeout` with 504 (VTEX documents no status for that cut;
 * 504 is the gateway timeout of "API response status codes").
 */
const MYVTEX = /^(?:([a-z0-9-]+)--)?([a-z0-9-]+)\.myvtex\.com$/i

interface PublicRoute {
  id: string
  pattern: RegExp
  names: string[]
}

interface Service {
  timeout?: number
  routes?: Record<string, { path: string; public?: boolean }>
}

function loadService(): Service {
  const file = path.resolve(__dirname, '../..', 'node', 'service.json')

  return JSON.parse(fs.readFileSync(file, 'utf8')) as Service
}

function publicRoutes(service: Service): PublicRoute[] {
  return Object.entries(service.routes ?? {})
    .filter(([, r]) => r.public === true)
    .map(([id, r]) => {
      const names: string[] = []
      const source = r.path
        .split('/')
        .map((part) => {
          if (!part.startsWith(':'))
            return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
          names.push(part.slice(1))

          return '([^/]+)'
        })
        .join('/')

      return { id, pattern: new RegExp(`^${source}$`), names }
    })
}

/** Whether this request is for IO's router (an app route on a myvtex host), not a VTEX API. */
export function isRouterRequest(host: string, urlPath: string) {
  return MYVTEX.test(host) && urlPath.startsWith('/_v/')
}

export function routeToApp(
  emu: Emu,
  req: IncomingMessage,
  res: ServerResponse,
  target: { host: string; path: string; query: URLSearchParams },
  body: Buffer
) {
  const [, workspace = 'master', account = ''] = MYVTEX.exec(target.host) ?? []
  const service = loadService()
  const match = publicRoutes(service)
    .map((route) => ({ route, found: route.pattern.exec(target.path) }))
    .find((m) => m.found)

  if (!match?.found) {
    res.writeHead(404, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ error: 'NotFound', route: target.path }))

    return
  }

  const params = new URLSearchParams(
    match.route.names.map((name, i) => [
      name,
      decodeURIComponent(match.found?.[i + 1] ?? ''),
    ])
  )

  const query = target.query.toString()
  const url = `${emu.config.serviceUrl.replace(/\/$/, '')}${target.path}${
    query ? `?${query}` : ''
  }`

  const headers: http.OutgoingHttpHeaders = { ...req.headers }

  delete headers.host
  delete headers['proxy-authorization']
  Object.assign(headers, {
    'x-vtex-account': account,
    'x-vtex-workspace': workspace,
    'x-vtex-credential': emu.app.token,
    'x-colossus-route-id': match.route.id,
    'x-colossus-params': params.toString(),
    'content-length': body.length,
  })

  const upstream = http.request(url, { method: req.method, headers })
  const cut = setTimeout(() => {
    upstream.destroy()
    if (!res.headersSent) {
      res.writeHead(504, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ error: 'GATEWAY_TIMEOUT' }))
    }
  }, (service.timeout ?? 10) * 1000)

  upstream.on('response', (answer) => {
    clearTimeout(cut)
    res.writeHead(answer.statusCode ?? 502, answer.headers)
    answer.pipe(res)
  })
  upstream.on('error', () => {
    clearTimeout(cut)
    if (res.headersSent) return res.end()
    res.writeHead(502, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ error: 'BAD_GATEWAY' }))
  })
  upstream.end(body)
}
