// The catalog's answers in domain terms: the services read SKU facts, trade policies and
// categories, never a VTEX field name. A field VTEX renames or drops is handled here, once
// (a missing flag reads as VTEX's default, a missing list as none).
import type { CatalogPlace, SkuFacts } from '../domain/types'
import type {
  BrandRow,
  CategoryNode,
  SellerRow,
  SkuContextResponse,
} from '../typings/catalog'

/** What the SKU context (stockkeepingunitbyid) says, as the evaluation reads it. */
export interface SkuContext {
  sku: SkuFacts
  /** The trade policies the SKU's product is on (null: the context did not say). */
  tradePolicies: string[] | null
}

/** A category of the tree and its children, ids as strings like every id the app keeps. */
export interface Category {
  id: string
  name: string | null
  children: Category[]
}

export function skuContextOf(context: SkuContextResponse): SkuContext {
  return {
    sku: {
      skuId: String(context.Id),
      productId: String(context.ProductId),
      name: context.NameComplete ?? context.SkuName ?? null,
      productName: context.ProductName ?? null,
      skuActive: context.IsActive !== false,
      productActive: context.IsProductActive !== false,
      sellers: (context.SkuSellers ?? []).map((s) => ({
        sellerId: String(s.SellerId),
        sellerSkuId: s.SellerStockKeepingUnitId ?? null,
        isActive: s.IsActive !== false,
      })),
      place: placeOf(context),
    },
    tradePolicies: Array.isArray(context.SalesChannels)
      ? context.SalesChannels.map(String)
      : null,
  }
}

/** Brand and category path from the SKU context the evaluation reads anyway (no extra call). */
export function placeOf(context: SkuContextResponse): CatalogPlace {
  const brandId =
    context.BrandId === null || context.BrandId === undefined
      ? ''
      : String(context.BrandId)

  const categoryIds = (context.ProductCategoryIds ?? '')
    .split('/')
    .filter(Boolean)

  const names = context.ProductCategories ?? {}

  return {
    brandId: brandId || null,
    brandName: context.BrandName || null,
    categoryIds,
    categoryNames: categoryIds.map((id) => names[id] ?? null),
  }
}

/** A brand or a seller as the admin's pickers offer it. */
export interface Choice {
  id: string
  name: string | null
  /** Not deactivated in the catalog (absent in the row: active). */
  active: boolean
}

export type Brand = Choice

export const brandOf = (row: BrandRow): Brand => ({
  id: String(row.id),
  name: row.name ?? null,
  active: row.isActive !== false,
})

/** A seller of the marketplace ("1" is the marketplace itself). */
export type Seller = Choice

export const sellerOf = (row: SellerRow): Seller => ({
  id: String(row.SellerId),
  name: row.Name ?? null,
  active: row.IsActive !== false,
})

export function categoryOf(node: CategoryNode): Category {
  return {
    id: String(node.id),
    name: node.name ?? null,
    children: (node.children ?? []).map(categoryOf),
  }
}
