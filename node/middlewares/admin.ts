import type { AdminContext } from '../directives/adminOnly'
import { requireAdmin } from '../directives/adminOnly'

/** Private routes are for admins only, the same check as the GraphQL @adminOnly directive. */
export async function adminOnly(ctx: AdminContext, next: () => Promise<void>) {
  ctx.admin = await requireAdmin(ctx)
  await next()
}
