import type { AuditEntry } from '../audit'
import { invalidateReference } from '../reference'
import { pruneAudit, pruneIfDue } from '../retention'
import { FakeDocs } from './fakes'

const entry = (id: string, at: string): AuditEntry => ({
  id,
  at,
  skuId: '1',
  productId: '10',
  channel: 'MKB',
  kind: 'STATUS_CHANGE',
  cause: 'EVENT',
  actor: null,
  fromStatus: null,
  toStatus: 'WITHHELD',
  reasons: [],
  details: null,
})

describe('given audit entries around the retention limit', () => {
  beforeEach(() => invalidateReference())

  it('should delete only entries older than the configured retention', async () => {
    const docs = new FakeDocs()
    const entries = new Map<string, AuditEntry>([
      ['old', entry('old', '2026-08-01T00:00:00.000Z')],
      ['edge', entry('edge', '2026-10-27T12:00:01.000Z')],
      ['new', entry('new', '2026-11-26T00:00:00.000Z')],
    ])

    docs.files.set('config/settings.json', {
      value: { channels: {}, retentionDays: 30 },
      etag: '"1"',
    })
    const audit = {
      page: async (where: string | undefined) => {
        const cutoff = /at<"(.+)"/.exec(where ?? '')?.[1] ?? ''
        const data = [...entries.values()].filter((e) => e.at < cutoff)

        return {
          data,
          pagination: { total: data.length, page: 1, pageSize: 100 },
        }
      },
      expire: async (id: string) => {
        entries.delete(id)
      },
    }

    const result = await pruneAudit({
      docs,
      audit,
      now: () => new Date('2026-11-26T12:00:00.000Z'),
      log: {
        info: () => undefined,
        warn: () => undefined,
        error: () => undefined,
      },
    })

    expect(result).toEqual({ removed: 1, cutoff: '2026-10-27T12:00:00.000Z' })
    expect([...entries.keys()]).toEqual(['edge', 'new'])
  })
})

describe('given several workers ticking on the same day', () => {
  it('should prune once', async () => {
    invalidateReference()
    const docs = new FakeDocs()
    let pages = 0
    const deps = {
      docs,
      audit: {
        page: async () => {
          pages += 1

          return { data: [], pagination: { total: 0, page: 1, pageSize: 100 } }
        },
        expire: async () => undefined,
      },
      now: () => new Date('2026-11-26T12:00:00.000Z'),
      log: {
        info: () => undefined,
        warn: () => undefined,
        error: () => undefined,
      },
    }

    const results = await Promise.all([
      pruneIfDue(deps),
      pruneIfDue(deps),
      pruneIfDue(deps),
    ])

    expect(results.filter(Boolean)).toHaveLength(1)
    expect(pages).toBe(1)
    expect(
      await pruneIfDue({
        ...deps,
        now: () => new Date('2026-11-27T12:00:01.000Z'),
      })
    ).not.toBeNull()
  })
})
