import { randomBytes } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'

import type { AppManifest, OutboundRule } from './manifest'
import { appIdOf, outboundRules, policyNames } from './manifest'

/**
 * Who is calling: the tokens the emulator issued (an app token per app and account, as IO's
 * router issues one per request) and the integrations' AppKey/AppToken pairs. Users live in the
 * account's state (VTEX ID). Every principal names its account, so a second account only adds
 * entries, never a new kind of lookup.
 */

export interface AppPrincipal {
  kind: 'app'
  token: string
  appId: string
  account: string
  policies: Set<string>
  outbound: OutboundRule[]
}

export interface UserPrincipal {
  kind: 'user'
  token: string
  account: string
  userId: string
  email: string
  /** License Manager resources of the user's roles ("Product / Category / Resource"). */
  resources: string[]
}

export interface AppKeyPrincipal {
  kind: 'appKey'
  appKey: string
  account: string
  resources: string[]
}

export type Principal = AppPrincipal | UserPrincipal | AppKeyPrincipal

/** Every resource: the predefined role Owner (Admin Super) that the demo app key holds. */
export const ALL_RESOURCES = '*'

/** The AppKey/AppToken pair of README's curl examples (and the tests' setup calls). */
export const DEMO_APP_KEY = {
  appKey: 'vtexappkey-marketplacea-DEMO',
  appToken: 'DEMOAPPTOKENDEMOAPPTOKENDEMOAPPTOKEN',
}

/** An account's own demo key pair: a VTEX app key belongs to one account (marketplacea's is the above). */
export const demoAppKeyOf = (account: string) =>
  account === 'marketplacea'
    ? DEMO_APP_KEY
    : {
        appKey: `vtexappkey-${account}-DEMO`,
        appToken: `DEMO${account.toUpperCase()}TOKEN`,
      }

export class Credentials {
  private apps = new Map<string, AppPrincipal>()
  private appKeys = new Map<
    string,
    { appToken: string; principal: AppKeyPrincipal }
  >()

  /** Issues (or re-issues, keeping the same token) the app token of `manifest` on `account`. */
  public issueApp(manifest: AppManifest, account: string, token?: string) {
    const appId = appIdOf(manifest)
    const existing = Array.from(this.apps.values()).find(
      (p) => p.appId === appId && p.account === account
    )

    if (existing) this.apps.delete(existing.token)
    const principal: AppPrincipal = {
      kind: 'app',
      token:
        token ??
        existing?.token ??
        `emu-app-${randomBytes(16).toString('hex')}`,
      appId,
      account,
      policies: policyNames(manifest),
      outbound: outboundRules(manifest),
    }

    this.apps.set(principal.token, principal)

    return principal
  }

  public app(token: string | undefined): AppPrincipal | undefined {
    return token ? this.apps.get(token) : undefined
  }

  public addAppKey(
    appKey: string,
    appToken: string,
    account: string,
    resources: string[]
  ) {
    this.appKeys.set(appKey, {
      appToken,
      principal: { kind: 'appKey', appKey, account, resources },
    })
  }

  public appKey(appKey: string, appToken: string): AppKeyPrincipal | undefined {
    const entry = this.appKeys.get(appKey)

    return entry && entry.appToken === appToken ? entry.principal : undefined
  }
}

const one = (value: string | string[] | undefined) =>
  Array.isArray(value) ? value[0] : value

/** The user or app tokens a request carries, where VTEX reads them (Proxy-Authorization is not one). */
export function tokensOf(headers: IncomingHttpHeaders, account: string) {
  const tokens: string[] = []
  const header = one(headers.vtexidclientautcookie)

  if (header) tokens.push(header)
  for (const part of String(one(headers.cookie) ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=')
    const lower = name.toLowerCase()

    if (
      rest.length &&
      (lower === 'vtexidclientautcookie' ||
        lower === `vtexidclientautcookie_${account.toLowerCase()}`)
    )
      tokens.push(rest.join('='))
  }

  const authorization = one(headers.authorization)

  if (authorization) tokens.push(authorization.replace(/^Bearer\s+/i, ''))

  return tokens.filter(Boolean)
}

/** Any credential the egress proxy can tie to an app: its token in any header, Proxy-Authorization included. */
export function appOfRequest(
  credentials: Credentials,
  headers: IncomingHttpHeaders
): AppPrincipal | undefined {
  const candidates = [
    one(headers['proxy-authorization']),
    one(headers.vtexidclientautcookie),
    one(headers.authorization)?.replace(/^Bearer\s+/i, ''),
  ]

  for (const token of candidates) {
    const app = credentials.app(token)

    if (app) return app
  }

  return undefined
}
