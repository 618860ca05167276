import type { ServiceContext } from '@vtex/api'
import { defaultFieldResolver } from 'graphql'
import type { GraphQLField } from 'graphql'
import { SchemaDirectiveVisitor } from 'graphql-tools'

import type { Clients } from '../clients'
import { adminRole, authenticateAdmin, userToken } from '../services/adminAuth'
import type { AdminUser } from '../services/adminAuth'
import { applyBudgetSettings } from '../services/budgetSettings'

export type AdminContext = ServiceContext<Clients> & { admin?: AdminUser }

/** `@adminOnly`: the field resolves only for an authenticated admin, who is put on ctx for the audit. */
export class AdminOnly extends SchemaDirectiveVisitor {
  public visitFieldDefinition(field: GraphQLField<unknown, AdminContext>) {
    const { resolve = defaultFieldResolver } = field

    field.resolve = async (root, args, ctx, info) => {
      ctx.admin = await requireAdmin(ctx)

      return resolve(root, args, ctx, info)
    }
  }
}

export async function requireAdmin(ctx: AdminContext): Promise<AdminUser> {
  if (ctx.admin) return ctx.admin
  // Operator actions and the sweeps they start spend the operator's budget too.
  await applyBudgetSettings(() =>
    ctx.clients.apps.getAppSettings(process.env.VTEX_APP_ID ?? '')
  )
  const role = await adminRole(() =>
    ctx.clients.apps.getAppSettings(process.env.VTEX_APP_ID ?? '')
  )

  const token = userToken(
    (name) => ctx.get(name) || undefined,
    (name) => ctx.cookies.get(name) ?? undefined
  )

  return authenticateAdmin(
    { vtexId: ctx.clients.vtexId, licenseManager: ctx.clients.licenses },
    ctx.vtex.account,
    token,
    role
  )
}
