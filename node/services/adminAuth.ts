import { AuthenticationError, ForbiddenError } from '@vtex/api'

import type { LicenseManagerClient, VtexIdClient } from '../clients/identity'
import { TtlCache } from './cache'

export interface AdminUser {
  userId: string
  email: string
}

export interface AdminRole {
  productCode: string
  resourceCode: string
}

const verdicts = new Map<
  string,
  { at: number; user: AdminUser | null; code?: 'UNAUTHENTICATED' | 'FORBIDDEN' }
>()

const VERDICT_TTL_MS = 60_000

/**
 * An admin is a VTEX ID user of this account holding the License Manager resource named in
 * the app's settings. Verdicts are cached for a minute per token (in memory, never logged).
 */
export async function authenticateAdmin(
  deps: {
    vtexId: Pick<VtexIdClient, 'authenticatedUser'>
    licenseManager: Pick<LicenseManagerClient, 'granted'>
  },
  account: string,
  token: string | undefined,
  role: AdminRole
): Promise<AdminUser> {
  if (!token) throw new AuthenticationError('UNAUTHENTICATED')
  const key = `${account}:${role.productCode}:${role.resourceCode}:${token}`
  const cached = verdicts.get(key)

  if (cached && Date.now() - cached.at < VERDICT_TTL_MS) return verdict(cached)
  const user = await deps.vtexId.authenticatedUser(token)
  let entry: {
    at: number
    user: AdminUser | null
    code?: 'UNAUTHENTICATED' | 'FORBIDDEN'
  }

  if (!user || (user.account && user.account !== account)) {
    entry = { at: Date.now(), user: null, code: 'UNAUTHENTICATED' }
  } else {
    const granted = await deps.licenseManager.granted(
      user.user,
      role.productCode,
      role.resourceCode
    )

    entry = granted
      ? { at: Date.now(), user: { userId: user.userId, email: user.user } }
      : { at: Date.now(), user: null, code: 'FORBIDDEN' }
  }

  if (verdicts.size > 10_000) verdicts.clear()
  verdicts.set(key, entry)

  return verdict(entry)
}

function verdict(entry: { user: AdminUser | null; code?: string }): AdminUser {
  if (entry.user) return entry.user
  if (entry.code === 'FORBIDDEN') throw new ForbiddenError('FORBIDDEN')
  throw new AuthenticationError('UNAUTHENTICATED')
}

const roleCache = new TtlCache<AdminRole>(60_000)

export const DEFAULT_ROLE: AdminRole = {
  productCode: '2',
  resourceCode: 'Catalog',
}

/** The admin role from the app's settings (manifest settingsSchema), cached for a minute. */
export function adminRole(
  loadSettings: () => Promise<Record<string, unknown> | null | undefined>
) {
  return roleCache.get(async () => {
    const settings = (await loadSettings().catch(() => null)) ?? {}

    return {
      productCode:
        typeof settings.adminProductCode === 'string'
          ? settings.adminProductCode
          : DEFAULT_ROLE.productCode,
      resourceCode:
        typeof settings.adminResourceCode === 'string'
          ? settings.adminResourceCode
          : DEFAULT_ROLE.resourceCode,
    }
  })
}

/** The user token as IO delivers it: the admin's VtexIdclientAutCookie cookie, or the header. */
export function userToken(
  get: (name: string) => string | undefined,
  cookie: (name: string) => string | undefined
) {
  return (
    cookie('VtexIdclientAutCookie') ?? get('VtexIdclientAutCookie') ?? undefined
  )
}
