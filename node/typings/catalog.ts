/** GET /api/catalog_system/pvt/sku/stockkeepingunitbyid/{skuId}: the fields the engine reads. */
export interface SkuContextResponse {
  Id: number
  ProductId: number
  NameComplete?: string | null
  ProductName?: string | null
  SkuName?: string | null
  IsActive: boolean
  IsProductActive?: boolean | null
  SkuSellers?: Array<{
    SellerId: string
    StockKeepingUnitId?: number
    SellerStockKeepingUnitId?: string | null
    IsActive?: boolean | null
  }> | null
  SalesChannels?: number[] | null
  BrandId?: string | number | null
  BrandName?: string | null
  /** The category path by id, department first: "/1/10/". */
  ProductCategoryIds?: string | null
  /** Category id -> name, for the categories of the path. */
  ProductCategories?: Record<string, string> | null
}

/** GET /api/catalog_system/pvt/seller/list: the fields the admin shows. */
export interface SellerRow {
  SellerId: string
  Name?: string | null
  IsActive?: boolean | null
}

/** GET /api/catalog/pvt/product/{productId}/salespolicy */
export interface SalesPolicyRow {
  ProductId: number
  StoreId: number
}

/** GET /api/catalog_system/pvt/brand/list: the fields the admin's brand filter shows. */
export interface BrandRow {
  id: number
  name?: string | null
  isActive?: boolean | null
}

/** GET /api/catalog_system/pub/category/tree/{levels}: one category and its children. */
export interface CategoryNode {
  id: number
  name?: string | null
  children?: CategoryNode[] | null
}
