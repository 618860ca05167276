import http from 'http'
import type { AddressInfo } from 'net'
import { Socket } from 'net'

import { ExternalClient } from '@vtex/api'
import type { IOContext } from '@vtex/api'

import { alignKeepAlive } from '../keepAlive'

class Local extends ExternalClient {
  public ping() {
    return this.http.get('/ping')
  }
}

const ctx = {
  account: 'marketplacea',
  workspace: 'master',
  authToken: 'test',
  region: 'aws-us-east-1',
  production: false,
  userAgent: 'test',
  // An unsampled trace: the client's tracing middleware passes the request straight on.
  tracer: { isTraceSampled: false },
} as unknown as IOContext

describe('alignKeepAlive', () => {
  let server: http.Server
  let url: string

  beforeAll(async () => {
    server = http.createServer((_req, res) => res.end('{}'))
    server.keepAliveTimeout = 10_000
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })

  afterAll(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  })

  it('should give every request on a reused socket the keep-alive delay it already has', async () => {
    alignKeepAlive()
    const client = new Local(url, ctx, { retries: 0, memoizable: false })
    const delays: number[] = []
    const spy = jest
      .spyOn(Socket.prototype, 'setKeepAlive')
      .mockImplementation(function record(this: Socket, _on, delay) {
        delays.push(Number(delay))

        return this
      })

    try {
      for (let i = 0; i < 3; i++) {
        // eslint-disable-next-line no-await-in-loop
        await client.ping()
      }
    } finally {
      spy.mockRestore()
    }

    // axios asks for 60 s on every request and the agent for its own value when the socket is
    // freed: with one value, Node's cached setting turns every later call into a no-op.
    expect(delays.length).toBeGreaterThanOrEqual(3)
    expect(new Set(delays)).toEqual(new Set([60_000]))
  })
})
