import type { Ctx, RouteDef } from '../http'
import {
  badRequest,
  bodyOf,
  field,
  intParam,
  isObject,
  json,
  notFound,
} from '../http'
import type { State } from '../state'
import type { Product, Sku } from '../types'
import { productOut, skuContextOut, skuOut, skuRowOut } from './catalogRender'

const CATALOG = 'Catalog API'
const spec = (path: string) => ({ file: CATALOG, path })

const PRODUCT_CORE = [
  'Id',
  'Name',
  'DepartmentId',
  'CategoryId',
  'BrandId',
  'RefId',
  'IsVisible',
  'IsActive',
  'Description',
]
const SKU_CORE = ['Id', 'ProductId', 'IsActive', 'Name', 'RefId']

function rest(body: Record<string, unknown>, core: string[]) {
  const lower = new Set(core.map((k) => k.toLowerCase()))

  return Object.fromEntries(
    Object.entries(body).filter(([k]) => !lower.has(k.toLowerCase()))
  )
}

const str = (v: unknown, fallback = '') =>
  typeof v === 'string' ? v : v == null ? fallback : String(v)
const int = (v: unknown, fallback: number) =>
  Number.isFinite(Number(v)) && v !== null && v !== '' ? Number(v) : fallback

function objectBody(ctx: Ctx): Record<string, unknown> {
  const body = bodyOf(ctx)

  if (!isObject(body)) throw badRequest('Expected a JSON object body')

  return body
}

/** Product create/update: PUT is a full replace, as VTEX documents. */
function writeProduct(ctx: Ctx, id: number | null): Product {
  const { state } = ctx.emu
  const body = objectBody(ctx)
  const name = field(body, 'Name')

  if (typeof name !== 'string' || !name) throw badRequest('Name is required')
  const productId = id ?? int(field(body, 'Id'), state.nextProductId)
  const product: Product = {
    Id: productId,
    Name: name,
    DepartmentId: int(field(body, 'DepartmentId'), 1),
    CategoryId: int(field(body, 'CategoryId'), 1),
    BrandId: int(field(body, 'BrandId'), 1),
    RefId: str(field(body, 'RefId')),
    IsVisible: field(body, 'IsVisible') !== false,
    IsActive: field(body, 'IsActive') === true,
    Description: str(field(body, 'Description')),
    extra: rest(body, PRODUCT_CORE),
  }
  const existed = state.products.has(productId)

  state.products.set(productId, product)
  state.nextProductId = Math.max(state.nextProductId, productId + 1)
  // A new product starts in the main trade policy only (see README).
  if (!existed) state.productPolicies.set(productId, [1])
  else
    ctx.emu.effects.productChanged(productId, {
      HasStockKeepingUnitModified: true,
    })
  ctx.emu.onChange()

  return product
}

function writeSku(ctx: Ctx, id: number | null): Sku {
  const { state } = ctx.emu
  const body = objectBody(ctx)
  const productId = int(field(body, 'ProductId'), NaN)
  const name = field(body, 'Name')

  if (!state.products.has(productId))
    throw badRequest(`ProductId ${field(body, 'ProductId')} does not exist`)
  if (typeof name !== 'string' || !name) throw badRequest('Name is required')
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
  if (!previous || previous.ProductId !== productId) state.catalogChanged()
  ctx.emu.effects.skuChanged(skuId, { HasStockKeepingUnitModified: true })
  ctx.emu.onChange()

  return sku
}

const product = (state: State, id: string) => state.products.get(Number(id))
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

export const catalogRoutes: RouteDef[] = [
  {
    api: 'catalog',
    method: 'GET',
    template: '/api/catalog/pvt/product/{productId}',
    spec: spec('/api/catalog/pvt/product/{productId}'),
    handler: (ctx) => {
      const p = product(ctx.emu.state, ctx.params.productId)

      return p
        ? json(200, productOut(p))
        : notFound(`Product ${ctx.params.productId}`)
    },
  },
  {
    api: 'catalog',
    method: 'POST',
    template: '/api/catalog/pvt/product',
    spec: spec('/api/catalog/pvt/product'),
    handler: (ctx) => json(200, productOut(writeProduct(ctx, null))),
  },
  {
    api: 'catalog',
    method: 'PUT',
    template: '/api/catalog/pvt/product/{productId}',
    spec: spec('/api/catalog/pvt/product/{productId}'),
    handler: (ctx) => {
      if (!product(ctx.emu.state, ctx.params.productId))
        return notFound(`Product ${ctx.params.productId}`)

      return json(
        200,
        productOut(writeProduct(ctx, Number(ctx.params.productId)))
      )
    },
  },
  {
    api: 'catalog',
    method: 'GET',
    template: '/api/catalog_system/pvt/products/productget/{productId}',
    spec: spec('/api/catalog_system/pvt/products/productget/{productId}'),
    handler: (ctx) => {
      const p = product(ctx.emu.state, ctx.params.productId)

      if (!p) return notFound(`Product ${ctx.params.productId}`)

      // This route's schema types SupplierId as a plain integer (the product GET allows null).
      return json(200, {
        ...productOut(p),
        SupplierId: p.extra?.SupplierId ?? 0,
        ListStoreId: ctx.emu.state.policiesOf(p.Id),
      })
    },
  },
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
  {
    api: 'catalog',
    method: 'GET',
    template: '/api/catalog_system/pvt/products/GetProductAndSkuIds',
    spec: spec('/api/catalog_system/pvt/products/GetProductAndSkuIds'),
    handler: (ctx) => {
      const { state } = ctx.emu
      const category = ctx.query.get('categoryId')
      const from = Math.max(1, intParam(ctx.query.get('_from'), 1))
      const to = Math.min(
        from + 249,
        Math.max(from, intParam(ctx.query.get('_to'), from + 9))
      )
      const ids = Array.from(state.products.values())
        .filter((p) => !category || String(p.CategoryId) === category)
        .map((p) => p.Id)
        .sort((a, b) => a - b)
      const data = Object.fromEntries(
        ids
          .slice(from - 1, to)
          .map((id) => [String(id), state.skusOfProduct(id)])
      )

      return json(200, { data, range: { total: ids.length, from, to } })
    },
  },
]
