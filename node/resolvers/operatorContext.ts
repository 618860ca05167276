import type { ServiceContext } from '@vtex/api'

import type { Clients } from '../clients'
import type { AdminUser } from '../services/operator/adminUser'
import { identifyUser, userToken } from '../services/operator/adminUser'
import { applyBudgetSettings } from '../services/operator/budgetSettings'

/** A request to the admin API; `admin` is the operator behind it, looked up once per request. */
export type AdminContext = ServiceContext<Clients> & {
  admin?: Promise<AdminUser>
}

const tokenOf = (ctx: AdminContext) =>
  userToken(
    (name) => ctx.get(name) || undefined,
    (name) => ctx.cookies.get(name) ?? undefined
  )

/**
 * The operator (e-mail, id) for the audit. @auth has already checked the role, but it keeps no
 * identity, so this asks VTEX ID once per request and keeps the promise on the request itself.
 */
function operatorOf(ctx: AdminContext): Promise<AdminUser> {
  ctx.admin ??= identifyUser(
    { vtexId: ctx.clients.vtexId },
    ctx.vtex.account,
    tokenOf(ctx)
  )

  return ctx.admin
}

export const actorOf = async (ctx: AdminContext) =>
  (await operatorOf(ctx)).email

/** What an operator does spends the budget in the app's settings (applied at most once a minute). */
export const applyOperatorBudget = (ctx: AdminContext) =>
  applyBudgetSettings(ctx.clients.memory.account(ctx.vtex.account), () =>
    ctx.clients.apps.getAppSettings(process.env.VTEX_APP_ID ?? '')
  )

type Resolver = (
  root: never,
  args: never,
  ctx: AdminContext,
  info: never
) => unknown

/** Root resolvers behind @auth: the operator's budget applies before each field resolves. */
export function operatorResolvers<T extends Record<string, Resolver>>(
  resolvers: T
): T {
  const wrap =
    (resolve: Resolver): Resolver =>
    async (root, args, ctx, info) => {
      await applyOperatorBudget(ctx)

      return resolve(root, args, ctx, info)
    }

  return Object.fromEntries(
    Object.entries(resolvers).map(([name, resolve]) => [name, wrap(resolve)])
  ) as T
}
