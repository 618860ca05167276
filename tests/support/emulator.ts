import http from 'http'

import { startEmulator } from '../../emulator'
import type { Emulator } from '../../emulator'

export type { Emulator }

export async function emulatorFor(
  serviceUrl: string,
  seed: 'demo' | 'none' = 'demo'
) {
  return startEmulator({ port: 0, serviceUrl, seed, quiet: true })
}

const APP_KEY = {
  'X-VTEX-API-AppKey': 'vtexappkey-marketplacea-TEST',
  'X-VTEX-API-AppToken': 'test-token',
}

/**
 * A call to the emulated account the way a client behind the proxy sends it (absolute URI, as
 * @vtex/api does through HTTP_PROXY): fetch cannot set the Host header, so node:http is used.
 */
export async function vtex(
  emulator: Pick<Emulator, 'url'>,
  method: string,
  path: string,
  body?: unknown,
  host = 'marketplacea.vtexcommercestable.com.br'
): Promise<{ status: number; body: unknown }> {
  const { hostname, port } = new URL(emulator.url)
  const payload = body === undefined ? undefined : JSON.stringify(body)

  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: hostname,
        port,
        method,
        path: `http://${host}${path}`,
        headers: {
          ...APP_KEY,
          'content-type': 'application/json',
          ...(payload ? { 'content-length': Buffer.byteLength(payload) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = []

        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString()
          let json: unknown = text

          try {
            json = text ? JSON.parse(text) : null
          } catch {
            // plain text body
          }

          resolve({ status: res.statusCode ?? 0, body: json })
        })
      }
    )

    req.on('error', reject)
    if (payload) req.write(payload)
    req.end()
  })
}

export async function control(
  emulator: Pick<Emulator, 'url'>,
  method: string,
  path: string,
  body?: unknown
) {
  const res = await fetch(`${emulator.url}/_emulator${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })

  return {
    status: res.status,
    body: (await res.json().catch(() => null)) as unknown,
  }
}

export interface InstallReply {
  app: string
  workspace: string
  event: string | null
  deliveries?: Array<{ handler: string; status: number | string }>
}

/** The app's install (IO's `apps` `setup` event to the worker) or uninstall, on the emulator. */
export async function lifecycle(
  emulator: Pick<Emulator, 'url'>,
  action: 'install' | 'uninstall',
  body: { workspace?: string; version?: string } = {}
) {
  const res = await control(emulator, 'POST', `/apps/${action}`, body)

  return res.body as InstallReply
}
