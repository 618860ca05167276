import { availableFor, priceFor, warehousesFor } from '../world/availability'
import type { Ctx, RouteDef } from '../server/http'
import {
  badRequest,
  bodyOf,
  empty,
  field,
  isObject,
  json,
  notFound,
} from '../server/http'
import type { Affiliate } from '../world/types'

const spec = (path: string) => ({ file: 'Marketplace APIs', path })
const AFFILIATE_ID = /^[b-df-hj-np-tv-z]{3}$/i

function affiliateOut(a: Affiliate) {
  return { ...a }
}

function saveAffiliate(ctx: Ctx) {
  const id = ctx.params.affiliateId

  if (!AFFILIATE_ID.test(id))
    return badRequest('Affiliate id must be three consonants')
  const body = bodyOf(ctx)

  if (!isObject(body)) return badRequest('Expected a JSON object body')
  const previous = ctx.emu.state.affiliates.get(id)
  // VTEX's own io-clients send `searchURIEndPoint`; field() reads either casing.
  const versions = field(body, 'searchURIEndpointAvailableVersions')
  const affiliate: Affiliate = {
    id,
    name: String(field(body, 'name') ?? previous?.name ?? id),
    followUpEmail: String(
      field(body, 'followUpEmail') ?? previous?.followUpEmail ?? ''
    ),
    salesChannel: String(
      field(body, 'salesChannel') ?? previous?.salesChannel ?? '1'
    ),
    searchURIEndpoint:
      (field(body, 'searchURIEndpoint') as string | null | undefined) ??
      previous?.searchURIEndpoint ??
      null,
    searchURIEndpointVersion: String(
      field(body, 'searchURIEndpointVersion') ?? '1.x.x'
    ),
    searchURIEndpointAvailableVersions: Array.isArray(versions)
      ? versions.map(String)
      : ['1.x.x'],
    useSellerPaymentMethod: field(body, 'useSellerPaymentMethod') === true,
    minimumValueAccumulated:
      (field(body, 'minimumValueAccumulated') as number | null | undefined) ??
      null,
  }

  ctx.emu.state.affiliates.set(id, affiliate)
  ctx.emu.onChange()

  return empty(204)
}

interface SimItem {
  id: string
  quantity: number
  seller: string
}

/**
 * What an affiliate sees: the marketplace's own stock (seller "1") reachable from trade
 * policy `sc`, priced from that policy's price table; anything not sellable there comes back
 * with quantity 0 and a message.
 */
function simulate(ctx: Ctx) {
  const { state } = ctx.emu
  const body = bodyOf(ctx)

  if (!isObject(body) || !Array.isArray(body.items))
    return badRequest('items is required')
  const affiliateId =
    ctx.query.get('affiliateId') ?? ctx.query.get('affiliateid')

  const affiliate = affiliateId ? state.affiliates.get(affiliateId) : undefined

  if (affiliateId && !affiliate)
    return badRequest(`Affiliate ${affiliateId} not found`)
  const sc = ctx.query.get('sc') ?? affiliate?.salesChannel ?? '1'
  const reachable = warehousesFor(state, sc)
  const messages: Array<Record<string, unknown>> = []
  const items = (body.items as SimItem[]).map((raw, index) => {
    const id = String(raw.id)
    const requested = Number(raw.quantity ?? 1)
    const seller = String(raw.seller ?? '1')
    const sku = state.skus.get(Number(id))
    const product = sku && state.products.get(sku.ProductId)
    const price = priceFor(state, id, sc)
    let reason: string | null = null

    if (!sku || !product) reason = 'ORD002'
    else if (seller !== '1') reason = 'ORD011'
    else if (!sku.IsActive || !product.IsActive) reason = 'ORD004'
    else if (!state.policiesOf(product.Id).includes(Number(sc)))
      reason = 'ORD028'
    else if (!price) reason = 'ORD027'
    const stock = reason ? 0 : availableFor(state, id, sc, reachable)

    if (!reason && stock <= 0) reason = 'ORD006'
    if (reason)
      messages.push({
        code: reason,
        text: `Item ${id} is not available in trade policy ${sc}`,
        status: 'error',
        fields: { itemIndex: String(index), skuName: sku?.Name ?? id },
      })
    const quantity = Math.min(requested, stock)

    return {
      item: {
        id,
        requestIndex: index,
        quantity,
        seller,
        merchantName: state.account,
        priceValidUntil: price
          ? new Date(Date.now() + 86400_000).toISOString()
          : null,
        price: price ? Math.round(price.sellingPrice * 100) : 0,
        listPrice: price ? Math.round(price.listPrice * 100) : 0,
        priceTags: [],
        measurementUnit: 'un',
        unitMultiplier: 1,
        offerings: [],
        attachmentOfferings: [],
      },
      logistics: {
        itemIndex: index,
        addressId: null,
        selectedSla: null,
        selectedDeliveryChannel: null,
        quantity,
        shipsTo: ['BRA'],
        slas: [],
        stockBalance: stock,
        deliveryChannels: [{ id: 'delivery', stockBalance: stock }],
      },
    }
  })

  return json(200, {
    items: items.map((i) => i.item),
    ratesAndBenefitsData: null,
    paymentData: null,
    selectableGifts: [],
    marketingData: null,
    postalCode: typeof body.postalCode === 'string' ? body.postalCode : '',
    country: typeof body.country === 'string' ? body.country : 'BRA',
    logisticsInfo: items.map((i) => i.logistics),
    messages,
    purchaseConditions: null,
    pickupPoints: [],
    subscriptionData: null,
    totals: [],
    itemMetadata: null,
    allowMultipleDeliveries: true,
  })
}

export const fulfillmentRoutes: RouteDef[] = [
  {
    api: 'fulfillment',
    method: 'GET',
    template: '/api/fulfillment/pvt/affiliates',
    spec: spec('/fulfillment/pvt/affiliates'),
    handler: (ctx) =>
      json(200, Array.from(ctx.emu.state.affiliates.values(), affiliateOut)),
  },
  {
    api: 'fulfillment',
    method: 'GET',
    template: '/api/fulfillment/pvt/affiliates/{affiliateId}',
    spec: spec('/fulfillment/pvt/affiliates/{affiliateId}'),
    handler: (ctx) => {
      const a = ctx.emu.state.affiliates.get(ctx.params.affiliateId)

      return a
        ? json(200, affiliateOut(a))
        : notFound(`Affiliate ${ctx.params.affiliateId}`)
    },
  },
  {
    api: 'fulfillment',
    method: 'PUT',
    template: '/api/fulfillment/pvt/affiliates/{affiliateId}',
    spec: spec('/fulfillment/pvt/affiliates/{affiliateId}'),
    handler: saveAffiliate,
  },
  {
    api: 'fulfillment',
    method: 'DELETE',
    template: '/api/fulfillment/pvt/affiliates/{affiliateId}',
    spec: spec('/fulfillment/pvt/affiliates/{affiliateId}'),
    handler: (ctx) => {
      if (!ctx.emu.state.affiliates.delete(ctx.params.affiliateId))
        return notFound(`Affiliate ${ctx.params.affiliateId}`)
      ctx.emu.onChange()

      return empty(204)
    },
  },
  {
    api: 'fulfillment',
    method: 'POST',
    template: '/api/fulfillment/pvt/orderForms/simulation',
    spec: {
      file: 'Marketplace Protocol - External Seller Fulfillment',
      path: '/pvt/orderForms/simulation',
    },
    handler: simulate,
  },
]
