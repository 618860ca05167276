import http from 'http'

import { startEmulator } from '../../emulator'
import type { Emulator, EmulatorOptions } from '../../emulator'
import { DEMO_APP_KEY } from '../../emulator/auth/credentials'

export type { Emulator }

export async function emulatorFor(
  serviceUrl: string,
  seed: 'demo' | 'none' = 'demo',
  options: EmulatorOptions = {}
) {
  // No tick at a random clock mark in the middle of a test: tests run the task when they mean to.
  return startEmulator({
    port: 0,
    serviceUrl,
    seed,
    quiet: true,
    scheduler: 'manual',
    ...options,
  })
}

/** The demo integration's key pair (role Owner): the tests' own calls, never the app's. */
export const APP_KEY = {
  'X-VTEX-API-AppKey': DEMO_APP_KEY.appKey,
  'X-VTEX-API-AppToken': DEMO_APP_KEY.appToken,
}

/**
 * A call to the emulated account the way a client behind the proxy sends it (absolute URI, as
 * @vtex/api does through HTTP_PROXY): fetch cannot set the Host header, so node:http is used.
 */
export async function vtex(
  emulator: Pick<Emulator, 'url'> & Partial<Pick<Emulator, 'appToken'>>,
  method: string,
  path: string,
  body?: unknown,
  host = 'marketplacea.vtexcommercestable.com.br',
  /** Sent instead of the default credential (the demo AppKey pair, or the app token on infra). */
  credential?: Record<string, string>
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
          // IO infra (VBase, apps) answers the app's own token only: a test peeks as the app.
          ...(credential ??
            (/(\.io\.vtex\.com|\.vtex\.io)$/.test(host) && emulator.appToken
              ? { Authorization: `Bearer ${emulator.appToken}` }
              : APP_KEY)),
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
