import type { AdminContext } from '../resolvers/operatorContext'
import { depsOf } from '../services/compose'
import { skuState, viewOfDecision } from '../services/operator/exposures'

/** GET /_v/private/marketplace-stock-gate/skus/:skuId: the SKU's decisions on every channel, as JSON. */
export async function skuExposures(
  ctx: AdminContext,
  next: () => Promise<void>
) {
  const { skuId } = ctx.vtex.route.params as { skuId: string }

  if (!/^\d{1,19}$/.test(skuId)) {
    ctx.status = 400
    ctx.body = { error: 'INVALID_SKU_ID' }

    return
  }

  const state = await skuState(depsOf(ctx), skuId)

  ctx.set('Cache-Control', 'no-store')
  if (!state) {
    ctx.status = 404
    ctx.body = { error: 'SKU_NOT_EVALUATED' }
  } else {
    ctx.body = {
      skuId,
      exposures: Object.values(state.decisions).map((d) =>
        viewOfDecision(state, d)
      ),
    }
  }

  await next()
}
