import { authPairs, grantKey } from '../auth/manifest'
import type { RouteDef } from '../http'
import { badRequest, bodyOf, isObject, json } from '../http'

/** VTEX ID (who owns a user token), License Manager (is a login granted a resource), app settings. */
export const identityRoutes: RouteDef[] = [
  {
    api: 'identity',
    method: 'GET',
    template: '/api/vtexid/pub/authenticated/user',
    accountless: true,
    handler: (ctx) => {
      const user = ctx.emu.state.users.get(ctx.query.get('authToken') ?? '')

      // Unknown or expired tokens answer 200 with a JSON null, like VTEX ID.
      if (!user) return json(200, null)

      return json(200, {
        userId: user.userId,
        user: user.email,
        userType: 'F',
        account: ctx.emu.config.account,
      })
    },
  },
  {
    api: 'identity',
    method: 'GET',
    template:
      '/api/license-manager/pvt/accounts/{account}/products/{productCode}/logins/{email}/resources/{resourceCode}/granted',
    handler: (ctx) => {
      const email = ctx.params.email.toLowerCase()
      const user = Array.from(ctx.emu.state.users.values()).find(
        (u) => u.email.toLowerCase() === email
      )

      const pair = grantKey(ctx.params.productCode, ctx.params.resourceCode)

      // The demo admin's role holds exactly what the app's @auth directives name; other roles
      // (POST /_emulator/users {roles}) may name pairs too.
      const granted =
        !!user &&
        ((user.admin && adminPairs().includes(pair)) ||
          (user.roles ?? []).map((r) => r.toLowerCase()).includes(pair))

      return json(200, granted)
    },
  },
]

let pairs: string[] | null = null
const adminPairs = () => (pairs ??= authPairs())

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
