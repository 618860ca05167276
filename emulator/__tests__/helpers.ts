import http from 'node:http'

import { DEMO_APP_KEY } from '../auth/credentials'
import type { Emulator, EmulatorOptions } from '../index'
import { startEmulator } from '../index'

export interface Res {
  status: number
  headers: http.IncomingHttpHeaders
  text: string
  json: <T = unknown>() => T
}

/** The demo integration's key pair (role Owner): a test's own calls to the VTEX APIs. */
export const AUTH = {
  'X-VTEX-API-AppKey': DEMO_APP_KEY.appKey,
  'X-VTEX-API-AppToken': DEMO_APP_KEY.appToken,
}

/** The app token `start()` fixes: what IO infra (VBase, apps settings) accepts. */
export const APP_TOKEN = 'test-app-token'
export const APP_AUTH = { Authorization: `Bearer ${APP_TOKEN}` }

/**
 * Sends a request to the emulator the way @vtex/api does through HTTP_PROXY: the request
 * line carries the absolute VTEX URL and the TCP connection goes to the emulator.
 */
export function call(
  emulator: Emulator,
  method: string,
  target: string,
  options: {
    body?: unknown
    headers?: Record<string, string>
    raw?: Buffer | string
  } = {}
): Promise<Res> {
  const payload =
    options.raw ??
    (options.body === undefined ? undefined : JSON.stringify(options.body))

  const headers: Record<string, string> = {
    ...(options.body !== undefined
      ? { 'content-type': 'application/json' }
      : {}),
    ...options.headers,
  }

  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: emulator.port, method, path: target, headers },
      (res) => {
        const chunks: Buffer[] = []

        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')

          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json: <T>() => JSON.parse(text) as T,
          })
        })
      }
    )

    req.on('error', reject)
    req.end(payload)
  })
}

export const portal = (path: string) =>
  `http://portal.vtexcommercestable.com.br${path}${
    path.includes('?') ? '&' : '?'
  }an=marketplacea`
export const account = (path: string) =>
  `http://marketplacea.vtexcommercestable.com.br${path}`
export const pricing = (path: string) =>
  `http://api.vtex.com/marketplacea${path}`
export const md = (path: string) =>
  `http://api.vtex.com/api/dataentities${path}${
    path.includes('?') ? '&' : '?'
  }an=marketplacea`
export const vbase = (path: string) =>
  `https://infra.io.vtex.com/vbase/v2/marketplacea/master/buckets/marketplacea.marketplace-stock-gate${path}`

export function start(options: EmulatorOptions = {}) {
  return startEmulator({
    quiet: true,
    eventsEnabled: false,
    appToken: APP_TOKEN,
    scheduler: 'manual',
    ...options,
  })
}

/** A tiny service that records the events it receives (plays the app's worker). */
export async function stubService(status = 204) {
  const received: Array<{
    url: string
    headers: http.IncomingHttpHeaders
    body: unknown
  }> = []

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []

    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      received.push({
        url: req.url ?? '',
        headers: req.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null'),
      })
      res.writeHead(status)
      res.end()
    })
  })

  await new Promise<void>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve())
  )
  const { port } = server.address() as { port: number }

  return {
    url: `http://127.0.0.1:${port}`,
    received,
    setStatus: (next: number) => {
      status = next
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
