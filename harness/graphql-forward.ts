// Plays the VTEX IO edge for the admin page: the page POSTs to /_v/private/graphql/v1 and this
// middleware forwards to the local worker's GraphQL route, the way IO would reach the app:
// only operations IO would route to this app (their `@context` provider, else their sender, is
// this app: see io-routing.ts), without the `@context(...)` directive and the persisted-query
// hints (the gateway consumes them) and without x-vtex-provider, but with the account,
// workspace, app credential and the admin's VTEX ID cookie.
import fs from 'node:fs'
import http from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'

import type { IoHints } from './io-routing'
import { appOf, providerOf } from './io-routing'

const APP = appOf(
  JSON.parse(
    fs.readFileSync(
      path.resolve(
        path.dirname(fileURLToPath(import.meta.url)),
        '..',
        'manifest.json'
      ),
      'utf8'
    )
  )
)

const PATH = '/_v/private/graphql/v1'

export const stripContext = (query: string) =>
  query.replace(/\s*@context\s*\([^)]*\)/g, '')

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

type Operation = {
  query?: string
  extensions?: { persistedQuery?: Partial<IoHints> }
  [key: string]: unknown
}

class NotThisApp extends Error {}

function rewrite(body: string): string {
  const parsed = JSON.parse(body) as Operation | Operation[]
  const fix = ({ extensions, ...op }: Operation) => {
    // IO would send it to another app (or to none): this worker never sees it.
    const provider = providerOf(extensions?.persistedQuery)

    if (provider !== APP) throw new NotThisApp(provider ?? '(none)')

    return typeof op.query === 'string'
      ? { ...op, query: stripContext(op.query) }
      : op
  }
  return JSON.stringify(Array.isArray(parsed) ? parsed.map(fix) : fix(parsed))
}

export function target() {
  const port = process.env.SERVICE_PORT || '5050'
  return (
    process.env.GRAPHQL_TARGET ||
    `http://127.0.0.1:${port}/marketplacea/master/_v/graphql`
  )
}

async function forward(req: IncomingMessage, res: ServerResponse) {
  if (req.method !== 'POST') {
    res.statusCode = 405
    res.end()
    return
  }
  // A page opened with ?token=demo-viewer-token sends it as x-harness-token (demo of a non-admin).
  const pageToken = req.headers['x-harness-token']
  const token =
    (typeof pageToken === 'string' && pageToken) ||
    process.env.ADMIN_TOKEN ||
    'demo-admin-token'
  const raw = await readBody(req)

  // node:http rather than fetch: fetch refuses some local ports (5060, 5061, 6000, …).
  let body: string

  try {
    body = rewrite(raw)
  } catch (error) {
    if (error instanceof NotThisApp) {
      process.stderr.write(
        `[graphql-forward] no route to ${error.message}: only ${APP} is served here\n`
      )
      reply(res, 404, 'PROVIDER_NOT_FOUND')
    } else reply(res, 400, 'BAD_REQUEST')

    return
  }

  const upstream = http.request(target(), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      'content-length': Buffer.byteLength(body),
      'x-vtex-account': 'marketplacea',
      'x-vtex-workspace': 'master',
      'x-vtex-credential': 'local-app-token',
      VtexIdclientAutCookie: token,
    },
  })

  upstream.on('response', (answer) => {
    res.statusCode = answer.statusCode ?? 502
    res.setHeader(
      'content-type',
      answer.headers['content-type'] || 'application/json'
    )
    answer.pipe(res)
  })
  upstream.on('error', (error) => {
    process.stderr.write(`[graphql-forward] ${target()}: ${error.message}\n`)
    reply(res, 502, 'SERVICE_UNAVAILABLE')
  })
  upstream.end(body)
}

function reply(res: ServerResponse, status: number, code: string) {
  if (res.headersSent) return res.end()
  res.statusCode = status
  res.setHeader('content-type', 'application/json')
  res.end(JSON.stringify({ errors: [{ message: code, extensions: { code } }] }))
}

export function graphqlForward(): Plugin {
  // Returns nothing on purpose: a function returned from configureServer runs as a post hook.
  const use = (server: {
    middlewares: { use: (path: string, fn: typeof forward) => unknown }
  }) => {
    server.middlewares.use(PATH, forward)
  }
  return {
    name: 'io-graphql-forward',
    configureServer: use,
    configurePreviewServer: use,
  }
}
