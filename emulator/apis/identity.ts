import type { RouteDef } from '../server/http'
import { badRequest, bodyOf, isObject, json } from '../server/http'

/** VTEX ID (who owns a user token), License Manager (is a login granted a resource), app settings. */
export const identityRoutes: RouteDef[] = [
  {
    api: 'identity',
    method: 'GET',
    template: '/api/vtexid/pub/authenticated/user',
    accountless: true,
    handler: (ctx) => {
      const token = ctx.query.get('authToken') ?? ''
      // A user token names its account (VTEX ID's host is the same for every account): the
      // account whose users hold it answers.
      const owner =
        [ctx.emu, ...ctx.emu.peers.values()].find((e) =>
          e.state.users.has(token)
        ) ?? ctx.emu

      const user = owner.state.users.get(token)

      // Unknown or expired tokens answer 200 with a JSON null, like VTEX ID.
      if (!user) return json(200, null)

      return json(200, {
        userId: user.userId,
        user: user.email,
        userType: 'F',
        account: owner.config.account,
      })
    },
  },
  {
    api: 'identity',
    method: 'GET',
    template:
      '/api/license-manager/pvt/accounts/{account}/products/{productCode}/logins/{email}/resources/{resourceCode}/granted',
    handler: (ctx) => {
      const { productCode, resourceCode } = ctx.params
      const email = ctx.params.email.toLowerCase()
      const user = Array.from(ctx.emu.state.users.values()).find(
        (u) => u.email.toLowerCase() === email
      )

      // true only if one of the user's roles holds this product's resource (keys compare as
      // License Manager's own keys: exactly).
      return json(
        200,
        !!user &&
          (user.roles ?? []).some(
            (r) =>
              r.productCode === productCode && r.resourceCode === resourceCode
          )
      )
    },
  },
]

const SETTINGS = '/apps/v0/{account}/{workspace}/apps/{appId}/settings'
const settingsKey = (workspace: string, appId: string) =>
  `${workspace}/${appId.split('@')[0]}`

export const appsRoutes: RouteDef[] = [
  {
    api: 'apps',
    method: 'GET',
    template: SETTINGS,
    handler: (ctx) =>
      json(
        200,
        ctx.emu.state.appSettings.get(
          settingsKey(ctx.workspace, ctx.params.appId)
        ) ?? {}
      ),
  },
  {
    api: 'apps',
    method: 'PUT',
    template: SETTINGS,
    handler: (ctx) => {
      const body = bodyOf(ctx)

      if (!isObject(body)) return badRequest('Expected a JSON object body')
      ctx.emu.state.appSettings.set(
        settingsKey(ctx.workspace, ctx.params.appId),
        body
      )
      ctx.emu.onChange()

      return json(200, body)
    },
  },
]
