import http from 'node:http'
import https from 'node:https'

/** HTTP delivery of notifications (keep-alive, bounded sockets) and the self-inbox shortcut. */

const agentOptions = { keepAlive: true, maxSockets: 64 }
const httpAgent = new http.Agent(agentOptions)
const httpsAgent = new https.Agent(agentOptions)
const INBOX_PATH = /^\/_emulator\/affiliates\/([^/]+)\/inbox\/?$/
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1', '0.0.0.0'])

/** The affiliate id when `target` is the emulator's own inbox on a loopback host, else null. */
export function inboxId(target: string): string | null {
  let url: URL

  try {
    url = new URL(target)
  } catch {
    return null
  }

  const match = INBOX_PATH.exec(url.pathname)

  if (!match || !LOOPBACK.has(url.hostname)) return null

  return decodeURIComponent(match[1]).toUpperCase()
}

/**
 * POSTs `payload` as JSON and answers the status. A keep-alive socket the server closed while it
 * sat idle (Node's server closes them after 5 s) fails the next request sent on it before any
 * byte reached the server: that one, and only that one, is sent again on a new socket, as Node's
 * documentation advises (`req.reusedSocket`), so a delivery never fails on the emulator's own
 * connection reuse.
 */
export async function post(
  target: string,
  payload: unknown,
  headers: Record<string, string>
): Promise<number> {
  try {
    return await postOnce(target, payload, headers)
  } catch (error) {
    if (!(error as { staleSocket?: boolean }).staleSocket) throw error

    return postOnce(target, payload, headers)
  }
}

function postOnce(
  target: string,
  payload: unknown,
  headers: Record<string, string>
): Promise<number> {
  return new Promise((resolve, reject) => {
    const url = new URL(target)
    const body = Buffer.from(JSON.stringify(payload))
    const client = url.protocol === 'https:' ? https : http
    const req = client.request(
      url,
      {
        method: 'POST',
        agent: url.protocol === 'https:' ? httpsAgent : httpAgent,
        timeout: 10000,
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(body.length),
        },
      },
      (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
        res.on('error', reject)
      }
    )

    req.on('timeout', () => req.destroy(new Error('timeout')))
    req.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        req.reusedSocket && error.code === 'ECONNRESET'
          ? Object.assign(error, { staleSocket: true })
          : error
      )
    )
    req.end(body)
  })
}
