import type { MasterData } from '@vtex/api'

import type { KeysetPosition, KeysetSort } from '../../masterdata/keyset'
import { MD_MAX_PAGE, MD_SEARCH_WINDOW, mdValue } from '../../masterdata/where'
import { AUDIT_ENTITY, SCHEMA, SKU_ENTITY } from '../../masterdata/entities'
import type { ChannelSlots } from './channelSlots'
import type { ExposureDoc } from './exposureRow'
import type { RowFilter } from './exposureQuery'
import { SkuRows } from './skuRows'
import type { Pending, ProductDoc } from './productRows'
import { ProductRows } from './productRows'

/**
 * Master Data v2 holds the queryable copy of the decisions and the audit trail: the admin
 * filters by channel, status, reason, seller, brand, category and text and pages through 100,000 rows, which
 * VBase (a key-value store) cannot do. VBase stays the source of truth; this projection is
 * written by the lease holder of the SKU, so two writers never race on one document. The
 * services read and write rows (one per SKU and channel); they are stored one document per SKU
 * (skuRows.ts), and the products' pending changes one document per product (productRows.ts).
 */
export { AUDIT_ENTITY, SCHEMA, SKU_ENTITY }
export type { ExposureDoc } from './exposureRow'
export type { RowFilter } from './exposureQuery'
export type { Pending, ProductDoc } from './productRows'
export { pendingOf } from './productRows'
export {
  ROW_FORMAT,
  UNLIMITED_RANK,
  exposureId,
  rowChanged,
  shownChanged,
  stockRankOf,
  toExposureDoc,
} from './exposureRow'

export class Projection {
  private readonly rows: SkuRows
  private readonly products: ProductRows

  constructor(md: MasterData, slots: ChannelSlots) {
    this.rows = new SkuRows(md, slots)
    this.products = new ProductRows(md, slots)
  }

  /**
   * The SKU's rows written: `rows` are all it has (a channel absent loses its row), `touched`
   * the channels whose row changed or went (default: the rows'). One document per SKU.
   */
  public putSku(
    skuId: string,
    rows: ExposureDoc[],
    touched?: string[]
  ): Promise<void> {
    return this.rows.putSku(skuId, rows, touched)
  }

  /** These channels' pending state of one product (one document per product, productRows.ts). */
  public putProducts(productId: string, docs: ProductDoc[]): Promise<void> {
    return this.products.put(productId, docs)
  }

  /** Products of a channel with a pending change (the OBSERVE "would expose / would withdraw"). */
  public countPending(channel: string, pending: Pending): Promise<number> {
    return this.products.count(channel, pending)
  }

  /**
   * Products whose catalog write on one of these channels is still pending since before `before`:
   * the writes that VTEX kept refusing, or that a restarted worker never retried.
   */
  public pendingProducts(
    channels: string[],
    before: string,
    limit: number
  ): Promise<string[]> {
    return this.products.pendingSince(channels, before, limit)
  }

  /**
   * The association the app last wrote or read of each product of a channel whose change is
   * pending. A product without one is as its SKUs want it: no pending change, no difference.
   */
  public pendingAssociations(channel: string) {
    return this.products.associations(channel)
  }

  /**
   * One page of a channel's products with a pending change, by product id: the same products
   * `countPending` counts, so the page's total is "would expose" plus "would withdraw".
   */
  public pendingPage(channel: string, page: number, pageSize: number) {
    return this.products.page(channel, page, pageSize)
  }

  /** How many rows match. */
  public count(filter: RowFilter | null | undefined): Promise<number> {
    return this.rows.count(filter)
  }

  /**
   * One page of the rows after `after` in keyset order (see masterdata/keyset.ts), always from
   * offset 0, so a deep page is one search per channel too; null: the first page.
   */
  public find(
    filter: RowFilter | null | undefined,
    sort: KeysetSort,
    after: KeysetPosition | null,
    size: number
  ) {
    return this.rows.find(filter, sort, after, size)
  }

  /** Every row of a filter, up to 1,000 a page (Master Data's scroll): past the search window. */
  public scan(filter: RowFilter | null | undefined, sort?: string) {
    return this.rows.scan(filter, sort)
  }
}

export { MD_MAX_PAGE, MD_SEARCH_WINDOW, mdValue }
