// Plays the VTEX IO edge for the admin page: the page POSTs to /_v/private/graphql/v1 and this
// middleware forwards to the local worker's GraphQL route, the way IO would reach the app:
// only operations IO would route to this app (their `@context` provider, else their sender, is
// this app: see io-routing.ts), without the `@context(...)` directive and the persisted-query
// hints (the gateway consumes them) and without x-vtex-provider, but with the account,
// workspace, the app's own token (x-vtex-credential, read from the emulator that issues it, as
// IO's router issues one) and the user's VTEX ID token as VtexIdclientAutCookie.
import fs from 'node:fs'
import http from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import type { Plugin } from 'vite'

import type { IoHints } from './io-routing'
import { appOf, providerOf } from './io-routing'

// __dirname: Vite defines it in the config's bundle, and the tests load this file as CommonJS.
const APP = appOf(
  JSON.parse(
    fs.readFileSync(path.resolve(__dirname, '..', 'manifest.json'), 'utf8')
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

export function emulatorUrl() {
  return (
    process.env.EMULATOR_URL ||
    `http://127.0.0.1:${process.env.EMULATOR_PORT || '8180'}`
  )
}

/** Asked on every request: a restarted emulator issues a new token. */
async function appToken(): Promise<string> {
  const res = await fetch(`${emulatorUrl()}/_emulator/app-token`)

  if (!res.ok) throw new Error(`app token: HTTP ${res.status}`)

  return ((await res.json()) as { token: string }).token
}

/**
 * IO's router cuts a request to the app that runs past service.json's `timeout` (seconds). VTEX
 * documents no status for it; the closest is "504 Gateway Timeout: the VTEX server acting as a
 * gateway or proxy timed out" (Developer Portal, "API response status codes").
 */
export const GATEWAY_TIMEOUT = 504

export function forwarder(timeoutMs: number) {
  return (req: IncomingMessage, res: ServerResponse) =>
    forward(req, res, timeoutMs)
}

async function forward(
  req: IncomingMessage,
  res: ServerResponse,
  timeoutMs: number
) {
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

  let credential: string

  try {
    credential = await appToken()
  } catch (error) {
    process.stderr.write(
      `[graphql-forward] ${emulatorUrl()}: ${(error as Error).message}\n`
    )
    reply(res, 502, 'SERVICE_UNAVAILABLE')

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
      'x-vtex-credential': credential,
      VtexIdclientAutCookie: token,
    },
  })

  const cut = setTimeout(() => {
    upstream.destroy()
    reply(res, GATEWAY_TIMEOUT, 'GATEWAY_TIMEOUT')
  }, timeoutMs)

  upstream.on('response', (answer) => {
    clearTimeout(cut)
    res.statusCode = answer.statusCode ?? 502
    res.setHeader(
      'content-type',
      answer.headers['content-type'] || 'application/json'
    )
    answer.pipe(res)
  })
  upstream.on('error', (error) => {
    if (res.headersSent) return
    clearTimeout(cut)
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

/** `timeoutSeconds`: service.json's `timeout`, the cut IO's router applies. */
export function graphqlForward(timeoutSeconds: number): Plugin {
  const fn = forwarder(timeoutSeconds * 1000)
  // Returns nothing on purpose: a function returned from configureServer runs as a post hook.
  const use = (server: {
    middlewares: { use: (path: string, handler: typeof fn) => unknown }
  }) => {
    server.middlewares.use(PATH, fn)
  }
  return {
    name: 'io-graphql-forward',
    configureServer: use,
    configurePreviewServer: use,
  }
}
