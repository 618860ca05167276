import { priceFor } from '../world/availability'
import type { Ctx, RouteDef } from '../server/http'
import {
  badRequest,
  bodyOf,
  byText,
  empty,
  fail,
  field,
  isObject,
  json,
  notFound,
} from '../server/http'
import type { FixedPrice, Price } from '../world/types'

const spec = (path: string) => ({ file: 'Pricing API', path })

function priceOut(p: Price) {
  return {
    itemId: p.itemId,
    listPrice: p.listPrice ?? p.basePrice ?? 0,
    costPrice: p.costPrice ?? 0,
    markup: p.markup ?? 0,
    basePrice: p.basePrice ?? 0,
    fixedPrices: p.fixedPrices,
  }
}

function validUntil() {
  return new Date(Date.now() + 30 * 86400_000).toISOString()
}

function computedOut(ctx: Ctx, itemId: string, table: string) {
  const price = priceFor(ctx.emu.state, itemId, table)

  if (!price) return null

  return {
    tradePolicyId: table,
    listPrice: Math.round(price.listPrice),
    costPrice: price.costPrice,
    sellingPrice: price.sellingPrice,
    priceValidUntil: validUntil(),
    priceTable: table,
  }
}

function parseFixed(row: unknown): FixedPrice {
  const r = (isObject(row) ? row : {}) as Record<string, unknown>
  const value = Number(field(r, 'value'))

  if (!Number.isFinite(value))
    fail(badRequest('fixedPrices[].value is required'))

  return {
    tradePolicyId: String(field(r, 'tradePolicyId') ?? '1'),
    value,
    listPrice:
      field(r, 'listPrice') == null ? null : Number(field(r, 'listPrice')),
    minQuantity: Number(field(r, 'minQuantity') ?? 1),
    ...(isObject(field(r, 'dateRange'))
      ? { dateRange: field(r, 'dateRange') as { from: string; to: string } }
      : {}),
  }
}

function changed(ctx: Ctx, itemId: string) {
  ctx.emu.effects.skuChanged(Number(itemId), { PriceModified: true })
  ctx.emu.onChange()
}

export const pricingRoutes: RouteDef[] = [
  {
    api: 'pricing',
    method: 'GET',
    template: '/pricing/prices/{itemId}',
    spec: spec('/pricing/prices/{itemId}'),
    handler: (ctx) => {
      const p = ctx.emu.state.prices.get(ctx.params.itemId)

      return p
        ? json(200, priceOut(p))
        : notFound(`Price of ${ctx.params.itemId}`)
    },
  },
  {
    api: 'pricing',
    method: 'PUT',
    template: '/pricing/prices/{itemId}',
    spec: spec('/pricing/prices/{itemId}'),
    handler: (ctx) => {
      const body = bodyOf(ctx)

      if (!isObject(body)) return badRequest('Expected a JSON object body')
      const num = (name: string) =>
        field(body, name) == null ? null : Number(field(body, name))

      const fixed = field(body, 'fixedPrices')
      const price: Price = {
        itemId: ctx.params.itemId,
        listPrice: num('listPrice'),
        costPrice: num('costPrice'),
        markup: num('markup'),
        basePrice: num('basePrice'),
        // "overwrites all fixed prices"
        fixedPrices: Array.isArray(fixed) ? fixed.map(parseFixed) : [],
      }

      if (
        price.basePrice === null &&
        price.costPrice !== null &&
        price.markup !== null
      ) {
        price.basePrice =
          Math.round(price.costPrice * (1 + price.markup / 100) * 100) / 100
      }

      ctx.emu.state.prices.set(ctx.params.itemId, price)
      for (const row of price.fixedPrices)
        ctx.emu.state.priceTables.add(row.tradePolicyId)
      changed(ctx, ctx.params.itemId)

      return empty(200)
    },
  },
  {
    api: 'pricing',
    method: 'DELETE',
    template: '/pricing/prices/{itemId}',
    spec: spec('/pricing/prices/{itemId}'),
    handler: (ctx) => {
      if (ctx.emu.state.prices.delete(ctx.params.itemId))
        changed(ctx, ctx.params.itemId)

      return empty(200)
    },
  },
  {
    api: 'pricing',
    method: 'GET',
    template: '/pricing/prices/{itemId}/fixed',
    spec: spec('/pricing/prices/{itemId}/fixed'),
    handler: (ctx) => {
      const p = ctx.emu.state.prices.get(ctx.params.itemId)

      return p
        ? json(200, p.fixedPrices)
        : notFound(`Price of ${ctx.params.itemId}`)
    },
  },
  {
    api: 'pricing',
    method: 'POST',
    template: '/pricing/prices/{itemId}/fixed/{priceTableId}',
    spec: spec('/pricing/prices/{itemId}/fixed/{priceTableId}'),
    handler: (ctx) => {
      const { itemId, priceTableId } = ctx.params
      const body = bodyOf(ctx)
      const rows = (Array.isArray(body) ? body : [body]).map((row) => ({
        ...parseFixed(row),
        tradePolicyId: priceTableId,
      }))

      const p = ctx.emu.state.prices.get(itemId) ?? {
        itemId,
        listPrice: null,
        costPrice: null,
        markup: null,
        basePrice: null,
        fixedPrices: [],
      }

      p.fixedPrices = [
        ...p.fixedPrices.filter((r) => r.tradePolicyId !== priceTableId),
        ...rows,
      ]
      ctx.emu.state.prices.set(itemId, p)
      ctx.emu.state.priceTables.add(priceTableId)
      changed(ctx, itemId)

      return empty(200)
    },
  },
  {
    api: 'pricing',
    method: 'DELETE',
    template: '/pricing/prices/{itemId}/fixed/{priceTableId}',
    spec: spec('/pricing/prices/{itemId}/fixed/{priceTableId}'),
    handler: (ctx) => {
      const p = ctx.emu.state.prices.get(ctx.params.itemId)

      if (p) {
        p.fixedPrices = p.fixedPrices.filter(
          (r) => r.tradePolicyId !== ctx.params.priceTableId
        )
        changed(ctx, ctx.params.itemId)
      }

      return empty(200)
    },
  },
  {
    api: 'pricing',
    method: 'GET',
    template: '/pricing/prices/{itemId}/computed/{priceTableId}',
    spec: spec('/pricing/prices/{itemId}/computed/{priceTableId}'),
    handler: (ctx) => {
      const out = computedOut(ctx, ctx.params.itemId, ctx.params.priceTableId)

      return out
        ? json(200, out)
        : notFound(
            `Price of ${ctx.params.itemId} in table ${ctx.params.priceTableId}`
          )
    },
  },
  {
    api: 'pricing',
    method: 'GET',
    template: '/pricing/prices/{itemId}/computed',
    spec: spec('/pricing/prices/{itemId}/computed'),
    handler: (ctx) => {
      const tables = Array.from(ctx.emu.state.priceTables).sort(byText)
      const rows = tables
        .map((t) => computedOut(ctx, ctx.params.itemId, t))
        .filter((row) => row !== null)

      return rows.length
        ? json(200, rows)
        : notFound(`Price of ${ctx.params.itemId}`)
    },
  },
  {
    api: 'pricing',
    method: 'GET',
    template: '/pricing/tables',
    spec: spec('/pricing/tables'),
    handler: (ctx) =>
      json(200, Array.from(ctx.emu.state.priceTables).sort(byText)),
  },
]
