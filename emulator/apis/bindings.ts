import type { Ctx, RouteDef } from '../server/http'
import {
  badRequest,
  bodyOf,
  empty,
  error,
  field,
  isObject,
  json,
  notFound,
} from '../server/http'
import type { Binding } from '../world/types'

const spec = (path: string) => ({ file: 'SKU Bindings API', path })

function adminOut(b: Binding) {
  return {
    IsPersisted: true,
    IsRemoved: false,
    SkuSellerId: b.Id,
    UpdateDate: b.UpdateDate,
    RequestedUpdateDate: null,
    SellerStockKeepingUnitId: b.SellerStockKeepingUnitId,
    SellerId: b.SellerId,
    StockKeepingUnitId: b.StockKeepingUnitId,
    IsActive: b.IsActive,
  }
}

function listOut(b: Binding) {
  return {
    SellerStockKeepingUnitId: b.SellerStockKeepingUnitId,
    FreightCommissionPercentage: b.FreightCommissionPercentage,
    ProductCommissionPercentage: b.ProductCommissionPercentage,
    SellerId: b.SellerId,
    StockKeepingUnitId: b.StockKeepingUnitId,
    IsActive: b.IsActive,
  }
}

/** Binding activation changes what the SKU context shows, so the SKU is notified. */
function setActive(ctx: Ctx, active: boolean) {
  const b = ctx.emu.state.bindingBySellerSku(
    ctx.params.sellerId,
    ctx.params.skuSellerId
  )

  if (!b)
    return notFound(
      `Seller SKU ${ctx.params.skuSellerId} of seller ${ctx.params.sellerId}`
    )
  if (b.IsActive !== active) {
    b.IsActive = active
    b.UpdateDate = new Date().toISOString()
    ctx.emu.effects.skuChanged(b.StockKeepingUnitId, {
      HasStockKeepingUnitModified: true,
    })
    ctx.emu.onChange()
  }

  return empty(200)
}

function allBindings(ctx: Ctx): Binding[] {
  return Array.from(ctx.emu.state.bindings.values()).flat()
}

export const bindingRoutes: RouteDef[] = [
  {
    api: 'catalog',
    method: 'GET',
    template: '/api/sku-binding/pvt/skusellers/{skuId}',
    spec: spec('/sku-binding/pvt/skusellers/{skuId}'),
    handler: (ctx) => {
      const rows = ctx.emu.state.bindings.get(Number(ctx.params.skuId)) ?? []

      return json(
        200,
        rows.map((b) => ({
          Id: b.Id,
          SellerId: b.SellerId,
          StockKeepingUnitId: b.StockKeepingUnitId,
          SellerSkuId: b.SellerStockKeepingUnitId,
          IsActive: b.IsActive,
          LastUpdateDate: b.UpdateDate,
          SalesPolicy: 0,
        }))
      )
    },
  },
  {
    api: 'catalog',
    method: 'GET',
    template: '/api/sku-binding/pvt/skuseller/list/bysellerId/{sellerId}',
    spec: spec('/sku-binding/pvt/skuseller/list/bysellerId/{sellerId}'),
    handler: (ctx) =>
      json(
        200,
        allBindings(ctx)
          .filter((b) => b.SellerId === ctx.params.sellerId)
          .map(listOut)
      ),
  },
  {
    api: 'catalog',
    method: 'GET',
    template: '/api/sku-binding/pvt/skuseller/{sellerId}/{sellerSkuId}',
    spec: spec('/sku-binding/pvt/skuseller/{sellerId}/{sellerSkuId}'),
    handler: (ctx) => {
      const b = ctx.emu.state.bindingBySellerSku(
        ctx.params.sellerId,
        ctx.params.sellerSkuId
      )

      return b
        ? json(200, adminOut(b))
        : notFound(
            `Seller SKU ${ctx.params.sellerSkuId} of seller ${ctx.params.sellerId}`
          )
    },
  },
  {
    api: 'catalog',
    method: 'GET',
    template: '/api/catalog_system/pvt/skuseller/{sellerId}/{sellerSkuId}',
    spec: {
      file: 'Catalog API',
      path: '/api/catalog_system/pvt/skuseller/{sellerId}/{sellerSkuId}',
    },
    handler: (ctx) => {
      const b = ctx.emu.state.bindingBySellerSku(
        ctx.params.sellerId,
        ctx.params.sellerSkuId
      )

      return b
        ? json(200, adminOut(b))
        : notFound(
            `Seller SKU ${ctx.params.sellerSkuId} of seller ${ctx.params.sellerId}`
          )
    },
  },
  {
    api: 'catalog',
    method: 'POST',
    template: '/api/sku-binding/pvt/skuseller/insertion',
    spec: spec('/sku-binding/pvt/skuseller/insertion'),
    handler: (ctx) => {
      const { state } = ctx.emu
      const body = bodyOf(ctx)

      if (!isObject(body)) return badRequest('Expected a JSON object body')
      const skuId = Number(field(body, 'StockKeepingUnitId'))
      const sellerId = String(field(body, 'SellerId') ?? '')
      const sellerSkuId = String(field(body, 'SellerStockKeepingUnitId') ?? '')

      if (!state.skus.has(skuId) || !sellerId || !sellerSkuId)
        return badRequest(
          'StockKeepingUnitId, SellerId and SellerStockKeepingUnitId are required'
        )
      if (state.bindingBySellerSku(sellerId, sellerSkuId))
        return error(409, 'Conflict', 'Binding already exists')
      const seller = state.sellers.get(sellerId)
      const binding: Binding = {
        Id: state.nextBindingId++,
        SellerId: sellerId,
        StockKeepingUnitId: skuId,
        SellerStockKeepingUnitId: sellerSkuId,
        IsActive: field(body, 'IsActive') === true,
        FreightCommissionPercentage: seller?.FreightCommissionPercentage ?? 0,
        ProductCommissionPercentage: seller?.ProductCommissionPercentage ?? 0,
        UpdateDate: new Date().toISOString(),
      }

      state.bindings.set(skuId, [...(state.bindings.get(skuId) ?? []), binding])
      state.bindingAdded(binding)
      ctx.emu.effects.skuChanged(skuId, { HasStockKeepingUnitModified: true })
      ctx.emu.onChange()

      return json(200, adminOut(binding))
    },
  },
  {
    api: 'catalog',
    method: 'POST',
    template:
      '/api/sku-binding/pvt/skuseller/activate/{sellerId}/{skuSellerId}',
    spec: spec('/sku-binding/pvt/skuseller/activate/{sellerId}/{skuSellerId}'),
    handler: (ctx) => setActive(ctx, true),
  },
  {
    api: 'catalog',
    method: 'POST',
    template:
      '/api/sku-binding/pvt/skuseller/inactivate/{sellerId}/{skuSellerId}',
    spec: spec(
      '/sku-binding/pvt/skuseller/inactivate/{sellerId}/{skuSellerId}'
    ),
    handler: (ctx) => setActive(ctx, false),
  },
]
