import type { InstanceOptions, IOContext } from '@vtex/api'
import { ExternalClient, JanusClient } from '@vtex/api'

import { asApp, overHttps } from './options'
import { accountMemoryOf } from './memory'
import { upstreamFor } from './resilience'
import type { Upstream } from './resilience'

export interface AuthenticatedUser {
  userId: string
  user: string // e-mail
  userType?: string
  account?: string
}

/** VTEX ID: who owns a user token (the admin's VtexIdclientAutCookie). */
export class VtexIdClient extends ExternalClient {
  /** Budget and circuits of this client's account. */
  private get upstream(): Upstream {
    return upstreamFor(accountMemoryOf(this))
  }

  constructor(ctx: IOContext, options?: InstanceOptions) {
    super('http://vtexid.vtex.com.br', ctx, overHttps(options))
  }

  public async authenticatedUser(
    userToken: string
  ): Promise<AuthenticatedUser | null> {
    const user = await this.upstream('identity', () =>
      this.http.get<AuthenticatedUser | null>(
        '/api/vtexid/pub/authenticated/user',
        {
          params: { authToken: userToken },
          metric: 'vtexid-authenticated-user',
        }
      )
    )

    return user && user.userId ? user : null
  }
}

/** License Manager: does a login hold a resource (the admin role's permission)? */
export class LicenseManagerClient extends JanusClient {
  /** Budget and circuits of this client's account. */
  private get upstream(): Upstream {
    return upstreamFor(accountMemoryOf(this))
  }

  constructor(ctx: IOContext, options?: InstanceOptions) {
    super(ctx, asApp(ctx, options))
  }

  public async granted(
    login: string,
    productCode: string,
    resourceCode: string
  ): Promise<boolean> {
    const { account } = this.context
    const path = `/api/license-manager/pvt/accounts/${account}/products/${encodeURIComponent(
      productCode
    )}/logins/${encodeURIComponent(login)}/resources/${encodeURIComponent(
      resourceCode
    )}/granted`

    const granted = await this.upstream('identity', () =>
      this.http.get<boolean>(path, { metric: 'license-manager-granted' })
    )

    return granted === true
  }
}
