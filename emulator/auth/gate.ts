import type { IncomingHttpHeaders } from 'node:http'

import type { Emu } from '../world/emu'
import type { Reply, Route } from '../server/http'
import { error } from '../server/http'
import type { Principal } from './credentials'
import { ALL_RESOURCES, appOfRequest, tokensOf } from './credentials'
import { accessOf } from './licenses'

/**
 * The two refusals VTEX makes before any API runs: no valid credential for the account (401,
 * api-response-codes.md: "missing or incorrect authentication credentials") and a credential
 * without the License Manager resource or manifest policy the endpoint needs (403, the OpenAPI
 * specs' Permissions sections: "Otherwise they will receive a status code 403 error").
 */

const unauthorized = () =>
  error(
    401,
    'Unauthorized',
    'Missing or invalid credentials: send VtexIdclientAutCookie (header or cookie), Authorization, or X-VTEX-API-AppKey/AppToken'
  )

const forbidden = (who: string, needs: string[]) =>
  error(
    403,
    'Forbidden',
    `${who} lacks ${
      needs.length ? `one of: ${needs.join(', ')}` : 'a grant for this endpoint'
    }`
  )

const first = (v: string | string[] | undefined) =>
  Array.isArray(v) ? v[0] : v

export function principalOf(
  emu: Emu,
  headers: IncomingHttpHeaders,
  account: string
): Principal | undefined {
  for (const token of tokensOf(headers, account)) {
    const app = emu.credentials.app(token)

    if (app) return app.account === account ? app : undefined
    // Users are the account's own (its state is VTEX ID for that account).
    const user =
      emu.state.account === account ? emu.state.users.get(token) : undefined

    if (user)
      return {
        kind: 'user',
        token,
        account,
        userId: user.userId,
        email: user.email,
        resources: user.resources ?? [],
      }
  }

  const appKey = first(headers['x-vtex-api-appkey'])
  const appToken = first(headers['x-vtex-api-apptoken'])
  const pair =
    appKey && appToken ? emu.credentials.appKey(appKey, appToken) : undefined

  return pair && pair.account === account ? pair : undefined
}

const describe = (p: Principal) =>
  p.kind === 'app'
    ? `App ${p.appId}`
    : p.kind === 'user'
    ? `User ${p.email}`
    : `App key ${p.appKey}`

/** null when the request may proceed; otherwise VTEX's refusal. */
export function authorize(
  emu: Emu,
  route: Route,
  headers: IncomingHttpHeaders,
  account: string
): Reply | null {
  const rule = accessOf(route.method, route.template)
  const access = rule?.access ?? { kind: 'authenticated' as const }

  if (access.kind === 'public') return null
  const principal = principalOf(emu, headers, account)

  if (!principal) return unauthorized()
  if (access.kind === 'infra') {
    if (principal.kind !== 'app') return unauthorized()
    if (
      access.policies.length &&
      !access.policies.some((p) => principal.policies.has(p))
    )
      return forbidden(describe(principal), access.policies)

    return null
  }

  const policies = access.policies ?? []

  if (principal.kind === 'app') {
    if (access.kind === 'authenticated' && policies.length === 0) return null

    return policies.some((p) => principal.policies.has(p))
      ? null
      : forbidden(describe(principal), policies)
  }

  if (access.kind === 'authenticated') return null
  const held = principal.resources

  return held.includes(ALL_RESOURCES) ||
    access.resources.some((r) => held.includes(r))
    ? null
    : forbidden(describe(principal), access.resources)
}

/** IO infra and loopback: reached by the runtime itself, never through the egress policy. */
const NOT_EGRESS =
  /^(infra\.io\.vtex\.com|platform\.io\.vtex\.com|app\.io\.vtex\.com|[a-z0-9-]+\.[a-z0-9-]+\.vtex\.io|localhost|127\.0\.0\.1|\[?::1\]?)$/i

const glob = (pattern: string) =>
  new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
    'i'
  )

/**
 * IO's egress: a call an app makes (recognised by its token in any header) to a host and path no
 * `outbound-access` policy of its manifest covers is refused with 403 and the role-link message
 * IO prints (vtex/vtex-courses#234: "Role link:<app> in <account>/<workspace> cannot perform
 * action GET on resource vrn:proxy:..."). `{{account}}` in a policy is the app's account.
 */
export function egress(
  emu: Emu,
  headers: IncomingHttpHeaders,
  method: string,
  host: string,
  path: string
): Reply | null {
  const app = appOfRequest(emu.credentials, headers)

  if (!app || NOT_EGRESS.test(host)) return null
  const allowed = app.outbound.some((rule) => {
    const fill = (s: string) => s.replace(/\{\{account\}\}/g, app.account)

    return glob(fill(rule.host)).test(host) && glob(fill(rule.path)).test(path)
  })

  if (allowed) return null
  emu.egress.blocked += 1
  emu.egress.log.push({
    at: new Date().toISOString(),
    appId: app.appId,
    method,
    host,
    path,
  })
  if (emu.egress.log.length > 1000) emu.egress.log.shift()
  const workspace = 'master'

  return {
    status: 403,
    raw: `Role link:${app.appId} in ${app.account}/${workspace} cannot perform action ${method} on resource vrn:proxy:aws-us-east-1:${app.account}:${workspace}:${host}${path}`,
  }
}
