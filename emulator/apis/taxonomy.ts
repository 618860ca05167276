import type { RouteDef } from '../server/http'
import { intParam, json } from '../server/http'
import type { State } from '../world/state'
import { spec } from './catalog'

/**
 * Brands and the category tree, as the catalog lists them. The emulator keeps no brand or
 * category entities: they are the products' `BrandId`, `DepartmentId` and `CategoryId`, named as
 * the SKU context names them (catalogRender.ts skuContextOut).
 */
export function brandsOf(state: State) {
  const ids = new Set(Array.from(state.products.values(), (p) => p.BrandId))

  return [...ids]
    .sort((a, b) => a - b)
    .map((id) => ({
      id,
      name: `Brand ${id}`,
      isActive: true,
      title: `Brand ${id}`,
      metaTagDescription: '',
      imageUrl: null,
    }))
}

function node(state: State, id: number, name: string, children: unknown[]) {
  return {
    id,
    name,
    hasChildren: children.length > 0,
    url: `https://${state.account}.vtexcommercestable.com.br/${id}`,
    children,
    Title: name,
    MetaTagDescription: '',
  }
}

/** Departments and their categories (two levels: the emulated catalog has no deeper ones). */
export function categoryTreeOf(state: State, levels: number) {
  const tree = new Map<number, Set<number>>()

  for (const p of state.products.values()) {
    const children = tree.get(p.DepartmentId) ?? new Set<number>()

    if (p.CategoryId !== p.DepartmentId) children.add(p.CategoryId)
    tree.set(p.DepartmentId, children)
  }

  return [...tree.entries()]
    .sort(([a], [b]) => a - b)
    .map(([dept, children]) =>
      node(
        state,
        dept,
        `Department ${dept}`,
        levels < 2
          ? []
          : [...children]
              .sort((a, b) => a - b)
              .map((id) => node(state, id, `Category ${id}`, []))
      )
    )
}

export const taxonomyRoutes: RouteDef[] = [
  {
    api: 'catalog',
    method: 'GET',
    template: '/api/catalog_system/pvt/brand/list',
    spec: spec('/api/catalog_system/pvt/brand/list'),
    handler: (ctx) => json(200, brandsOf(ctx.emu.state)),
  },
  {
    api: 'catalog',
    method: 'GET',
    template: '/api/catalog_system/pub/category/tree/{categoryLevels}',
    spec: spec('/api/catalog_system/pub/category/tree/{categoryLevels}'),
    handler: (ctx) =>
      json(
        200,
        categoryTreeOf(
          ctx.emu.state,
          Math.max(1, intParam(ctx.params.categoryLevels, 1))
        )
      ),
  },
]
