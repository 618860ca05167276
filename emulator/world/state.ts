import type {
  Affiliate,
  Balance,
  Binding,
  Dock,
  Price,
  Product,
  Reservation,
  SalesChannel,
  Seller,
  Sku,
  User,
  VBaseFile,
  Warehouse,
} from './types'
import { MdStore } from '../masterdata/mdStore'

/** Unlimited stock is reported as this virtual quantity, like VTEX's Logistics does. */
export const UNLIMITED_QUANTITY = 1000000

/**
 * Everything one emulated account holds. Plain maps keyed by the ids VTEX uses, plus a
 * few derived indexes (SKUs per product, sorted id lists) that are rebuilt lazily so that
 * bulk seeding stays fast.
 */
export class State {
  public account: string
  public products = new Map<number, Product>()
  public skus = new Map<number, Sku>()
  /** productId -> trade policy ids the product is associated with. */
  public productPolicies = new Map<number, number[]>()
  /** skuId -> seller bindings (SkuSellers). */
  public bindings = new Map<number, Binding[]>()
  public sellers = new Map<string, Seller>()
  public salesChannels = new Map<number, SalesChannel>()
  public warehouses = new Map<string, Warehouse>()
  public docks = new Map<string, Dock>()
  /** skuId -> warehouseId -> balance. */
  public inventory = new Map<string, Map<string, Balance>>()
  public reservations = new Map<string, Reservation>()
  public prices = new Map<string, Price>()
  public priceTables = new Set<string>()
  public affiliates = new Map<string, Affiliate>()
  public inboxes = new Map<string, unknown[]>()
  /** `{account}/{workspace}/{app}/{bucket}` -> path -> file. */
  public vbase = new Map<string, Map<string, VBaseFile>>()
  public appSettings = new Map<string, unknown>()
  public users = new Map<string, User>()
  public md = new MdStore()
  public nextBindingId = 1
  /** Bumped on every product <-> trade policy change (cache key for channel lists). */
  public policyVersion = 0
  public nextProductId = 1
  public nextSkuId = 1

  private skusByProductCache: Map<number, number[]> | null = null
  private sortedSkuIdsCache: number[] | null = null
  private bindingIndexCache: Map<string, Binding> | null = null
  private etagCounter = 0

  constructor(account: string) {
    this.account = account
  }

  /** Call after any change to the set of SKUs or bindings. */
  public catalogChanged() {
    this.skusByProductCache = null
    this.sortedSkuIdsCache = null
    this.bindingIndexCache = null
  }

  /** A new SKU (or one moved to another product): caches are patched, not rebuilt. */
  public skuAdded(
    skuId: number,
    productId: number,
    previousProductId?: number
  ) {
    if (this.skusByProductCache) {
      if (previousProductId !== undefined) {
        const old = this.skusByProductCache.get(previousProductId)

        if (old)
          this.skusByProductCache.set(
            previousProductId,
            old.filter((id) => id !== skuId)
          )
      }

      const list = [
        ...(this.skusByProductCache.get(productId) ?? []),
        skuId,
      ].sort((a, b) => a - b)

      this.skusByProductCache.set(productId, list)
    }

    const sorted = this.sortedSkuIdsCache

    if (previousProductId === undefined && sorted) {
      if (sorted.length === 0 || skuId > sorted[sorted.length - 1])
        sorted.push(skuId)
      else this.sortedSkuIdsCache = null
    }
  }

  public bindingAdded(binding: Binding) {
    this.bindingIndexCache?.set(
      `${binding.SellerId}\u0000${binding.SellerStockKeepingUnitId}`,
      binding
    )
  }

  public skusOfProduct(productId: number): number[] {
    if (!this.skusByProductCache) {
      const index = new Map<number, number[]>()

      for (const sku of this.skus.values()) {
        const list = index.get(sku.ProductId)

        if (list) list.push(sku.Id)
        else index.set(sku.ProductId, [sku.Id])
      }

      for (const list of index.values()) list.sort((a, b) => a - b)
      this.skusByProductCache = index
    }

    return this.skusByProductCache.get(productId) ?? []
  }

  public sortedSkuIds(): number[] {
    if (!this.sortedSkuIdsCache) {
      this.sortedSkuIdsCache = Array.from(this.skus.keys()).sort(
        (a, b) => a - b
      )
    }

    return this.sortedSkuIdsCache
  }

  public bindingBySellerSku(sellerId: string, sellerSkuId: string) {
    if (!this.bindingIndexCache) {
      const index = new Map<string, Binding>()

      for (const list of this.bindings.values()) {
        for (const b of list)
          index.set(`${b.SellerId}\u0000${b.SellerStockKeepingUnitId}`, b)
      }

      this.bindingIndexCache = index
    }

    return this.bindingIndexCache.get(`${sellerId}\u0000${sellerSkuId}`)
  }

  public policiesOf(productId: number): number[] {
    return this.productPolicies.get(productId) ?? []
  }

  public nextEtag(): string {
    this.etagCounter += 1

    return `"${Date.now().toString(16)}-${this.etagCounter.toString(16)}"`
  }

  /** Replaces everything commerce-related (catalog, logistics, pricing, affiliates). */
  public clearCommerce() {
    this.products.clear()
    this.skus.clear()
    this.productPolicies.clear()
    this.bindings.clear()
    this.sellers.clear()
    this.salesChannels.clear()
    this.warehouses.clear()
    this.docks.clear()
    this.inventory.clear()
    this.reservations.clear()
    this.prices.clear()
    this.priceTables.clear()
    this.affiliates.clear()
    this.inboxes.clear()
    this.nextBindingId = 1
    this.nextProductId = 1
    this.nextSkuId = 1
    this.catalogChanged()
  }

  /** Clears storage too (Master Data, VBase, app settings). Users are kept. */
  public clearAll() {
    this.clearCommerce()
    this.vbase.clear()
    this.appSettings.clear()
    this.md = new MdStore()
  }
}
