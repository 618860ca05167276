import type { IncomingMessage, ServerResponse } from 'node:http'

import type { Reply } from './http'

/** The wire: where a proxied request goes, route lookup, body and reply. */

interface Target {
  host: string
  path: string
  query: URLSearchParams
}

/** Where the request is really going: absolute URI (proxy style), X-VTEX-Proxy-To, or Host. */
export function targetOf(req: IncomingMessage): Target {
  const raw = req.url ?? '/'
  const absolute = /^https?:\/\//i.test(raw)
  const url = new URL(
    absolute ? raw : `http://${req.headers.host ?? 'localhost'}${raw}`
  )

  let host = url.hostname.toLowerCase()
  let path = url.pathname
  const { searchParams: query } = url
  const proxyTo = req.headers['x-vtex-proxy-to']

  if (typeof proxyTo === 'string' && proxyTo) {
    try {
      const to = new URL(proxyTo)

      host = to.hostname.toLowerCase()
      if (path === '/' && to.pathname !== '/') path = to.pathname
      to.searchParams.forEach((v, k) => query.has(k) || query.set(k, v))
    } catch {
      // a malformed header is ignored like any other unknown header
    }
  }

  return { host, path, query }
}

/** What a route table's entries have in common: the VTEX routes and the control routes. */
interface Matchable {
  method: string
  regex: RegExp
  names: string[]
}

export function findRoute<R extends Matchable>(
  routes: R[],
  method: string,
  path: string
) {
  const methods = method === 'HEAD' ? ['HEAD', 'GET'] : [method]

  for (const m of methods) {
    for (const route of routes) {
      if (route.method !== m) continue
      const match = route.regex.exec(path)

      if (match) {
        const params: Record<string, string> = {}

        route.names.forEach((name, i) => {
          try {
            params[name] = decodeURIComponent(match[i + 1])
          } catch {
            params[name] = match[i + 1]
          }
        })

        return { route, params }
      }
    }
  }

  return null
}

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []

    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () =>
      resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks))
    )
    req.on('error', reject)
  })
}

export function send(res: ServerResponse, reply: Reply, head = false) {
  const headers: Record<string, string> = { ...reply.headers }
  let payload: Buffer | string | undefined

  if (reply.raw !== undefined) {
    payload = reply.raw
    headers['content-type'] ??= 'text/plain; charset=utf-8'
  } else if (reply.body !== undefined) {
    payload = JSON.stringify(reply.body)
    headers['content-type'] ??= 'application/json; charset=utf-8'
  }

  if (payload !== undefined)
    headers['content-length'] = String(Buffer.byteLength(payload))
  res.writeHead(reply.status, headers)
  res.end(head ? undefined : payload)
}
