import type { AdminContext } from '../resolvers/operatorContext'
import { applyOperatorBudget } from '../resolvers/operatorContext'
import { authorizeAdmin, userToken } from '../services/operator/adminUser'

/**
 * Private routes get the check @auth makes for GraphQL fields (VTEX ID, then License Manager
 * for the same pair), through the app's clients; the operator is kept for the request.
 */
export async function adminOnly(ctx: AdminContext, next: () => Promise<void>) {
  const token = userToken(
    (name) => ctx.get(name) || undefined,
    (name) => ctx.cookies.get(name) ?? undefined
  )

  const admin = await authorizeAdmin(
    { vtexId: ctx.clients.vtexId, licenseManager: ctx.clients.licenses },
    ctx.vtex.account,
    token
  )

  ctx.admin = Promise.resolve(admin)
  await applyOperatorBudget(ctx)
  await next()
}
