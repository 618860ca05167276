import type { ChannelConfig } from '../../domain/types'
import type { RowFilter } from '../projection/projection'
import { unsettledIds } from '../evaluation/unsettled'
import { isFullScope } from './scope'
import type { SweepDeps, SweepScope } from './types'
import { chunkStore } from '../shared/stores/reconcile'

type Deps = Pick<SweepDeps, 'catalog' | 'projection' | 'docs'>

/** The rows a partial scope reads from the projection. */
export function scopeFilter(scope: SweepScope): RowFilter {
  // The fields the admin's exposures filter has mean the same here: "sweep what the table shows".
  return {
    channel: scope.channel,
    sellerId: scope.sellerId,
    reason: scope.reason,
    text: scope.text,
    changedSince: scope.changedSince,
    statuses: scope.statuses,
  }
}

/**
 * The SKUs whose product is on each trade policy, read in bulk (one call per page), so a full or
 * channel sweep learns every product's association without one call per product.
 */
export async function associatedSkus(
  deps: Deps,
  channels: ChannelConfig[],
  pageSize: number
): Promise<Map<string, Set<string>>> {
  const sets = new Map<string, Set<string>>()

  for (const sc of new Set(channels.map((c) => c.salesChannel))) {
    const set = new Set<string>()

    for (let page = 1; ; page++) {
      const ids = await deps.catalog.skuIdsBySalesChannel(sc, page, pageSize)

      ids.forEach((id) => set.add(id))
      if (ids.length < pageSize) break
    }

    sets.set(sc, set)
  }

  return sets
}

/**
 * Pages the scope's source into chunk documents of `pageSize` ids and returns how many SKUs and
 * chunks there are. Collecting is cheap (one call per page) and is simply redone after a crash.
 */
export async function collect(
  deps: Deps,
  runId: string,
  {
    scope,
    pageSize,
    associated,
    channelSc,
  }: {
    scope: SweepScope
    pageSize: number
    /** Sales channel -> the SKUs its trade policy has (bulk scopes; null: not read). */
    associated: Map<string, Set<string>> | null
    /** A whole channel's sales channel: its associated SKUs without a decision are added. */
    channelSc: string | null
  }
): Promise<{ total: number; chunks: number }> {
  let chunks = 0
  let total = 0
  let buffer: string[] = []
  const seen = new Set<string>()
  const writeChunk = async (n: number, ids: string[]) => {
    const store = chunkStore(deps.docs)

    await store.write({ runId, n }, { ids }, null).catch(async () => {
      // A resumed collect overwrites what a dead worker left.
      const { etag } = await store.read({ runId, n })

      await store.write({ runId, n }, { ids }, etag)
    })
  }

  const flush = async (force: boolean) => {
    while (buffer.length >= pageSize || (force && buffer.length > 0)) {
      const ids = buffer.slice(0, pageSize)

      buffer = buffer.slice(pageSize)
      await writeChunk(chunks, ids)
      chunks += 1
      total += ids.length
    }
  }

  const add = async (ids: string[]) => {
    for (const id of ids) {
      if (!seen.has(id)) {
        seen.add(id)
        buffer.push(id)
      }
    }

    await flush(false)
  }

  if (isFullScope(scope)) {
    for (let page = 1; ; page++) {
      const ids = await deps.catalog.skuIds(page, pageSize)

      await add(ids)
      if (ids.length < pageSize) break
    }
  } else if (scope.skuIds?.length) {
    await add(scope.skuIds)
  } else {
    // The ERROR sweep also takes the changes whose decision could not be stored (unsettled.ts):
    // their rows may still show the old status, or Master Data may have refused the mark.
    if (scope.statuses?.includes('ERROR')) await add(await unsettledIds(deps))
    // A channel sweep also covers the products the channel's trade policy has (drift the other way).
    if (channelSc && associated?.get(channelSc))
      await add([...(associated.get(channelSc) ?? [])].sort(byNumber))
    // Scroll: a channel's rows can be past search's 10,000-document window.
    for await (const rows of deps.projection.scan(
      scopeFilter(scope),
      'skuId ASC'
    ))
      await add(rows.map((d) => d.skuId))
  }

  await flush(true)

  return { total, chunks }
}

const byNumber = (a: string, b: string) =>
  Number(a) - Number(b) || a.localeCompare(b)
