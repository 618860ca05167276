/**
 * The admin harness's GraphQL forwarder plays IO's router for the admin page: the app's own token
 * as x-vtex-credential, the user's as VtexIdclientAutCookie, and the cut at service.json's timeout.
 */
import fs from 'fs'
import http from 'http'
import type { AddressInfo } from 'net'
import path from 'path'

import { forwarder, GATEWAY_TIMEOUT } from '../../harness/graphql-forward'
import { senderOf } from '../../harness/io-routing'
import MANIFEST from '../../manifest.json'
import type { Emulator } from '../support/emulator'
import { emulatorFor } from '../support/emulator'

const SERVICE = JSON.parse(
  fs.readFileSync(
    path.resolve(__dirname, '..', '..', 'node', 'service.json'),
    'utf8'
  )
) as { timeout: number }

const listen = async (server: http.Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))

  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

describe('given the admin harness forwarding the page to the worker', () => {
  let emulator: Emulator
  let worker: http.Server
  let harness: http.Server
  let harnessUrl: string
  const seen: Array<{ headers: http.IncomingHttpHeaders; body: string }> = []
  const saved = { ...process.env }

  beforeAll(async () => {
    emulator = await emulatorFor('http://127.0.0.1:9')
    // Plays the worker: answers at once, or never when the query asks for `slow`.
    worker = http.createServer((req, res) => {
      let body = ''

      req.on('data', (c: Buffer) => {
        body += c.toString()
      })
      req.on('end', () => {
        seen.push({ headers: req.headers, body })
        if (!body.includes('slow')) res.end('{"data":{"ok":true}}')
      })
    })
    const workerUrl = await listen(worker)

    harness = http.createServer(forwarder(SERVICE.timeout * 1000))
    harnessUrl = await listen(harness)
    Object.assign(process.env, {
      EMULATOR_URL: emulator.url,
      GRAPHQL_TARGET: `${workerUrl}/marketplacea/master/_v/graphql`,
    })
  })

  afterAll(async () => {
    process.env = saved
    for (const server of [worker, harness]) {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }

    await emulator.close()
  })

  // As the page sends it: the builder's hints name this app as the sender (harness/io-routing.ts).
  const post = (query: string) =>
    fetch(harnessUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query,
        extensions: { persistedQuery: { sender: senderOf(MANIFEST) } },
      }),
    })

  it("should send the app's token as x-vtex-credential and the admin's as VtexIdclientAutCookie", async () => {
    seen.length = 0
    const res = await post('{ ok @context(provider: "marketplacea.x") }')

    expect(await res.json()).toEqual({ data: { ok: true } })
    expect(seen[0].headers['x-vtex-credential']).toBe(emulator.appToken)
    expect(seen[0].headers.vtexidclientautcookie).toBe('demo-admin-token')
    expect(JSON.parse(seen[0].body)).toEqual({ query: '{ ok }' })
  })

  it(`should cut a request still running after service.json's timeout (${SERVICE.timeout} s) with ${GATEWAY_TIMEOUT}`, async () => {
    const started = Date.now()
    const res = await post('{ slow }')

    expect(res.status).toBe(GATEWAY_TIMEOUT)
    expect(Date.now() - started).toBeGreaterThanOrEqual(
      SERVICE.timeout * 1000 - 50
    )
    expect(await res.json()).toMatchObject({
      errors: [{ extensions: { code: 'GATEWAY_TIMEOUT' } }],
    })
  })
})
