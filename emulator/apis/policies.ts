import type { RouteDef } from '../server/http'
import { empty, json, notFound } from '../server/http'
import type { SalesChannel } from '../world/types'

const spec = (path: string) => ({ file: 'Catalog API', path })

function channelOut(sc: SalesChannel) {
  return {
    Id: sc.Id,
    Name: sc.Name,
    IsActive: sc.IsActive,
    ProductClusterId: null,
    CountryCode: 'BRA',
    CultureInfo: 'pt-BR',
    TimeZone: 'E. South America Standard Time',
    CurrencyCode: 'BRL',
    CurrencySymbol: 'R$',
    CurrencyLocale: 1046,
    CurrencyFormatInfo: {
      CurrencyDecimalDigits: 2,
      CurrencyDecimalSeparator: ',',
      CurrencyGroupSeparator: '.',
      CurrencyGroupSize: 3,
      StartsWithCurrencySymbol: true,
    },
    Origin: null,
    Position: sc.Id,
    ConditionRule: null,
    CurrencyDecimalDigits: 2,
  }
}

/** Product <-> trade policy association (the exposure switch) and the trade policy list. */
export const policyRoutes: RouteDef[] = [
  {
    api: 'catalog',
    method: 'GET',
    template: '/api/catalog/pvt/product/{productId}/salespolicy',
    spec: spec('/api/catalog/pvt/product/{productId}/salespolicy'),
    handler: (ctx) => {
      const id = Number(ctx.params.productId)

      if (!ctx.emu.state.products.has(id))
        return notFound(`Product ${ctx.params.productId}`)

      return json(
        200,
        ctx.emu.state
          .policiesOf(id)
          .map((StoreId) => ({ ProductId: id, StoreId }))
      )
    },
  },
  {
    api: 'catalog',
    method: 'POST',
    template:
      '/api/catalog/pvt/product/{productId}/salespolicy/{tradepolicyId}',
    spec: spec(
      '/api/catalog/pvt/product/{productId}/salespolicy/{tradepolicyId}'
    ),
    handler: (ctx) => {
      const { state, effects } = ctx.emu
      const id = Number(ctx.params.productId)
      const sc = Number(ctx.params.tradepolicyId)

      if (!state.products.has(id))
        return notFound(`Product ${ctx.params.productId}`)
      if (!state.salesChannels.has(sc))
        return notFound(`Trade policy ${ctx.params.tradepolicyId}`)
      const current = state.policiesOf(id)

      // Idempotent: associating twice answers 200 and notifies nobody the second time.
      if (!current.includes(sc)) {
        state.productPolicies.set(
          id,
          [...current, sc].sort((a, b) => a - b)
        )
        state.policyVersion += 1
        effects.productChanged(id, { HasStockKeepingUnitModified: true })
        ctx.emu.onChange()
      }

      return empty(200)
    },
  },
  {
    api: 'catalog',
    method: 'DELETE',
    template:
      '/api/catalog/pvt/product/{productId}/salespolicy/{tradepolicyId}',
    spec: spec(
      '/api/catalog/pvt/product/{productId}/salespolicy/{tradepolicyId}'
    ),
    handler: (ctx) => {
      const { state, effects } = ctx.emu
      const id = Number(ctx.params.productId)
      const sc = Number(ctx.params.tradepolicyId)

      if (!state.products.has(id))
        return notFound(`Product ${ctx.params.productId}`)
      const current = state.policiesOf(id)

      if (current.includes(sc)) {
        state.productPolicies.set(
          id,
          current.filter((x) => x !== sc)
        )
        state.policyVersion += 1
        effects.productChanged(
          id,
          { HasStockKeepingUnitModified: true },
          String(sc)
        )
        ctx.emu.onChange()
      }

      return empty(200)
    },
  },
  {
    api: 'catalog',
    method: 'GET',
    template: '/api/catalog_system/pvt/saleschannel/list',
    spec: spec('/api/catalog_system/pvt/saleschannel/list'),
    handler: (ctx) =>
      json(200, Array.from(ctx.emu.state.salesChannels.values(), channelOut)),
  },
  {
    api: 'catalog',
    method: 'GET',
    template: '/api/catalog_system/pub/saleschannel/{salesChannelId}',
    spec: spec('/api/catalog_system/pub/saleschannel/{salesChannelId}'),
    handler: (ctx) => {
      const sc = ctx.emu.state.salesChannels.get(
        Number(ctx.params.salesChannelId)
      )

      return sc
        ? json(200, channelOut(sc))
        : notFound(`Sales channel ${ctx.params.salesChannelId}`)
    },
  },
]
