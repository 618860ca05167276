import type { ServiceContext } from '@vtex/api'

import { REQUEST_BUDGET_MS, withDeadline } from '../clients/deadline'

/**
 * Maps errors to status codes with a code, never a stack or a credential; the route's upstream
 * calls stop retrying before IO's timeout cuts the request (clients/deadline.ts).
 */
export async function errorHandler(
  ctx: ServiceContext,
  next: () => Promise<void>
) {
  try {
    await withDeadline(REQUEST_BUDGET_MS, next)
  } catch (error) {
    const status =
      (error as { status?: number; statusCode?: number }).status ?? 500

    const code = status === 500 ? 'INTERNAL_ERROR' : (error as Error).message

    if (status >= 500)
      ctx.vtex.logger.error({
        message: 'route-failed',
        route: ctx.vtex.route.id,
        error: String(error),
      })
    ctx.status = status
    ctx.body = { error: code }
  }
}
