import type { Ctx, RouteDef } from '../server/http'
import {
  badRequest,
  bodyOf,
  empty,
  field,
  intParam,
  isObject,
  json,
  notFound,
} from '../server/http'
import type { Seller } from '../world/types'

const catalogSpec = (path: string) => ({ file: 'Catalog API', path })
const marketplaceSpec = (path: string) => ({ file: 'Marketplace APIs', path })

export function sellerOut(s: Seller) {
  return {
    SellerId: s.SellerId,
    Name: s.Name,
    Email: s.Email,
    Description: '',
    ExchangeReturnPolicy: '',
    DeliveryPolicy: '',
    UseHybridPaymentOptions: false,
    UserName: null,
    Password: null,
    SecutityPrivacyPolicy: '',
    CNPJ: '',
    CSCIdentification: s.SellerId,
    ArchiveId: null,
    UrlLogo: '',
    ProductCommissionPercentage: s.ProductCommissionPercentage,
    FreightCommissionPercentage: s.FreightCommissionPercentage,
    CategoryCommissionPercentage: '[]',
    FulfillmentEndpoint: s.FulfillmentEndpoint,
    CatalogSystemEndpoint: '',
    IsActive: s.IsActive,
    MerchantName: s.Name,
    FulfillmentSellerId: null,
    SellerType: s.SellerType,
    IsBetterScope: false,
    TrustPolicy: 'Default',
  }
}

/** seller-register's camelCase view (its GET responses are undocumented; POST body shape used). */
export function registerOut(
  s: Seller,
  channels: Array<{ Id: number; Name: string }>
) {
  return {
    id: s.SellerId,
    name: s.Name,
    isActive: s.IsActive,
    fulfillmentEndpoint: s.FulfillmentEndpoint ?? '',
    allowHybridPayments: false,
    taxCode: '',
    email: s.Email,
    description: '',
    sellerCommissionConfiguration: {
      productCommissionPercentage: s.ProductCommissionPercentage,
      freightCommissionPercentage: s.FreightCommissionPercentage,
      categoriesCommissionConfiguration: [],
    },
    isBetterScope: false,
    sellerType: s.SellerType,
    availableSalesChannels: channels.map((c) => ({
      isSelected: true,
      id: c.Id,
      name: c.Name,
    })),
    CSCIdentification: s.SellerId,
    account: s.SellerId === '1' ? '' : s.SellerId,
    channel: '',
    salesChannel: '1',
    isVtex: s.SellerId !== '1',
    exchangeReturnPolicy: '',
    deliveryPolicy: '',
    securityPrivacyPolicy: '',
    fulfillmentSellerId: null,
    user: null,
    password: null,
    catalogSystemEndpoint: '',
    trustPolicy: 'Default',
    score: 0,
    groups: [],
  }
}

function saveCatalogSeller(ctx: Ctx, idFromPath?: string) {
  const body = bodyOf(ctx)

  if (!isObject(body)) return badRequest('Expected a JSON object body')
  const id = idFromPath ?? String(field(body, 'SellerId') ?? '')

  if (!id) return badRequest('SellerId is required')
  const previous = ctx.emu.state.sellers.get(id)
  const seller: Seller = {
    SellerId: id,
    Name: String(field(body, 'Name') ?? previous?.Name ?? id),
    Email: String(field(body, 'Email') ?? previous?.Email ?? ''),
    IsActive: (field(body, 'IsActive') ?? previous?.IsActive ?? true) === true,
    FulfillmentEndpoint:
      (field(body, 'FulfillmentEndpoint') as string | null | undefined) ??
      previous?.FulfillmentEndpoint ??
      null,
    SellerType: Number(field(body, 'SellerType') ?? previous?.SellerType ?? 1),
    ProductCommissionPercentage: Number(
      field(body, 'ProductCommissionPercentage') ??
        previous?.ProductCommissionPercentage ??
        0
    ),
    FreightCommissionPercentage: Number(
      field(body, 'FreightCommissionPercentage') ??
        previous?.FreightCommissionPercentage ??
        0
    ),
  }

  ctx.emu.state.sellers.set(id, seller)
  ctx.emu.onChange()

  return json(200, sellerOut(seller))
}

const getSeller = (ctx: Ctx) => {
  const s = ctx.emu.state.sellers.get(ctx.params.sellerId)

  return s ? json(200, sellerOut(s)) : notFound(`Seller ${ctx.params.sellerId}`)
}

export const sellerRoutes: RouteDef[] = [
  {
    api: 'catalog',
    method: 'GET',
    template: '/api/catalog_system/pvt/seller/list',
    spec: catalogSpec('/api/catalog_system/pvt/seller/list'),
    handler: (ctx) => {
      const type = ctx.query.get('sellerType')
      const sellers = Array.from(ctx.emu.state.sellers.values()).filter(
        (s) => !type || String(s.SellerType) === type
      )

      return json(200, sellers.map(sellerOut))
    },
  },
  {
    api: 'catalog',
    method: 'GET',
    template: '/api/catalog_system/pvt/seller/{sellerId}',
    spec: catalogSpec('/api/catalog_system/pvt/seller/{sellerId}'),
    handler: getSeller,
  },
  {
    api: 'catalog',
    method: 'GET',
    template: '/api/catalog_system/pvt/sellers/{sellerId}',
    spec: catalogSpec('/api/catalog_system/pvt/sellers/{sellerId}'),
    handler: getSeller,
  },
  {
    api: 'catalog',
    method: 'POST',
    template: '/api/catalog_system/pvt/seller',
    spec: catalogSpec('/api/catalog_system/pvt/seller'),
    handler: (ctx) => saveCatalogSeller(ctx),
  },
  {
    api: 'catalog',
    method: 'PUT',
    template: '/api/catalog_system/pvt/seller',
    spec: catalogSpec('/api/catalog_system/pvt/seller'),
    handler: (ctx) => saveCatalogSeller(ctx),
  },
  {
    api: 'catalog',
    method: 'POST',
    template: '/api/catalog_system/pvt/seller/{sellerId}',
    handler: (ctx) => saveCatalogSeller(ctx, ctx.params.sellerId),
  },
  {
    api: 'catalog',
    method: 'GET',
    template: '/api/seller-register/pvt/sellers',
    spec: marketplaceSpec('/seller-register/pvt/sellers'),
    handler: (ctx) => {
      const { state } = ctx.emu
      const channels = Array.from(state.salesChannels.values())
      const from = intParam(ctx.query.get('from'), 0)
      const to = intParam(ctx.query.get('to'), from + 15)
      const active = ctx.query.get('isActive')
      const all = Array.from(state.sellers.values()).filter(
        (s) => active === null || String(s.IsActive) === active
      )

      return json(200, {
        paging: { from, to, total: all.length },
        items: all.slice(from, to).map((s) => registerOut(s, channels)),
      })
    },
  },
  {
    api: 'catalog',
    method: 'GET',
    template: '/api/seller-register/pvt/sellers/{sellerId}',
    spec: marketplaceSpec('/seller-register/pvt/sellers/{sellerId}'),
    handler: (ctx) => {
      const s = ctx.emu.state.sellers.get(ctx.params.sellerId)

      return s
        ? json(
            200,
            registerOut(s, Array.from(ctx.emu.state.salesChannels.values()))
          )
        : notFound(`Seller ${ctx.params.sellerId}`)
    },
  },
  {
    api: 'catalog',
    method: 'PATCH',
    template: '/api/seller-register/pvt/sellers/{sellerId}',
    spec: marketplaceSpec('/seller-register/pvt/sellers/{sellerId}'),
    handler: (ctx) => {
      const s = ctx.emu.state.sellers.get(ctx.params.sellerId)
      const ops = bodyOf<Array<{ path?: string; value?: unknown }>>(ctx)

      if (!s) return notFound(`Seller ${ctx.params.sellerId}`)
      if (!Array.isArray(ops))
        return badRequest('Expected an array of operations')
      for (const op of ops) {
        if (op.path === '/isActive') s.IsActive = op.value === true
        if (op.path === '/name' && typeof op.value === 'string')
          s.Name = op.value
      }

      ctx.emu.onChange()

      return empty(200)
    },
  },
]
