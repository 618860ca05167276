import { availableFor, priceFor, warehousesFor } from '../world/availability'
import type { Ctx, RouteDef } from '../server/http'
import { badRequest, bodyOf, isObject, json } from '../server/http'

/**
 * Checkout simulation (storefront view, any seller): seller "1" answers from the marketplace's
 * own stock and prices; a third-party seller from its offer on an active binding.
 * `availability` is `available`, `withoutStock`, `cannotBeDelivered` or `withoutPriceFulfillment`.
 */
function simulate(ctx: Ctx) {
  const { state } = ctx.emu
  const body = bodyOf(ctx)

  if (!isObject(body) || !Array.isArray(body.items))
    return badRequest('items is required')
  const sc = ctx.query.get('sc') ?? '1'
  const reachable = warehousesFor(state, sc)
  const rows = (
    body.items as Array<{ id?: unknown; quantity?: unknown; seller?: unknown }>
  ).map((raw, index) => {
    const id = String(raw.id)
    const seller = String(raw.seller ?? '1')
    const requested = Number(raw.quantity ?? 1)
    const sku = state.skus.get(Number(id))
    const product = sku && state.products.get(sku.ProductId)
    const inPolicy =
      !!product && state.policiesOf(product.Id).includes(Number(sc))

    const active =
      !!sku && !!product && sku.IsActive && product.IsActive && inPolicy

    let stock = 0
    let price: number | null = null
    let listPrice: number | null = null

    if (active && seller === '1') {
      const p = priceFor(state, id, sc)

      stock = availableFor(state, id, sc, reachable)
      price = p?.sellingPrice ?? null
      listPrice = p?.listPrice ?? null
    } else if (active) {
      const binding = (state.bindings.get(Number(id)) ?? []).find(
        (b) => b.SellerId === seller
      )

      const sellerActive = state.sellers.get(seller)?.IsActive === true

      if (binding?.IsActive && sellerActive && binding.offer) {
        stock = binding.offer.quantity
        price = binding.offer.price
        listPrice = binding.offer.price
      }
    }

    const availability =
      !active || (seller !== '1' && price === null)
        ? 'cannotBeDelivered'
        : price === null
        ? 'withoutPriceFulfillment'
        : stock > 0
        ? 'available'
        : 'withoutStock'

    const quantity =
      availability === 'available' ? Math.min(requested, stock) : 0

    const cents = (value: number | null) =>
      value === null ? 0 : Math.round(value * 100)

    return {
      item: {
        id,
        requestIndex: index,
        quantity,
        seller,
        sellerChain: [seller],
        tax: 0,
        priceValidUntil: new Date(Date.now() + 86400_000).toISOString(),
        price: cents(price),
        listPrice: cents(listPrice),
        rewardValue: 0,
        sellingPrice: cents(price),
        offerings: [],
        priceTags: [],
        measurementUnit: 'un',
        unitMultiplier: 1,
        parentItemIndex: null,
        parentAssemblyBinding: null,
        availability,
        priceDefinition: {
          calculatedSellingPrice: cents(price),
          total: cents(price) * quantity,
          sellingPrices: [{ value: cents(price), quantity }],
        },
      },
      logistics: {
        itemIndex: index,
        addressId: null,
        selectedSla: null,
        selectedDeliveryChannel: null,
        quantity,
        shipsTo: ['BRA'],
        slas: [],
        deliveryChannels: [{ id: 'delivery' }],
      },
    }
  })

  return json(200, {
    items: rows.map((r) => r.item),
    ratesAndBenefitsData: { rateAndBenefitsIdentifiers: [], teaser: [] },
    paymentData: {
      installmentOptions: [],
      paymentSystems: [],
      payments: [],
      giftCards: [],
      giftCardMessages: [],
      availableAccounts: [],
      availableTokens: [],
    },
    selectableGifts: [],
    marketingData: null,
    postalCode: typeof body.postalCode === 'string' ? body.postalCode : '',
    country: typeof body.country === 'string' ? body.country : 'BRA',
    logisticsInfo: rows.map((r) => r.logistics),
    messages: [],
    purchaseConditions: { itemPurchaseConditions: [] },
    pickupPoints: [],
    subscriptionData: null,
    totals: [
      {
        id: 'Items',
        name: 'Items Total',
        value: rows.reduce((sum, r) => sum + r.item.priceDefinition.total, 0),
      },
    ],
    itemMetadata: null,
  })
}

export const checkoutRoutes: RouteDef[] = [
  {
    api: 'fulfillment',
    method: 'POST',
    template: '/api/checkout/pub/orderForms/simulation',
    spec: {
      file: 'Checkout API',
      path: '/api/checkout/pub/orderForms/simulation',
    },
    handler: simulate,
  },
]
