import type { Emu } from '../../world/emu'
import type { Reply } from '../http'
import {
  badRequest,
  compileControl,
  fail,
  isObject,
  notFound,
  ReplyError,
} from '../http'
import { findRoute } from '../wire'
import { accountRoutes } from './account'
import { observeRoutes } from './observe'
import { outboundRoutes } from './outbound'

/** The control API's table, matched as the VTEX routes are (`findRoute`). */
const CONTROL = [...accountRoutes, ...outboundRoutes, ...observeRoutes].map(
  compileControl
)

function parse(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {}
  const value = JSON.parse(body.toString('utf8')) as unknown

  if (!isObject(value)) fail(badRequest('Expected a JSON object body'))

  return value
}

/** The `/_emulator/` control API: JSON in, JSON out, no auth. */
export async function handleControl(
  emu: Emu,
  method: string,
  path: string,
  query: URLSearchParams,
  raw: Buffer
): Promise<Reply> {
  let body: Record<string, unknown>

  try {
    body = parse(raw)
  } catch (err) {
    return err instanceof ReplyError
      ? err.reply
      : badRequest('Malformed JSON body')
  }

  const trimmed = path.replace(/\/+$/, '')
  const found = findRoute(CONTROL, method, trimmed)

  if (!found) return notFound(`Control route ${method} ${trimmed}`)

  return found.route.handler({ emu, params: found.params, query, body })
}
