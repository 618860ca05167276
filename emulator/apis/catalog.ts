import type { Ctx, RouteDef } from '../server/http'
import {
  badRequest,
  bodyOf,
  fail,
  field,
  intParam,
  isObject,
  json,
  notFound,
} from '../server/http'
import type { State } from '../world/state'
import type { Product } from '../world/types'
import { productOut } from './catalogRender'

const CATALOG = 'Catalog API'

export const spec = (path: string) => ({ file: CATALOG, path })

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

export const SKU_CORE = ['Id', 'ProductId', 'IsActive', 'Name', 'RefId']

export function rest(body: Record<string, unknown>, core: string[]) {
  const lower = new Set(core.map((k) => k.toLowerCase()))

  return Object.fromEntries(
    Object.entries(body).filter(([k]) => !lower.has(k.toLowerCase()))
  )
}

export const str = (v: unknown, fallback = '') =>
  typeof v === 'string' ? v : v == null ? fallback : String(v)
export const int = (v: unknown, fallback: number) =>
  Number.isFinite(Number(v)) && v !== null && v !== '' ? Number(v) : fallback

export function objectBody(ctx: Ctx): Record<string, unknown> {
  const body = bodyOf(ctx)

  if (!isObject(body)) fail(badRequest('Expected a JSON object body'))

  return body
}

/** Product create/update: PUT is a full replace, as VTEX documents. */
function writeProduct(ctx: Ctx, id: number | null): Product {
  const { state } = ctx.emu
  const body = objectBody(ctx)
  const name = field(body, 'Name')

  if (typeof name !== 'string' || !name) fail(badRequest('Name is required'))
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

export const product = (state: State, id: string) =>
  state.products.get(Number(id))

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
