import type { IncomingMessage, ServerResponse } from 'node:http'

import { validateRequestBody } from '../contracts/contracts'
import { handleControl } from './control'
import { isRouterRequest, routeToApp } from './ioRouter'
import type { Emu } from '../world/emu'
import type { Ctx, Reply, Route } from './http'
import { error, ReplyError } from './http'
import { authorize, egress } from '../auth/gate'
import { allRoutes } from './routes'
import { findRoute, readBody, send, targetOf } from './wire'

const ACCOUNT_HOST =
  /^([a-z0-9-]+)\.(vtexcommercestable\.com\.br|vtexcommercebeta\.com\.br|myvtex\.com|vtexcommerce\.com\.br)$/i

const PRICING_PATH = /^\/([^/]+)(\/pricing(?:\/.*)?)$/

/**
 * The emulated VTEX APIs, one table for every account this process plays. It lives here, not on
 * the Emu: a route's handler is given the Emu, so the Emu naming its routes would be a cycle.
 */
const ROUTES = allRoutes()

/** The emulated VTEX's clock: this machine's, moved by the events' `clockOffsetMs`. */
const vtexNow = (emu: Emu) =>
  new Date(Date.now() + emu.effects.config.clockOffsetMs)

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const MYVTEX_ACCOUNT = /^(?:[a-z0-9-]+--)?([a-z0-9-]+)\.myvtex\.com$/i

/**
 * Which account a VTEX API call is for, and its route: `?an=` or the account's host, the path of
 * `api.vtex.com/{account}/pricing`, or the route's own `{account}` (VBase, apps).
 */
function vtexAddress(
  routes: Route[],
  method: string,
  { host, path, query }: { host: string; path: string; query: URLSearchParams }
) {
  let account = query.get('an') ?? ACCOUNT_HOST.exec(host)?.[1] ?? ''
  let routedPath = path
  const pricing = PRICING_PATH.exec(path)

  if (pricing && (host === 'api.vtex.com' || !host.endsWith('.vtex.com'))) {
    account = pricing[1]
    routedPath = pricing[2]
  }

  const found = findRoute(routes, method, routedPath)

  if (found?.params.account) account = found.params.account

  return { account, routedPath, found }
}

/**
 * The emulator of the account a request is for, when this one plays several: the control API's
 * `?account=`, an app route's myvtex host, or what a VTEX API is addressed to (`vtexAddress`). An
 * account it does not play stays with the first one, which answers 404 AccountNotFound.
 */
function emuFor(
  emu: Emu,
  method: string,
  target: { host: string; path: string; query: URLSearchParams }
): Emu {
  if (emu.peers.size === 0) return emu
  const { host, path, query } = target
  const account = path.startsWith('/_emulator')
    ? query.get('account') ?? ''
    : isRouterRequest(host, path)
    ? MYVTEX_ACCOUNT.exec(host)?.[1] ?? ''
    : vtexAddress(ROUTES, method, target).account

  return emu.peers.get(account.toLowerCase()) ?? emu
}

export async function handle(
  first: Emu,
  req: IncomingMessage,
  res: ServerResponse
) {
  const method = (req.method ?? 'GET').toUpperCase()
  const body = await readBody(req)
  const { host, path, query } = targetOf(req)
  const emu = emuFor(first, method, { host, path, query })

  if (path.startsWith('/_emulator/') || path === '/_emulator') {
    const named = query.get('account')?.toLowerCase()

    // A control call for an account this emulator does not play must not land in another one.
    if (named && named !== emu.config.account) {
      send(res, error(404, 'AccountNotFound', `Account ${named} not played`))

      return
    }

    send(res, await handleControl(emu, method, path, query, body))

    return
  }

  // An affiliate's call to the app's public route on {account}.myvtex.com: IO's router's part.
  if (isRouterRequest(host, path)) {
    routeToApp(emu, req, res, { host, path, query }, body)

    return
  }

  // The worker's HTTP proxy is IO's egress: what no outbound-access policy covers never leaves.
  const blocked = egress(emu, req.headers, method, host, path)

  if (blocked) {
    emu.counters.count('egress', `egress ${method} ${host}`, blocked.status)
    send(res, blocked)

    return
  }

  const { account, routedPath, found } = vtexAddress(ROUTES, method, {
    host,
    path,
    query,
  })

  if (!found) {
    // keyed by host, not path, so unknown traffic cannot grow the counters without bound
    emu.counters.count('unknown', `unknown ${method} ${host}`, 404)
    send(
      res,
      error(404, 'NotFound', `No emulated route for ${method} ${host}${path}`)
    )

    return
  }

  const { route, params } = found
  const count = (status: number) =>
    emu.counters.count(
      route.api,
      method === 'HEAD' && route.method === 'GET'
        ? `${route.api} HEAD ${route.key.split(' ')[2]}`
        : route.key,
      status
    )

  const reply = async (r: Reply) => {
    count(r.status)
    // VTEX's clock, as every VTEX answer's `Date` shows it (RFC 9110 §6.6.1, whole seconds).
    res.setHeader('date', vtexNow(emu).toUTCString())
    send(res, r, method === 'HEAD')
  }

  if (!route.accountless && account.toLowerCase() !== emu.config.account) {
    await reply(
      error(404, 'AccountNotFound', `Account ${account || '(none)'} not found`)
    )

    return
  }

  const refused = authorize(emu, route, req.headers, account.toLowerCase())

  if (refused) {
    emu.recordRefusal(refused.status, method, host, routedPath)
    await reply(refused)

    return
  }

  const wait = emu.rateLimits.take(route.api)

  if (wait > 0) {
    const r = error(429, 'TooManyRequests', 'Rate limit exceeded')

    await reply({ ...r, headers: { 'retry-after': String(wait) } })

    return
  }

  const fault = emu.faults.take([
    `${method} ${routedPath}`,
    `${method} ${route.template}`,
    `${method} ${host}${path}`,
  ])

  if (fault) {
    if (fault.latencyMs) await sleep(fault.latencyMs)
    if (fault.reset) {
      count(0)
      req.socket.destroy()

      return
    }

    if (fault.status) {
      const headers: Record<string, string> =
        fault.retryAfter !== undefined
          ? { 'retry-after': String(fault.retryAfter) }
          : {}

      if (
        fault.status === 423 &&
        /inventory\/skus/.test(route.template) &&
        fault.body === undefined
      ) {
        const key = `${account}_item_logistics_${params.skuId}_${params.warehouseId}`

        await reply({
          status: 423,
          raw: `Unable to acquire lock for key: ${key}.`,
          headers,
        })
      } else if (typeof fault.body === 'string') {
        await reply({ status: fault.status, raw: fault.body, headers })
      } else {
        const payload = fault.body ?? {
          error: { code: 'InjectedFault', message: `Injected ${fault.status}` },
        }

        await reply({ status: fault.status, body: payload, headers })
      }

      return
    }
  }

  const ctx: Ctx = {
    method,
    host,
    path: routedPath,
    query,
    headers: req.headers,
    body,
    account,
    workspace: params.workspace ?? 'master',
    params,
    emu,
  }

  if (emu.config.checkContracts && route.spec && body.length > 0)
    checkRequest(emu, method, route, ctx)

  let result: Reply

  try {
    result = await route.handler(ctx)
  } catch (err) {
    result =
      err instanceof ReplyError
        ? err.reply
        : error(500, 'InternalError', (err as Error).message)
    if (!(err instanceof ReplyError) && !emu.config.quiet) {
      process.stderr.write(`${(err as Error).stack}\n`)
    }
  }

  await reply(result)
}

function checkRequest(emu: Emu, method: string, route: Route, ctx: Ctx) {
  let parsed: unknown

  try {
    parsed = JSON.parse(ctx.body.toString('utf8'))
  } catch {
    return
  }

  const spec = route.spec as { file: string; path: string }
  const outcome = validateRequestBody(method, spec, parsed)

  if (outcome && !outcome.valid) {
    emu.recordViolation({
      at: new Date().toISOString(),
      method,
      path: ctx.path,
      operation: `${spec.file} ${method} ${spec.path}`,
      errors: outcome.errors,
    })
  }
}
