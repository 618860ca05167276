import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { post } from '../server/delivery'

/**
 * A server that answers the first request on each connection, and closes the connection without
 * answering the second one sent on it: what a keep-alive socket the server closed while idle
 * does to the next request a client sends on it.
 */
async function closingServer() {
  const seen = new WeakMap<object, number>()
  let answered = 0
  const server = http.createServer((req, res) => {
    const n = (seen.get(req.socket) ?? 0) + 1

    seen.set(req.socket, n)
    if (n > 1) {
      req.socket.destroy()

      return
    }

    answered += 1
    res.writeHead(204)
    res.end()
  })

  await new Promise<void>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve())
  )
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}/_events`,
    answered: () => answered,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

describe('given a server that drops a reused keep-alive connection', () => {
  it('should send the request again on a new connection, and answer its status', async () => {
    const server = await closingServer()

    try {
      expect(await post(server.url, { n: 1 }, {})).toBe(204)
      // The same (kept-alive) socket: the server drops it; the delivery goes out on a new one.
      expect(await post(server.url, { n: 2 }, {})).toBe(204)
      expect(server.answered()).toBe(2)
    } finally {
      await server.close()
    }
  })
})
