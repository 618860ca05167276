import type { MasterData } from '@vtex/api'

import { MdEntity } from '../../clients/mdEntity'
import type { KeysetPosition, KeysetSort } from '../../masterdata/keyset'
import { afterWhere, keysetSortOf } from '../../masterdata/keyset'
import { allOf } from '../../masterdata/where'
import { SCHEMA, SKU_ENTITY } from '../../masterdata/entities'
import type { ChannelSlots } from './channelSlots'
import type { ExposureDoc } from './exposureRow'
import type { RowFilter } from './exposureQuery'
import { channelsOf, slotWhere, sortFieldAt } from './exposureQuery'
import type { Place, SkuDoc } from './skuDoc'
import {
  SKU_FIELDS,
  placeOf,
  rowOf,
  skuDocId,
  slotReadFields,
  toSkuDoc,
} from './skuDoc'
import { mergePages, resumesAtSku, splitRowId } from './rowMerge'

interface ChannelPlace {
  channel: string
  place: Place
}

const isRow = (row: ExposureDoc | null): row is ExposureDoc => row !== null

/**
 * The exposure rows (one per SKU and channel, as the services read them) stored as one Master
 * Data document per SKU (skuDoc.ts): a SKU's write is one PUT per group of ten channels, a read
 * of one channel one search on that channel's slot, a read of several channels one search per
 * channel, merged (rowMerge.ts).
 */
export class SkuRows {
  private readonly docs: MdEntity<SkuDoc>

  constructor(md: MasterData, private readonly slots: ChannelSlots) {
    this.docs = new MdEntity<SkuDoc>(md, SKU_ENTITY, SCHEMA, [...SKU_FIELDS])
  }

  /**
   * Writes the SKU's documents from `rows`, every row it has (a full PUT: a channel not in
   * `rows` loses its slot), for the groups of the channels `touched` (those whose row changed or
   * went): one document per SKU up to ten channels; a group left without rows is deleted.
   */
  public async putSku(
    skuId: string,
    rows: ExposureDoc[],
    touched: string[] = rows.map((r) => r.channel)
  ): Promise<void> {
    let slots = await this.slots.assign(rows.map((r) => r.channel))

    // A channel that went may have its slot from another worker, after this one's copy was read.
    if (touched.some((c) => !(c in slots))) slots = await this.slots.known(true)
    const groupOf = (channel: string) => placeOf(slots[channel]).group
    const groups = new Set(touched.filter((c) => c in slots).map(groupOf))

    await Promise.all(
      [...groups].map((group) => {
        const own = rows.filter((r) => groupOf(r.channel) === group)
        const id = skuDocId(skuId, group)

        return own.length
          ? this.docs.put(id, toSkuDoc(own, group, slots))
          : this.docs.remove(id)
      })
    )
  }

  /** How many rows match: one count per channel read. */
  public async count(filter: RowFilter | null | undefined): Promise<number> {
    const totals = await Promise.all(
      (
        await this.places(filter)
      ).map(({ place }) =>
        this.docs
          .search(slotWhere(filter, place), 1, 1, undefined, ['skuId'])
          .then((result) => result.pagination.total)
      )
    )

    return totals.reduce((sum, n) => sum + n, 0)
  }

  /**
   * The `size` rows after `after` in (value, SKU id, channel) order: each channel's own keyset
   * page (one search from offset 0, `size` long), merged; the total is every row after `after`.
   */
  public async find(
    filter: RowFilter | null | undefined,
    sort: KeysetSort,
    after: KeysetPosition | null,
    size: number
  ) {
    const places = await this.places(filter)
    const channels = places.map((p) => p.channel)
    // An id with no dash (not a row id) resumes at that SKU on every channel.
    const last = after
      ? splitRowId(after.id, channels) ?? { skuId: after.id, channel: '' }
      : null

    const pages = await Promise.all(
      places.map(async ({ channel, place }) => {
        const at = { ...sort, field: sortFieldAt(sort.field, place) }
        const tie = {
          field: 'skuId',
          inclusive: !!last && resumesAtSku(sort, last.channel, channel),
        }

        const clause =
          after && last
            ? afterWhere(at, { value: after.value, id: last.skuId }, tie)
            : null

        const result = await this.docs.search(
          allOf([`(${slotWhere(filter, place)})`, clause]),
          1,
          size,
          keysetSortOf(at, 'skuId'),
          slotReadFields(place.index)
        )

        return {
          rows: result.data
            .map((doc) => rowOf(doc, channel, place.index))
            .filter(isRow),
          total: result.pagination.total,
        }
      })
    )

    const { rows, total } = mergePages(pages, sort, size)

    return { data: rows, pagination: { page: 1, pageSize: size, total } }
  }

  /** Every row of a filter, channel after channel, a scroll page (up to 1,000 SKUs) at a time. */
  public async *scan(
    filter: RowFilter | null | undefined,
    sort?: string
  ): AsyncGenerator<ExposureDoc[]> {
    for (const { channel, place } of await this.places(filter)) {
      const pages = this.docs.scroll(
        slotWhere(filter, place),
        sort,
        undefined,
        slotReadFields(place.index)
      )

      for await (const docs of pages)
        yield docs.map((doc) => rowOf(doc, channel, place.index)).filter(isRow)
    }
  }

  /** The channels a filter reads and their slots (the map read again for a channel it names and lacks). */
  private async places(
    filter: RowFilter | null | undefined
  ): Promise<ChannelPlace[]> {
    let slots = await this.slots.known()
    const named = [filter?.channel, ...(filter?.channels ?? [])]

    if (named.some((c) => c && !(c in slots)))
      slots = await this.slots.known(true)

    return channelsOf(filter, Object.keys(slots)).map((channel) => ({
      channel,
      place: placeOf(slots[channel]),
    }))
  }
}
