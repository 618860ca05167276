import type { AuditEntry } from '../../projection/audit'
import { olderThanWhere } from '../../projection/auditQuery'
import { TenantMemory } from '../../../memory/tenantMemory'
import { pruneAudit, pruneIfDue } from '../retention'
import { FakeDocs } from '../../shared/__tests__/fakes'

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
      // The adapter's named query over a scroll that reads its `_where` back.
      olderThan: async function* olderThan(at: string) {
        const cutoff = /at<"(.+)"/.exec(olderThanWhere(at))?.[1] ?? ''

        yield [...entries.values()].filter((e) => e.at < cutoff)
      },
      expire: async (id: string) => {
        entries.delete(id)
      },
    }

    const result = await pruneAudit({
      docs,
      memory: new TenantMemory(),
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

  it('should stop at maxEntries, in the middle of a scroll page', async () => {
    const docs = new FakeDocs()
    const old = Array.from({ length: 2500 }, (_, i) =>
      entry(`e${i}`, '2026-01-01T00:00:00.000Z')
    )

    const expired: string[] = []
    const audit = {
      olderThan: async function* olderThan() {
        for (let i = 0; i < old.length; i += 1000) yield old.slice(i, i + 1000)
      },
      expire: async (id: string) => {
        expired.push(id)
      },
    }

    const result = await pruneAudit(
      {
        docs,
        memory: new TenantMemory(),
        audit,
        now: () => new Date('2026-11-26T12:00:00.000Z'),
        log: {
          info: () => undefined,
          warn: () => undefined,
          error: () => undefined,
        },
      },
      1500
    )

    expect(result.removed).toBe(1500)
    expect(new Set(expired).size).toBe(1500)
  })
})

describe('given several workers ticking on the same day', () => {
  it('should prune once', async () => {
    const docs = new FakeDocs()
    let pages = 0
    const deps = {
      docs,
      memory: new TenantMemory(),
      audit: {
        olderThan: async function* olderThan() {
          pages += 1
          yield* []
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
