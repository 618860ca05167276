import { expectedChannelView } from '../../domain/channelView'
import type {
  AssociationSource,
  ChannelTold as GraphqlChannelTold,
} from '../../typings/schema.generated'
import type { EngineDeps } from '../shared/deps'
import { skuState } from '../operator/exposures'
import { productStore } from '../shared/stores/states'

/**
 * What the app expects the channel to have been told about a SKU. VTEX has no API that says
 * what an affiliate received, so this is derived, and says so: the product's association as the
 * app last wrote (or read) it on the catalog, and the SKU's decision. VTEX notifies an affiliate
 * of every SKU of a product on its trade policy when the product or its stock changes, and sends
 * HasStockKeepingUnitRemovedFromAffiliate when the product leaves the trade policy; the channel
 * reads stock through the fulfillment simulation, which only counts the marketplace's own stock.
 * The GraphQL type (graphql/schema.graphql) without the cacheId the resolver adds; its `inSync`:
 * does the association the catalog has match what the decision needs (null: undecided).
 */
export type ChannelTold = Omit<GraphqlChannelTold, 'cacheId'>

export async function channelTold(
  deps: Pick<EngineDeps, 'docs' | 'audit'>,
  skuId: string,
  channel: string
): Promise<ChannelTold | null> {
  const state = await skuState(deps, skuId)
  const decision = state?.decisions[channel]

  if (!state || !decision) return null
  const productId = decision.productId ?? state.productId
  let associated: boolean | null = null
  let source: AssociationSource = 'UNKNOWN'
  let at: string | null = null

  if (productId) {
    const [{ value: product }, last] = await Promise.all([
      productStore(deps.docs).read(productId),
      deps.audit.latestWrite(productId, channel),
    ])

    associated = product.applied[channel] ?? null

    if (associated !== null) source = last ? 'APP_WRITE' : 'CATALOG_READ'
    at = last?.at ?? null
  }

  const expectedView = expectedChannelView({
    associated,
    status: decision.status,
    available: decision.available,
  })

  return {
    skuId,
    channel,
    productId,
    status: decision.status,
    available: decision.available,
    decidedAt: decision.changedAt,
    productAssociated: associated,
    associationSource: source,
    associationAt: at,
    expectedView,
    inSync:
      decision.productAssociated === null || associated === null
        ? null
        : decision.productAssociated === associated,
  }
}
