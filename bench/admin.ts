import { gql, median, percentile, round } from './lib'
import type { Bench } from './system'

/** The admin's exposures list under filters, walked page by page. */
export async function exposuresPhase({ worker: holder, params }: Bench) {
  const worker = holder.current
  const filters = [
    { channel: 'MKB', status: 'WITHHELD' },
    { channel: 'GGL', reason: 'NO_MARKETPLACE_STOCK' },
    { channel: 'MKB', status: 'EXPOSED', sellerId: 'sellera' },
    { channel: 'GGL', text: '12' },
  ]

  const times: number[] = []
  let total = 0
  // Keyset pages: each filter walks on from its last page (back to the first after 20).
  const cursors = filters.map(() => ({ after: null as string | null, page: 1 }))

  for (let i = 0; i < params.queries; i++) {
    const cursor = cursors[i % filters.length]
    const t0 = performance.now()
    const data = await gql<{
      exposures: { total: number; next: string | null }
    }>(
      worker,
      'query ($f: ExposureFilter, $a: String) { exposures(filter: $f, after: $a, pageSize: 50) { total next items { skuId status reasons available } } }',
      { f: filters[i % filters.length], a: cursor.after }
    )

    times.push(performance.now() - t0)
    total = Math.max(total, data.exposures.total)
    cursor.page += 1
    cursor.after =
      cursor.page > 20 || !data.exposures.next ? null : data.exposures.next
    if (!cursor.after) cursor.page = 1
  }

  return {
    queries: params.queries,
    p50Ms: round(median(times), 1),
    p95Ms: round(percentile(times, 95), 1),
    largestTotal: total,
  }
}
