import type { RowFilter } from '../../projection/exposureQuery'
import { exposureWhere } from '../../projection/exposureQuery'
import { writesSinceWhere } from '../../projection/auditQuery'
import type { EngineDeps } from '../../shared/deps'
import { TenantMemory } from '../../../memory/tenantMemory'
import { BUCKET_RECONCILE, INDEX_PATH, runPath } from '../../reconcile/types'
import { FakeDocs } from '../../shared/__tests__/fakes'
import { channelTrends } from '../query'
import { recordTrends } from '../record'
import { BUCKET_TRENDS } from '../../shared/stores/trends'

const log = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
}

/** Master Data's counts for MKB and GGL: every search is one count, recorded. */
function world(now: { at: Date }) {
  const docs = new FakeDocs()
  const searches: string[] = []
  const counts: Record<string, number> = {
    'channel="MKB"': 10,
    'channel="MKB" AND status="EXPOSED"': 6,
    'channel="MKB" AND status="WITHHELD"': 4,
    'channel="MKB" AND reasons="NO_MARKETPLACE_STOCK"': 3,
    'channel="MKB" AND reasons="NO_PRICE"': 1,
  }

  // A full sweep finished: the counts are the catalog's.
  docs.files.set(`${BUCKET_RECONCILE}/${INDEX_PATH}`, {
    value: { ids: [], lastFullId: 'first', fullDoneAt: '2026-11-01T00:00:00Z' },
    etag: '"i0"',
  })

  const deps = {
    docs,
    memory: new TenantMemory(),
    now: () => now.at,
    log,
    affiliates: {
      list: async () => [
        { id: 'MKB', name: 'Marketplace B', salesChannel: '2' },
        { id: 'GGL', name: 'External', salesChannel: '3' },
      ],
    },
    // The adapters' named queries, their `_where` as the adapters write it.
    projection: {
      count: async (filter: RowFilter) => {
        const where = exposureWhere(filter)

        searches.push(where ?? '')

        return counts[where ?? ''] ?? 0
      },
    },
    audit: {
      writesSince: async (channel: string, since: string) =>
        writesSinceWhere(channel, since).includes('"MKB"')
          ? [4000, 2000, 9000].map((latencyMs) => ({
              details: JSON.stringify({ latencyMs }),
            }))
          : [],
    },
  } as unknown as EngineDeps

  return { deps, docs, searches }
}

const stored = (docs: FakeDocs, channel: string) =>
  docs.files.get(`${BUCKET_TRENDS}/channels/${channel}`)?.value as
    | { points: Array<{ day: string }> }
    | undefined

describe('given a workspace with two channels', () => {
  describe("when the day's first tick records the trends", () => {
    it("should write one point per channel with the overview's figures", async () => {
      const clock = { at: new Date('2026-12-03T09:00:00.000Z') }
      const { deps, docs } = world(clock)

      const before = docs.writes
      const result = await recordTrends(deps)

      expect(result.recorded).toEqual(['MKB', 'GGL'])
      expect(docs.writes - before).toBe(2)
      expect(stored(docs, 'MKB')).toEqual({
        points: [
          {
            day: '2026-12-03',
            total: 10,
            exposed: 6,
            withheld: 4,
            byReason: { NO_MARKETPLACE_STOCK: 3, NO_PRICE: 1 },
            medianLatencySeconds: 4,
          },
        ],
      })
    })
  })

  describe('when no full sweep has finished yet', () => {
    it('should count and write nothing: the figures cover only the SKUs decided so far', async () => {
      const clock = { at: new Date('2026-12-03T09:00:00.000Z') }
      const { deps, docs, searches } = world(clock)

      docs.files.delete(`${BUCKET_RECONCILE}/${INDEX_PATH}`)
      const before = docs.writes

      expect((await recordTrends(deps)).recorded).toEqual([])
      expect(docs.writes).toBe(before)
      expect(searches).toEqual([])
    })
  })

  describe('when later ticks run the same day', () => {
    it('should count and write nothing, in this process or in another', async () => {
      const clock = { at: new Date('2026-12-03T09:00:00.000Z') }
      const { deps, docs, searches } = world(clock)

      await recordTrends(deps)
      const { writes } = docs
      const counted = searches.length
      const reads = docs.reads[BUCKET_TRENDS]

      clock.at = new Date('2026-12-03T23:50:00.000Z')
      expect((await recordTrends(deps)).recorded).toEqual([])
      // This process remembers the day: not even a read.
      expect(docs.reads[BUCKET_TRENDS]).toBe(reads)

      // Another worker (a fresh memory) reads the document and stops there.
      const other = { ...deps, memory: new TenantMemory() }

      expect((await recordTrends(other)).recorded).toEqual([])
      expect(docs.writes).toBe(writes)
      expect(searches).toHaveLength(counted)
      expect(docs.reads[BUCKET_TRENDS]).toBe(reads + 2)
    })
  })

  describe('when two workers record the same day at once', () => {
    it('should store one point: the write over a stale ETag is dropped', async () => {
      const clock = { at: new Date('2026-12-03T09:00:00.000Z') }
      const { deps, docs } = world(clock)
      const other = { ...deps, memory: new TenantMemory() }

      const [a, b] = await Promise.all([
        recordTrends(deps),
        recordTrends(other),
      ])

      expect(stored(docs, 'MKB')?.points).toHaveLength(1)
      expect(
        [...a.recorded, ...b.recorded].sort((x, y) => x.localeCompare(y))
      ).toEqual(['GGL', 'MKB'])
    })
  })

  describe('when the next day comes under a 30-day retention', () => {
    it('should add the day and drop the points past the retention in the same write', async () => {
      const clock = { at: new Date('2026-12-03T09:00:00.000Z') }
      const { deps, docs } = world(clock)

      docs.files.set('config/settings.json', {
        value: { channels: {}, retentionDays: 30 },
        etag: '"s"',
      })
      docs.files.set(`${BUCKET_TRENDS}/channels/MKB`, {
        value: {
          points: [
            {
              day: '2026-11-03',
              total: 1,
              exposed: 1,
              withheld: 0,
              byReason: {},
            },
            {
              day: '2026-11-04',
              total: 1,
              exposed: 1,
              withheld: 0,
              byReason: {},
            },
          ],
        },
        etag: '"t"',
      })

      await recordTrends(deps)

      expect(stored(docs, 'MKB')?.points.map((p) => p.day)).toEqual([
        '2026-11-04',
        '2026-12-03',
      ])
    })
  })
})

describe('given recorded points and sweeps', () => {
  const setUp = async () => {
    const clock = { at: new Date('2026-11-01T09:00:00.000Z') }
    const { deps, docs } = world(clock)

    for (const day of ['2026-09-01', '2026-11-01', '2026-12-03']) {
      clock.at = new Date(`${day}T09:00:00.000Z`)
      await recordTrends({ ...deps, memory: new TenantMemory() })
    }

    const run = (id: string, scope: Record<string, string>, state = 'DONE') => {
      docs.files.set(`${BUCKET_RECONCILE}/${runPath(id)}`, {
        value: {
          id,
          state,
          scope,
          createdAt: 'x',
          finishedAt: `${id.slice(0, 4)}-${id.slice(4, 6)}-${id.slice(
            6,
            8
          )}T10:00:00.000Z`,
          driftFound: 5,
          driftFixed: 4,
        },
        etag: `"${id}"`,
      })

      return id
    }

    docs.files.set(`${BUCKET_RECONCILE}/${INDEX_PATH}`, {
      value: {
        ids: [
          run('20261203100000000-aaaaaa', {}, 'RUNNING'),
          run('20261202100000000-bbbbbb', { channel: 'GGL' }),
          run('20261201100000000-cccccc', {}),
          run('20261120100000000-dddddd', { channel: 'MKB' }),
          run('20260901100000000-eeeeee', {}),
        ],
      },
      etag: '"i"',
    })

    return { deps, docs }
  }

  describe('when the last 30 days are asked for', () => {
    it("should answer the window's points with their share, and the finished sweeps that covered the channel", async () => {
      const { deps, docs } = await setUp()
      const before = docs.reads[BUCKET_RECONCILE] ?? 0
      const trends = await channelTrends(deps, 'MKB', 30)

      expect(trends.points.map((p) => [p.day, p.exposedShare])).toEqual([
        ['2026-12-03', 0.6],
      ])
      expect(trends.points[0].byReason).toEqual([
        { reason: 'NO_MARKETPLACE_STOCK', count: 3 },
        { reason: 'NO_PRICE', count: 1 },
      ])
      expect(trends.sweeps.map((s) => s.runId)).toEqual([
        '20261120100000000-dddddd',
        '20261201100000000-cccccc',
      ])
      // The index and the window's four runs; the September run is not read.
      expect((docs.reads[BUCKET_RECONCILE] ?? 0) - before).toBe(5)
    })
  })

  describe('when the overview asks again in the same process', () => {
    it('should read the index and the unfinished run only: a finished run never changes', async () => {
      const { deps, docs } = await setUp()

      await channelTrends(deps, 'MKB', 30)
      const before = docs.reads[BUCKET_RECONCILE] ?? 0
      const again = await channelTrends(deps, 'MKB', 30)

      expect(again.sweeps.map((s) => s.runId)).toEqual([
        '20261120100000000-dddddd',
        '20261201100000000-cccccc',
      ])
      expect((docs.reads[BUCKET_RECONCILE] ?? 0) - before).toBe(2)
    })
  })

  describe('when the last 90 days are asked for', () => {
    it('should include the points of that window only', async () => {
      const { deps } = await setUp()
      const trends = await channelTrends(deps, 'MKB', 90)

      expect(trends.points.map((p) => p.day)).toEqual([
        '2026-11-01',
        '2026-12-03',
      ])
    })
  })
})
