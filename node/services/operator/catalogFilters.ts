import type { CatalogClient } from '../../clients/catalog'
import type { Category } from '../../clients/catalogShapes'
import type {
  CatalogFilterChoices as GraphqlChoices,
  CategoryChoice,
} from '../../typings/schema.generated'
import type { TenantMemory } from '../../memory/tenantMemory'
import { slot } from '../../memory/tenantMemory'
import { TtlCache } from '../shared/cache'

/** The admin's choices; the resolver adds the cacheId. */
export type CatalogFilterChoices = Omit<GraphqlChoices, 'cacheId'>

/** Departments, categories and one level of subcategories: what an operator filters by. */
const CATEGORY_LEVELS = 3

// Brands and categories change rarely: the admin's pickers may show a list five minutes old.
// In the account's memory (the account's own catalog, never shown to another account's operator). Safe to
// lose: the next picker reads the catalog again (two calls).
const CHOICES = slot(
  'catalog-filter-choices',
  () => new TtlCache<CatalogFilterChoices>(5 * 60_000)
)

/** Depth first, so a category follows its department in the list. */
export function flattenTree(
  nodes: Category[],
  parents: string[] = []
): CategoryChoice[] {
  return nodes.flatMap((node) => {
    const { name } = node
    const path = [...parents, name ?? node.id]

    return [
      {
        id: node.id,
        name,
        path: path.join(' / '),
        depth: path.length,
      },
      ...flattenTree(node.children, path),
    ]
  })
}

/** The brand and category choices of the exposures filter, from the marketplace's catalog. */
export function catalogFilterChoices(
  catalog: Pick<CatalogClient, 'brands' | 'categoryTree'>,
  account: TenantMemory
) {
  return account.get(CHOICES).get(async () => {
    const [brands, tree] = await Promise.all([
      catalog.brands(),
      catalog.categoryTree(CATEGORY_LEVELS),
    ])

    return {
      brands: [...brands].sort((a, b) =>
        (a.name ?? a.id).localeCompare(b.name ?? b.id)
      ),
      categories: flattenTree(tree),
    }
  })
}
