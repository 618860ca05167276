import type { MasterData } from '@vtex/api'

import { MdEntity } from '../../clients/mdEntity'
import type { KeysetPosition, KeysetSort } from '../../masterdata/keyset'
import {
  MD_MAX_PAGE,
  MD_SEARCH_WINDOW,
  anyOf,
  mdValue,
} from '../../masterdata/where'
import {
  AUDIT_ENTITY,
  PRODUCT_ENTITY,
  SCHEMA,
  SKU_ENTITY,
} from '../../masterdata/entities'
import type { ChannelSlots } from './channelSlots'
import type { ExposureDoc } from './exposureRow'
import type { RowFilter } from './exposureQuery'
import { SkuRows } from './skuRows'

/**
 * Master Data v2 holds the queryable copy of the decisions and the audit trail: the admin
 * filters by channel, status, reason, seller, brand, category and text and pages through 100,000 rows, which
 * VBase (a key-value store) cannot do. VBase stays the source of truth; this projection is
 * written by the lease holder of the SKU, so two writers never race on one document. The
 * services read and write rows (one per SKU and channel); they are stored one document per SKU
 * (skuRows.ts).
 */
export { AUDIT_ENTITY, SCHEMA, SKU_ENTITY }
export type { ExposureDoc } from './exposureRow'
export type { RowFilter } from './exposureQuery'
export {
  ROW_FORMAT,
  UNLIMITED_RANK,
  exposureId,
  rowChanged,
  shownChanged,
  stockRankOf,
  toExposureDoc,
} from './exposureRow'

/** Where a product stands on a channel: what the engine wants and what the catalog has. */
export interface ProductDoc {
  productId: string
  channel: string
  mode: 'OBSERVE' | 'ENFORCE'
  desired: boolean | null
  associated: boolean | null
  updatedAt: string
}

export type Pending = 'ASSOCIATE' | 'DISSOCIATE' | 'NONE'

export function pendingOf(
  doc: Pick<ProductDoc, 'desired' | 'associated'>
): Pending {
  if (
    doc.desired === null ||
    doc.associated === null ||
    doc.desired === doc.associated
  )
    return 'NONE'

  return doc.desired ? 'ASSOCIATE' : 'DISSOCIATE'
}

export class Projection {
  private readonly rows: SkuRows
  private readonly products: MdEntity<ProductDoc & { pending: Pending }>

  constructor(md: MasterData, slots: ChannelSlots) {
    this.rows = new SkuRows(md, slots)
    this.products = new MdEntity<ProductDoc & { pending: Pending }>(
      md,
      PRODUCT_ENTITY,
      SCHEMA,
      ['productId']
    )
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

  public async putProduct(doc: ProductDoc): Promise<void> {
    await this.products.put(`${doc.productId}-${doc.channel}`, {
      ...doc,
      pending: pendingOf(doc),
    })
  }

  /** Products of a channel with a pending change (the OBSERVE "would expose / would withdraw"). */
  public async countPending(
    channel: string,
    pending: Pending
  ): Promise<number> {
    const result = await this.products.search(
      `channel=${mdValue(channel)} AND pending=${mdValue(pending)}`,
      1,
      1
    )

    return result.pagination.total
  }

  /**
   * Products whose catalog write on one of these channels is still pending since before `before`,
   * oldest first: the writes that VTEX kept refusing, or that a restarted worker never retried.
   */
  public async pendingProducts(
    channels: string[],
    before: string,
    limit: number
  ): Promise<string[]> {
    if (channels.length === 0) return []
    const where = [
      anyOf('channel', channels),
      `(pending="ASSOCIATE" OR pending="DISSOCIATE")`,
      `updatedAt<${mdValue(before)}`,
    ].join(' AND ')

    const result = await this.products.search(
      where,
      1,
      Math.min(limit, MD_MAX_PAGE),
      'updatedAt ASC'
    )

    return [...new Set(result.data.map((doc) => doc.productId))]
  }

  /**
   * The association the app last wrote or read of each product of a channel whose change is
   * pending. A product without one is as its SKUs want it: no pending document, no difference.
   */
  public async *pendingAssociations(
    channel: string
  ): AsyncGenerator<Array<{ productId: string; associated: boolean | null }>> {
    yield* this.products.scroll(
      `channel=${mdValue(
        channel
      )} AND (pending="ASSOCIATE" OR pending="DISSOCIATE")`,
      undefined,
      undefined,
      ['productId', 'associated']
    )
  }

  /**
   * One page of a channel's products with a pending change, by product id: the same documents
   * `countPending` counts, so the page's total is "would expose" plus "would withdraw".
   */
  public async pendingPage(channel: string, page: number, pageSize: number) {
    return this.products.search(
      `channel=${mdValue(
        channel
      )} AND (pending="ASSOCIATE" OR pending="DISSOCIATE")`,
      page,
      pageSize,
      'productId ASC',
      ['productId', 'desired', 'associated', 'pending']
    )
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
