import type { Ctx, RouteDef } from '../server/http'
import {
  badRequest,
  fail,
  field,
  intParam,
  json,
  notFound,
} from '../server/http'
import type { State } from '../world/state'
import type { Sku } from '../world/types'
import { int, objectBody, rest, SKU_CORE, spec, str } from './catalog'
import { skuContextOut, skuOut, skuRowOut } from './catalogRender'

/** SKUs: raw SKU CRUD, the SKU context and the paged SKU id lists. */

function writeSku(ctx: Ctx, id: number | null): Sku {
  const { state } = ctx.emu
  const body = objectBody(ctx)
  const productId = int(field(body, 'ProductId'), NaN)
  const name = field(body, 'Name')

  if (!state.products.has(productId))
    fail(badRequest(`ProductId ${field(body, 'ProductId')} does not exist`))
  if (typeof name !== 'string' || !name) fail(badRequest('Name is required'))
  const skuId = id ?? int(field(body, 'Id'), state.nextSkuId)
  const previous = state.skus.get(skuId)
  const sku: Sku = {
    Id: skuId,
    ProductId: productId,
    // PUT is a full replace: an omitted IsActive deactivates the SKU.
    IsActive: field(body, 'IsActive') === true,
    Name: name,
    RefId: str(field(body, 'RefId')),
    extra: rest(body, SKU_CORE),
  }

  state.skus.set(skuId, sku)
  state.nextSkuId = Math.max(state.nextSkuId, skuId + 1)
  if (!previous) state.skuAdded(skuId, productId)
  else if (previous.ProductId !== productId)
    state.skuAdded(skuId, productId, previous.ProductId)
  ctx.emu.effects.skuChanged(skuId, { HasStockKeepingUnitModified: true })
  ctx.emu.onChange()

  return sku
}

const sku = (state: State, id: string) => state.skus.get(Number(id))

function page<T>(items: T[], pageNumber: number, size: number): T[] {
  const start = (Math.max(1, pageNumber) - 1) * size

  return items.slice(start, start + size)
}

const bySalesChannel = new WeakMap<
  State,
  Map<string, { version: number; ids: number[] }>
>()

/** SKU ids whose product is in `sc`, cached until the next association change. */
function skuIdsInChannel(state: State, sc: number): number[] {
  let perState = bySalesChannel.get(state)

  if (!perState) {
    perState = new Map()
    bySalesChannel.set(state, perState)
  }

  const key = String(sc)
  const cached = perState.get(key)

  if (cached && cached.version === state.policyVersion) return cached.ids
  const ids = state.sortedSkuIds().filter((id) => {
    const s = state.skus.get(id)

    return !!s && state.policiesOf(s.ProductId).includes(sc)
  })

  perState.set(key, { version: state.policyVersion, ids })

  return ids
}

export const skuRoutes: RouteDef[] = [
  {
    api: 'catalog',
    method: 'GET',
    template: '/api/catalog/pvt/stockkeepingunit/{skuId}',
    spec: spec('/api/catalog/pvt/stockkeepingunit/{skuId}'),
    handler: (ctx) => {
      const s = sku(ctx.emu.state, ctx.params.skuId)

      return s ? json(200, skuOut(s)) : notFound(`SKU ${ctx.params.skuId}`)
    },
  },
  {
    api: 'catalog',
    method: 'POST',
    template: '/api/catalog/pvt/stockkeepingunit',
    spec: spec('/api/catalog/pvt/stockkeepingunit'),
    handler: (ctx) => json(200, skuOut(writeSku(ctx, null))),
  },
  {
    api: 'catalog',
    method: 'PUT',
    template: '/api/catalog/pvt/stockkeepingunit/{skuId}',
    spec: spec('/api/catalog/pvt/stockkeepingunit/{skuId}'),
    handler: (ctx) => {
      if (!sku(ctx.emu.state, ctx.params.skuId))
        return notFound(`SKU ${ctx.params.skuId}`)

      return json(200, skuOut(writeSku(ctx, Number(ctx.params.skuId))))
    },
  },
  {
    api: 'catalog',
    method: 'GET',
    template: '/api/catalog_system/pvt/sku/stockkeepingunitbyid/{skuId}',
    spec: spec('/api/catalog_system/pvt/sku/stockkeepingunitbyid/{skuId}'),
    handler: (ctx) => {
      const s = sku(ctx.emu.state, ctx.params.skuId)

      return s
        ? json(200, skuContextOut(ctx.emu.state, s))
        : notFound(`SKU ${ctx.params.skuId}`)
    },
  },
  {
    api: 'catalog',
    method: 'GET',
    template:
      '/api/catalog_system/pvt/sku/stockkeepingunitByProductId/{productId}',
    spec: spec(
      '/api/catalog_system/pvt/sku/stockkeepingunitByProductId/{productId}'
    ),
    handler: (ctx) => {
      const { state } = ctx.emu
      const ids = state.skusOfProduct(Number(ctx.params.productId))

      return json(
        200,
        ids.map((id) => skuRowOut(state.skus.get(id) as Sku))
      )
    },
  },
  {
    api: 'catalog',
    method: 'GET',
    template: '/api/catalog_system/pvt/sku/stockkeepingunitids',
    spec: spec('/api/catalog_system/pvt/sku/stockkeepingunitids'),
    handler: (ctx) => {
      const size = Math.min(
        1000,
        Math.max(
          1,
          intParam(ctx.query.get('pagesize') ?? ctx.query.get('pageSize'), 100)
        )
      )

      return json(
        200,
        page(
          ctx.emu.state.sortedSkuIds(),
          intParam(ctx.query.get('page'), 1),
          size
        )
      )
    },
  },
  {
    api: 'catalog',
    method: 'GET',
    template: '/api/catalog_system/pvt/sku/stockkeepingunitidsbysaleschannel',
    spec: spec('/api/catalog_system/pvt/sku/stockkeepingunitidsbysaleschannel'),
    handler: (ctx) => {
      const { state } = ctx.emu
      const sc = intParam(ctx.query.get('sc'), NaN)

      if (!Number.isFinite(sc)) return badRequest('sc is required')
      const size = Math.min(
        1000,
        Math.max(
          1,
          intParam(ctx.query.get('pageSize') ?? ctx.query.get('pagesize'), 50)
        )
      )

      const onlyAssigned =
        (ctx.query.get('onlyAssigned') ?? 'true').toLowerCase() !== 'false'

      const ids = onlyAssigned
        ? skuIdsInChannel(state, sc)
        : state.sortedSkuIds()

      return json(200, page(ids, intParam(ctx.query.get('page'), 1), size))
    },
  },
]
