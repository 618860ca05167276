import type { IncomingHttpHeaders } from 'node:http'

import type { Emu } from '../world/emu'

/** One request after proxy normalisation (absolute URI, Host header or X-VTEX-Proxy-To). */
export interface Ctx {
  method: string
  host: string
  path: string
  query: URLSearchParams
  headers: IncomingHttpHeaders
  body: Buffer
  account: string
  workspace: string
  params: Record<string, string>
  emu: Emu
}

export interface Reply {
  status: number
  body?: unknown
  /** Sent verbatim (text/plain unless a content-type header is given). */
  raw?: Buffer | string
  headers?: Record<string, string>
}

export type Handler = (ctx: Ctx) => Reply | Promise<Reply>

export type Api =
  | 'catalog'
  | 'logistics'
  | 'pricing'
  | 'fulfillment'
  | 'masterdata'
  | 'storage'
  | 'apps'
  | 'identity'

export interface Route {
  api: Api
  method: string
  /** Path template, `{name}` for one segment, `{name*}` for the rest of the path. */
  template: string
  /** The OpenAPI operation this route implements (file name and spec path), when there is one. */
  spec?: { file: string; path: string }
  handler: Handler
  /** Served for any account (VTEX ID is global). */
  accountless?: boolean
  regex: RegExp
  names: string[]
  /** Counter key: `<api> <METHOD> <template>` (`{path*}` shown as `{path}`). */
  key: string
}

export type RouteDef = Omit<Route, 'regex' | 'names' | 'key'>

/** A `/_emulator/` control call: its body already parsed (a JSON object, `{}` when empty). */
export interface ControlCtx {
  emu: Emu
  params: Record<string, string>
  query: URLSearchParams
  body: Record<string, unknown>
}

/** A control route: the VTEX routes' shape, without an API to count it under or a spec. */
export interface ControlRoute {
  method: string
  template: string
  handler: (ctx: ControlCtx) => Reply | Promise<Reply>
  regex: RegExp
  names: string[]
}

export type ControlRouteDef = Omit<ControlRoute, 'regex' | 'names'>

/** A path template as a regex and its parameter names, in order. */
export function compileTemplate(template: string) {
  const names: string[] = []
  const pattern = template
    .split('/')
    .map((segment) => {
      const match = /^\{(\w+)(\*?)\}$/.exec(segment)

      if (!match) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      names.push(match[1])

      return match[2] ? '(.+)' : '([^/]+)'
    })
    .join('/')

  return { regex: new RegExp(`^${pattern}/?$`, 'i'), names }
}

export function compile(def: RouteDef): Route {
  return {
    ...def,
    ...compileTemplate(def.template),
    key: `${def.api} ${def.method} ${def.template.replace(/\*\}/g, '}')}`,
  }
}

export const compileControl = (def: ControlRouteDef): ControlRoute => ({
  ...def,
  ...compileTemplate(def.template),
})

export const json = (
  status: number,
  body: unknown,
  headers?: Record<string, string>
): Reply => ({
  status,
  body,
  headers,
})

export const text = (status: number, raw: string): Reply => ({ status, raw })

export const empty = (status: number): Reply => ({ status })

export function error(status: number, code: string, message: string): Reply {
  return json(status, { error: { code, message }, message })
}

/** Thrown by helpers deep in a handler; the router answers with its reply. */
export class ReplyError extends Error {
  constructor(public readonly reply: Reply) {
    super(`HTTP ${reply.status}`)
  }
}

/** Plain string order, for sort(). */
export const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

export function fail(reply: Reply): never {
  throw new ReplyError(reply)
}

export const notFound = (what: string) =>
  error(404, 'NotFound', `${what} not found`)

export const badRequest = (message: string) => error(400, 'BadRequest', message)

/** Parses the JSON body; undefined when empty, throws a 400 reply when malformed. */
export function bodyOf<T = unknown>(ctx: Ctx): T | undefined {
  if (ctx.body.length === 0) return undefined
  try {
    return JSON.parse(ctx.body.toString('utf8')) as T
  } catch {
    fail(badRequest('Malformed JSON body'))
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Case-insensitive read of a body field (VTEX binds input case-insensitively). */
export function field(body: Record<string, unknown>, name: string): unknown {
  if (name in body) return body[name]
  const lower = name.toLowerCase()

  for (const key of Object.keys(body))
    if (key.toLowerCase() === lower) return body[key]

  return undefined
}

export function header(ctx: Ctx, name: string): string | undefined {
  const value = ctx.headers[name.toLowerCase()]

  return Array.isArray(value) ? value[0] : value
}

export function intParam(value: string | null, fallback: number): number {
  const n = Number(value)

  return value !== null && value !== '' && Number.isFinite(n)
    ? Math.floor(n)
    : fallback
}
