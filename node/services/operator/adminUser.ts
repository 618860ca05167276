import { AuthenticationError, ForbiddenError } from '@vtex/api'

import type { LicenseManagerClient, VtexIdClient } from '../../clients/identity'

/**
 * The License Manager pair an operator's role must hold: the Catalog product's "Edit Product"
 * resource, the one VTEX requires to write a product's trade-policy association. Every root
 * field of graphql/schema.graphql names the same pair in its @auth (a test checks they agree);
 * README, "The operators' role", says why this pair and how to grant it.
 */
export const ADMIN_RESOURCE = {
  productCode: '2',
  resourceCode: 'EditProduct',
} as const

export interface AdminUser {
  userId: string
  email: string
}

type Deps = {
  vtexId: Pick<VtexIdClient, 'authenticatedUser'>
  licenseManager: Pick<LicenseManagerClient, 'granted'>
}

/** The user token as IO delivers it: the VtexIdclientAutCookie cookie, else the header. */
export function userToken(
  get: (name: string) => string | undefined,
  cookie: (name: string) => string | undefined
) {
  return (
    cookie('VtexIdclientAutCookie') || get('VtexIdclientAutCookie') || undefined
  )
}

/**
 * Who owns the token, as VTEX ID says, if that user belongs to this account. Nothing is cached:
 * a request asks once (the caller keeps the answer for the request), so no verdict outlives a
 * revoked token or crosses accounts.
 */
export async function identifyUser(
  deps: Pick<Deps, 'vtexId'>,
  account: string,
  token: string | undefined
): Promise<AdminUser> {
  if (!token) throw new AuthenticationError('UNAUTHENTICATED')
  const user = await deps.vtexId.authenticatedUser(token)

  if (!user || user.account !== account)
    throw new AuthenticationError('UNAUTHENTICATED')

  return { userId: user.userId, email: user.user }
}

/**
 * The check @vtex/api's @auth makes for GraphQL fields, for a private route: a VTEX ID user of
 * this account whose roles grant ADMIN_RESOURCE in License Manager.
 */
export async function authorizeAdmin(
  deps: Deps,
  account: string,
  token: string | undefined
): Promise<AdminUser> {
  const user = await identifyUser(deps, account, token)
  const granted = await deps.licenseManager.granted(
    user.email,
    ADMIN_RESOURCE.productCode,
    ADMIN_RESOURCE.resourceCode
  )

  if (!granted) throw new ForbiddenError('FORBIDDEN')

  return user
}
