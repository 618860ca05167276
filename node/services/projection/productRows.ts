import type { MasterData } from '@vtex/api'

import { MdEntity } from '../../clients/mdEntity'
import { PRODUCT_ENTITY, SCHEMA } from '../../masterdata/entities'
import { MD_MAX_PAGE, mdValue } from '../../masterdata/where'
import type { ChannelSlots } from './channelSlots'
import type { Place } from './skuDoc'
import { placeOf, skuDocId } from './skuDoc'

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

type StoredProduct = Record<string, unknown> & {
  productId: string
  group: number
}

const field = (letter: string, place: Place) => `${letter}${place.index}`

/** A slot whose change is pending, as a `_where` clause of its group's documents. */
const pendingWhere = (place: Place) =>
  `group=${place.group} AND (${field('p', place)}="ASSOCIATE" OR ${field(
    'p',
    place
  )}="DISSOCIATE")`

/**
 * The products' pending changes, one Master Data document per product (per group of ten
 * channels: masterdata/productSchema.ts), each channel's fields in its slot, the same slot its
 * rows have in `sgsku`. A write is one partial update (Master Data's PATCH, "create partial
 * document") per group of the channels that changed, so a channel's fields are written only by
 * the settle that changed them, as when each channel had its own document; a read of a channel is
 * one search on its slot.
 */
export class ProductRows {
  private readonly docs: MdEntity<StoredProduct>

  constructor(md: MasterData, private readonly slots: ChannelSlots) {
    this.docs = new MdEntity<StoredProduct>(md, PRODUCT_ENTITY, SCHEMA, [
      'productId',
    ])
  }

  /** Writes these channels' fields of one product: one partial update per group. */
  public async put(productId: string, docs: ProductDoc[]): Promise<void> {
    if (docs.length === 0) return
    const slots = await this.slots.assign(docs.map((d) => d.channel))
    const byGroup = new Map<number, StoredProduct>()

    for (const doc of docs) {
      const place = placeOf(slots[doc.channel])
      const stored = byGroup.get(place.group) ?? {
        productId,
        group: place.group,
        updatedAt: doc.updatedAt,
      }

      stored[field('m', place)] = doc.mode
      stored[field('d', place)] = doc.desired
      stored[field('a', place)] = doc.associated
      stored[field('p', place)] = pendingOf(doc)
      stored[field('u', place)] = doc.updatedAt
      byGroup.set(place.group, stored)
    }

    await Promise.all(
      [...byGroup.values()].map((stored) =>
        this.docs.patch(skuDocId(productId, stored.group), stored)
      )
    )
  }

  /** Products of a channel with this pending change (one count on its slot). */
  public async count(channel: string, pending: Pending): Promise<number> {
    const place = await this.placeOf(channel)

    if (!place) return 0
    const result = await this.docs.search(
      `group=${place.group} AND ${field('p', place)}=${mdValue(pending)}`,
      1,
      1
    )

    return result.pagination.total
  }

  /**
   * Products whose change on one of these channels has been pending since before `before`, up
   * to `limit` (one search), least recently written first.
   */
  public async pendingSince(
    channels: string[],
    before: string,
    limit: number
  ): Promise<string[]> {
    const places = (
      await Promise.all(channels.map((c) => this.placeOf(c)))
    ).filter((p): p is Place => p !== null)

    if (places.length === 0) return []
    const where = places
      .map(
        (place) =>
          `(${pendingWhere(place)} AND ${field('u', place)}<${mdValue(before)})`
      )
      .join(' OR ')

    const result = await this.docs.search(
      where,
      1,
      Math.min(limit, MD_MAX_PAGE),
      'updatedAt ASC'
    )

    return [...new Set(result.data.map((doc) => doc.productId))]
  }

  /** Every product of a channel whose change is pending, with its association (scroll). */
  public async *associations(
    channel: string
  ): AsyncGenerator<Array<{ productId: string; associated: boolean | null }>> {
    const place = await this.placeOf(channel)

    if (!place) return
    const associated = field('a', place)

    for await (const docs of this.docs.scroll(
      pendingWhere(place),
      undefined,
      undefined,
      ['productId', associated]
    )) {
      yield docs.map((doc) => ({
        productId: doc.productId,
        associated: (doc[associated] as boolean | null | undefined) ?? null,
      }))
    }
  }

  /** One page of a channel's products with a pending change, by product id. */
  public async page(channel: string, page: number, pageSize: number) {
    const place = await this.placeOf(channel)

    if (!place) return { data: [], pagination: { page, pageSize, total: 0 } }
    const [d, a, p] = ['d', 'a', 'p'].map((letter) => field(letter, place))
    const result = await this.docs.search(
      pendingWhere(place),
      page,
      pageSize,
      'productId ASC',
      ['productId', d, a, p]
    )

    return {
      ...result,
      data: result.data.map((doc) => ({
        productId: doc.productId,
        desired: (doc[d] as boolean | null | undefined) ?? null,
        associated: (doc[a] as boolean | null | undefined) ?? null,
        pending: (doc[p] as Pending | undefined) ?? 'NONE',
      })),
    }
  }

  /** A channel's slot (the map read again for a channel this copy lacks); null: none yet. */
  private async placeOf(channel: string): Promise<Place | null> {
    let slots = await this.slots.known()

    if (!(channel in slots)) slots = await this.slots.known(true)

    return channel in slots ? placeOf(slots[channel]) : null
  }
}
