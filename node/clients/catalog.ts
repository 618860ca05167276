import type { InstanceOptions, IOContext } from '@vtex/api'
import { Catalog } from '@vtex/clients'

import { asApp } from './options'
import { accountMemory, accountMemoryOf } from './memory'
import { upstreamFor } from './resilience'
import type { Upstream } from './resilience'
import { clockOf, measuringClock } from './vtexClock'
import type { AccountClock } from './vtexClock'
import { brandOf, categoryOf, sellerOf, skuContextOf } from './catalogShapes'
import type { Brand, Category, Seller, SkuContext } from './catalogShapes'
import type {
  BrandRow,
  CategoryNode,
  SellerRow,
  SkuContextResponse,
  SalesPolicyRow,
} from '../typings/catalog'

/**
 * The marketplace's catalog. Extends @vtex/clients' Catalog (SKU context) with the
 * trade-policy association and the paged SKU id lists that io-clients does not cover.
 */
export class CatalogClient extends Catalog {
  /** Budget and circuits of this client's account. */
  private get upstream(): Upstream {
    return upstreamFor(accountMemoryOf(this))
  }

  /** VTEX's clock as this account's catalog answers show it (the clock of DateModified). */
  public readonly clock: AccountClock

  constructor(ctx: IOContext, options?: InstanceOptions) {
    const clock = clockOf(accountMemory(ctx, options))

    super(ctx, measuringClock(clock, asApp(ctx, options)))
    this.clock = clock
  }

  /** SKU context, or null when the catalog has no such SKU (404). */
  public async skuContext(skuId: string): Promise<SkuContext | null> {
    const context = await this.upstream('catalog', () =>
      this.http.get<SkuContextResponse>(
        `/api/catalog_system/pvt/sku/stockkeepingunitbyid/${encodeURIComponent(
          skuId
        )}`,
        {
          metric: 'catalog-sku-context',
        }
      )
    ).catch(nullOn404)

    return context ? skuContextOf(context) : null
  }

  /** Trade policies the product is associated with. */
  public async productTradePolicies(productId: string): Promise<string[]> {
    const rows = await this.upstream('catalog', () =>
      this.http.get<SalesPolicyRow[]>(
        `/api/catalog/pvt/product/${productId}/salespolicy`,
        {
          metric: 'catalog-product-salespolicy',
        }
      )
    )

    return (rows ?? []).map((row) => String(row.StoreId))
  }

  public async associateProduct(
    productId: string,
    tradePolicy: string
  ): Promise<void> {
    await this.upstream('catalog', () =>
      this.http.post(
        `/api/catalog/pvt/product/${productId}/salespolicy/${tradePolicy}`,
        undefined,
        {
          metric: 'catalog-product-salespolicy-add',
        }
      )
    )
  }

  public async dissociateProduct(
    productId: string,
    tradePolicy: string
  ): Promise<void> {
    await this.upstream('catalog', () =>
      this.http.delete(
        `/api/catalog/pvt/product/${productId}/salespolicy/${tradePolicy}`,
        {
          metric: 'catalog-product-salespolicy-remove',
        }
      )
    )
  }

  /** The marketplace's sellers, itself ("1") included. */
  public async sellers(): Promise<Seller[]> {
    const rows = await this.upstream('catalog', () =>
      this.http.get<SellerRow[]>('/api/catalog_system/pvt/seller/list', {
        metric: 'catalog-seller-list',
      })
    )

    return (rows ?? []).map(sellerOf)
  }

  /** The marketplace's brands (one call, every brand). */
  public async brands(): Promise<Brand[]> {
    const rows = await this.upstream('catalog', () =>
      this.http.get<BrandRow[]>('/api/catalog_system/pvt/brand/list', {
        metric: 'catalog-brand-list',
      })
    )

    return (rows ?? []).map(brandOf)
  }

  /** The category tree, `levels` deep from the departments (one call). */
  public async categoryTree(levels: number): Promise<Category[]> {
    const rows = await this.upstream('catalog', () =>
      this.http.get<CategoryNode[]>(
        `/api/catalog_system/pub/category/tree/${levels}`,
        { metric: 'catalog-category-tree' }
      )
    )

    return (rows ?? []).map(categoryOf)
  }

  /** One page of all SKU ids (VTEX caps pagesize at 1000). */
  public async skuIds(page: number, pageSize: number): Promise<string[]> {
    const ids = await this.upstream('catalog', () =>
      this.http.get<number[]>(
        '/api/catalog_system/pvt/sku/stockkeepingunitids',
        {
          params: { page, pagesize: pageSize },
          metric: 'catalog-sku-ids',
        }
      )
    )

    return (ids ?? []).map(String)
  }

  /** One page of the SKU ids assigned to a trade policy (drift detection). */
  public async skuIdsBySalesChannel(
    salesChannel: string,
    page: number,
    pageSize: number
  ): Promise<string[]> {
    const ids = await this.upstream('catalog', () =>
      this.http.get<number[]>(
        '/api/catalog_system/pvt/sku/stockkeepingunitidsbysaleschannel',
        {
          params: { sc: salesChannel, page, pageSize, onlyAssigned: true },
          metric: 'catalog-sku-ids-by-sc',
        }
      )
    )

    return (ids ?? []).map(String)
  }

  /** The ids of every SKU of a product (to know all of a product's SKUs before withdrawing it). */
  public async productSkuIds(productId: string): Promise<string[]> {
    const skus = await this.upstream('catalog', () =>
      this.http.get<Array<{ Id: number; IsRemoved?: boolean }>>(
        `/api/catalog_system/pvt/sku/stockkeepingunitByProductId/${encodeURIComponent(
          productId
        )}`,
        { metric: 'catalog-product-skus' }
      )
    )

    return (skus ?? [])
      .filter((sku) => !sku.IsRemoved)
      .map((sku) => String(sku.Id))
  }
}

export function nullOn404(error: unknown): null {
  const status = (error as { response?: { status?: number } })?.response?.status

  if (status === 404) return null
  throw error
}
