/**
 * The emulator's stored entities. Stored shapes are kept lean (a 100,000-SKU catalog must
 * fit comfortably in memory); the VTEX response shapes are rendered from them on the way out.
 */

export interface Product {
  Id: number
  Name: string
  DepartmentId: number
  CategoryId: number
  BrandId: number
  RefId: string
  IsVisible: boolean
  IsActive: boolean
  Description: string
  /** Fields sent on create/update that we do not model are kept verbatim. */
  extra?: Record<string, unknown>
}

export interface Sku {
  Id: number
  ProductId: number
  IsActive: boolean
  Name: string
  RefId: string
  extra?: Record<string, unknown>
}

/** A seller SKU bound to a marketplace SKU (SkuSellers / SKU Bindings). */
export interface Binding {
  Id: number
  SellerId: string
  StockKeepingUnitId: number
  SellerStockKeepingUnitId: string
  IsActive: boolean
  FreightCommissionPercentage: number
  ProductCommissionPercentage: number
  UpdateDate: string
  /** The seller's own offer (third-party sellers only): what checkout simulation answers. */
  offer?: { quantity: number; price: number }
}

export interface Seller {
  SellerId: string
  Name: string
  Email: string
  IsActive: boolean
  FulfillmentEndpoint: string | null
  SellerType: number
  ProductCommissionPercentage: number
  FreightCommissionPercentage: number
  extra?: Record<string, unknown>
}

export interface SalesChannel {
  Id: number
  Name: string
  IsActive: boolean
}

export interface WarehouseDock {
  dockId: string
  name?: string
  time: string
  cost: number
}

export interface Warehouse {
  id: string
  name: string
  warehouseDocks: WarehouseDock[]
  pickupPointIds: string[]
  priority: number
  isActive: boolean
}

export interface Dock {
  id: string
  name: string
  priority: number
  dockTimeFake: string
  timeFakeOverhead: string
  salesChannels: string[]
  salesChannel: string
  freightTableIds: string[]
  wmsEndPoint: string | null
  isActive: boolean
}

export interface Balance {
  totalQuantity: number
  reservedQuantity: number
  unlimited: boolean
  leadTime: string
  dateUtcOnBalanceSystem: string | null
}

export interface ReservationItem {
  skuId: string
  warehouseId: string
  dockId: string
  quantity: number
}

export interface Reservation {
  LockId: string
  SalesChannel: string
  Status: number
  ReservationDateUtc: string
  LastUpdateDateUtc: string
  MaximumConfirmationDateUtc: string
  AuthorizedDateUtc: string
  ConfirmedDateUtc: string
  CanceledDateUtc: string
  items: ReservationItem[]
  request: unknown
}

export interface FixedPrice {
  tradePolicyId: string
  value: number
  listPrice: number | null
  minQuantity: number
  dateRange?: { from: string; to: string }
}

export interface Price {
  itemId: string
  listPrice: number | null
  costPrice: number | null
  markup: number | null
  basePrice: number | null
  fixedPrices: FixedPrice[]
}

export interface Affiliate {
  id: string
  name: string
  followUpEmail: string
  salesChannel: string
  searchURIEndpoint: string | null
  searchURIEndpointVersion: string
  searchURIEndpointAvailableVersions: string[]
  useSellerPaymentMethod: boolean
  minimumValueAccumulated: number | null
}

export interface VBaseFile {
  body: Buffer
  contentType: string
  etag: string
  lastModified: string
}

/** A License Manager product/resource pair a user's roles grant. */
export interface Grant {
  productCode: string
  resourceCode: string
}

export interface User {
  token: string
  userId: string
  email: string
  /** (product code, resource code) pairs License Manager's `granted` answers true for. */
  roles: Grant[]
  /**
   * License Manager resources the user's roles hold for VTEX API calls made with the user's own
   * token ("Product / Category / Resource"), as the emulator's gate checks them.
   */
  resources?: string[]
}

export type Json =
  | null
  | boolean
  | number
  | string
  | Json[]
  | { [key: string]: Json }
export type JsonObject = { [key: string]: Json }
