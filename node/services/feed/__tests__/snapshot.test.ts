import type { ExposureDoc } from '../../projection/projection'
import { decodeCursor } from '../feed'
import {
  decodeSnapshotCursor,
  readSnapshot,
  SnapshotNotReady,
} from '../snapshot'
import type { SnapshotDeps } from '../snapshot'

const NOW = Date.parse('2026-12-04T12:00:00.000Z')
const SETTLE = 10_000

const row = (skuId: string, channel: string) =>
  ({
    id: `${skuId}-${channel}`,
    skuId,
    productId: `p${skuId}`,
    channel,
    status: 'EXPOSED',
    available: 3,
    changedAt: '2026-12-01T00:00:00.000Z',
  } as ExposureDoc)

/** The projection's keyset pages by SKU id over these rows (what Master Data answers). */
function projectionOf(rows: ExposureDoc[]): SnapshotDeps['projection'] {
  const find = async (
    filter: { channel?: string | null } | null | undefined,
    _sort: unknown,
    after: { value: unknown; id: string } | null,
    size: number
  ) => {
    const matching = rows
      .filter((r) => r.channel === filter?.channel)
      .sort((a, b) => a.id.localeCompare(b.id))
      .filter((r) => !after || r.id > after.id)

    return {
      data: matching.slice(0, size),
      pagination: { total: matching.length, page: 1, pageSize: size },
    }
  }

  return { find } as unknown as SnapshotDeps['projection']
}

const depsWith = (baselinedAt: string | null, rows: ExposureDoc[]) => ({
  projection: projectionOf(rows),
  baselines: async () => () => baselinedAt,
  now: () => new Date(NOW),
  settleMs: SETTLE,
})

describe('given a channel whose baseline sweep has not finished', () => {
  it('should refuse the snapshot and say to come back in a minute', async () => {
    const error = await readSnapshot(depsWith(null, []), 'MKB', null, 10).catch(
      (e) => e
    )

    expect(error).toBeInstanceOf(SnapshotNotReady)
    expect(error.retryAfterSeconds).toBe(60)
  })

  it('should refuse it for the settle delay after the baseline finished', async () => {
    const at = new Date(NOW - 4_000).toISOString()
    const error = await readSnapshot(depsWith(at, []), 'MKB', null, 10).catch(
      (e) => e
    )

    expect(error).toBeInstanceOf(SnapshotNotReady)
    expect(error.retryAfterSeconds).toBe(6)
  })
})

describe('given a baselined channel with 5 SKUs on it and one on another channel', () => {
  const rows = ['1', '2', '3', '4', '5']
    .map((id) => row(id, 'MKB'))
    .concat(row('9', 'GGL'))

  const deps = depsWith('2026-12-01T00:00:00.000Z', rows)

  it("should page through the channel's SKUs once each, and hand one feed cursor a settle delay before the first page", async () => {
    const seen: string[] = []
    const sinces = new Set<string>()
    let after = null

    for (let i = 0; i < 10; i++) {
      const page = await readSnapshot(deps, 'MKB', after, 2)

      seen.push(...page.items.map((item) => item.skuId))
      sinces.add(page.since)
      if (!page.next) break
      after = decodeSnapshotCursor(page.next)
    }

    expect(seen).toEqual(['1', '2', '3', '4', '5'])
    expect([...sinces]).toHaveLength(1)
    expect(decodeCursor([...sinces][0])).toEqual({
      at: new Date(NOW - SETTLE).toISOString(),
      id: '',
    })
  })

  it('should refuse a cursor it did not make', () => {
    expect(decodeSnapshotCursor('not-a-cursor')).toBeNull()
    expect(
      decodeSnapshotCursor(
        Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url')
      )
    ).toBeNull()
  })
})
