import type { InstanceOptions, IOContext } from '@vtex/api'

/**
 * Plain HTTP to IO's egress proxy, which upgrades to TLS: the header every VTEX API client sends.
 */
export const overHttps = (options?: InstanceOptions): InstanceOptions => ({
  ...options,
  headers: { ...options?.headers, 'X-Vtex-Use-Https': 'true' },
})

/** As above, authenticated as the app (its token carries the manifest's policies). */
export const asApp = (
  ctx: IOContext,
  options?: InstanceOptions
): InstanceOptions =>
  overHttps({
    ...options,
    headers: { ...options?.headers, VtexIdclientAutCookie: ctx.authToken },
  })
