import type { AuditEntry } from '../../projection/audit'
import { decodeCursor, encodeCursor, readFeed } from '../feed'
import type { FeedDeps } from '../feed'
import { feedWhere } from '../../projection/auditQuery'
import { checkKey, createKey, listKeys, revokeKey } from '../keys'
import { FakeDocs } from '../../shared/__tests__/fakes'

const NOW = new Date('2026-11-26T12:00:00.000Z')
const keyDeps = () => ({ docs: new FakeDocs(), now: () => NOW })

describe('given an admin manages channel keys', () => {
  describe('when a key is created for MKB', () => {
    it('should return the secret once and store only a salted hash', async () => {
      const deps = keyDeps()
      const { key, secret } = await createKey(deps, 'MKB', 'admin@x')

      expect(secret).toMatch(/^sgk\.MKB\.[0-9a-f]{8}\./)
      const stored = JSON.stringify([...deps.docs.files.values()])
      const [, , , raw] = secret.split('.')

      expect(stored).not.toContain(raw)
      expect(stored).toContain('"hash"')
      expect(key).toMatchObject({
        channel: 'MKB',
        createdBy: 'admin@x',
        revokedAt: null,
      })
      expect(await listKeys(deps, 'MKB')).toEqual([key])
      expect(Object.keys(key)).not.toContain('hash')
    })
  })

  describe('when a key is presented to a feed', () => {
    it.each([
      ['its own channel', 'MKB', 'OK'],
      ['another channel', 'GGL', 'FORBIDDEN'],
    ])('should answer %s with %s', async (_, channel, expected) => {
      const deps = keyDeps()
      const { secret } = await createKey(deps, 'MKB', null)

      expect(await checkKey(deps, secret, channel)).toBe(expected)
    })

    it.each([
      ['no key', null],
      ['an empty key', ''],
      ['garbage', 'hello'],
      ['a wrong secret', 'WRONG'],
      ['a key id that does not exist', 'UNKNOWN_ID'],
      ['a key whose channel prefix was changed', 'SWAP'],
    ])('should answer %s with UNAUTHENTICATED', async (_, variant) => {
      const deps = keyDeps()
      const { secret } = await createKey(deps, 'MKB', null)

      await createKey(deps, 'GGL', null)
      const [p, c, id, s] = secret.split('.')
      const presented =
        variant === 'WRONG'
          ? `${p}.${c}.${id}.${s.slice(1)}x`
          : variant === 'UNKNOWN_ID'
          ? `${p}.${c}.00000000.${s}`
          : variant === 'SWAP'
          ? `${p}.GGL.${id}.${s}`
          : variant

      expect(await checkKey(deps, presented, 'MKB')).toBe('UNAUTHENTICATED')
    })

    it('should record its first accepted use once, and never a refused one', async () => {
      const deps = keyDeps()
      const { key, secret } = await createKey(deps, 'MKB', null)

      expect(await checkKey(deps, secret, 'GGL')).toBe('FORBIDDEN')
      expect((await listKeys(deps, 'MKB'))[0].firstUsedAt).toBeUndefined()
      const before = deps.docs.writes

      expect(await checkKey(deps, secret, 'MKB')).toBe('OK')
      expect(await checkKey(deps, secret, 'MKB')).toBe('OK')
      expect(deps.docs.writes - before).toBe(1)
      expect(await listKeys(deps, 'MKB')).toEqual([
        { ...key, firstUsedAt: NOW.toISOString() },
      ])
    })

    it('should refuse a revoked key, and keep the other keys working', async () => {
      const deps = keyDeps()
      const first = await createKey(deps, 'MKB', null)
      const second = await createKey(deps, 'MKB', null)

      await revokeKey(deps, 'MKB', first.key.id, 'admin@x')
      expect(await checkKey(deps, first.secret, 'MKB')).toBe('UNAUTHENTICATED')
      expect(await checkKey(deps, second.secret, 'MKB')).toBe('OK')
      expect((await listKeys(deps, 'MKB'))[0]).toMatchObject({
        revokedBy: 'admin@x',
      })
    })
  })
})

/**
 * A Master Data search over entries for the clauses the feed writes (channel, kind, `at<=`, the
 * keyset `(at>A OR (at=A AND id>I))`), sorted by (at, id), at most 100 a page as Master Data.
 */
type AuditSearch = (
  where: string,
  page: number,
  pageSize: number
) => Promise<{ data: AuditEntry[]; pagination: { total: number } }>

function fakeSearch(entries: AuditEntry[], calls: string[]): AuditSearch {
  return async (where, page, pageSize) => {
    calls.push(where)
    const channel = /channel="([^"]+)"/.exec(where)?.[1]
    const upTo = /at<="([^"]+)"/.exec(where)?.[1] ?? '~'
    const after = /\(at>"([^"]+)" OR \(at="[^"]+" AND id>"([^"]*)"\)\)/.exec(
      where
    )

    const data = entries
      .filter((e) => e.channel === channel && e.kind === 'STATUS_CHANGE')
      .filter((e) => e.at <= upTo)
      .filter(
        (e) =>
          !after || e.at > after[1] || (e.at === after[1] && e.id > after[2])
      )
      .sort((a, b) =>
        a.at !== b.at ? (a.at < b.at ? -1 : 1) : a.id < b.id ? -1 : 1
      )

    const size = Math.min(pageSize, 100)

    return {
      data: data.slice((page - 1) * size, page * size),
      pagination: { total: data.length },
    }
  }
}

/** The audit adapter's feed query (its `_where` as AuditLog writes it) over that search. */
function fakeFeed(entries: AuditEntry[], calls: string[]): FeedDeps['audit'] {
  const search = fakeSearch(entries, calls)

  return {
    feedAfter: (channel, after, upTo, size) =>
      search(feedWhere(channel, after, upTo), 1, size),
  }
}

const entry = (id: string, at: string, channel = 'MKB'): AuditEntry => ({
  id,
  at,
  skuId: id.split('-')[0],
  productId: '10',
  channel,
  kind: 'STATUS_CHANGE',
  cause: 'EVENT',
  actor: null,
  fromStatus: 'WITHHELD',
  toStatus: 'EXPOSED',
  reasons: [],
  details: JSON.stringify({ available: 3 }),
})

const t = (s: number) =>
  new Date(NOW.getTime() - 60_000 + s * 1000).toISOString()

describe('given a channel with exposure changes', () => {
  const entries = [
    entry('1-MKB-s1', t(1)),
    entry('2-MKB-s1', t(2)),
    entry('3-MKB-s1', t(2)), // same instant as SKU 2
    entry('4-MKB-s1', t(2)),
    entry('5-MKB-s1', t(3)),
    entry('6-GGL-s1', t(3), 'GGL'),
    entry('7-MKB-s1', t(58)), // younger than the settle window
  ]

  const deps = (calls: string[] = []): FeedDeps => ({
    audit: fakeFeed(entries, calls),
    now: () => NOW,
    settleMs: 10_000,
  })

  describe('when a consumer pages through with a small limit', () => {
    it('should return every change once, in order, never splitting an instant across cursors', async () => {
      const seen: string[] = []
      let since = null
      let pages = 0

      for (;;) {
        const page = await readFeed(deps(), 'MKB', since, 2)

        pages += 1
        seen.push(...page.items.map((i) => i.id))
        since = decodeCursor(page.next)
        if (!page.hasMore) break
      }

      expect(seen).toEqual([
        '1-MKB-s1',
        '2-MKB-s1',
        '3-MKB-s1',
        '4-MKB-s1',
        '5-MKB-s1',
      ])
      expect(pages).toBeGreaterThan(2)
    })

    it('should shape items with SKU, product, status, available and time', async () => {
      const page = await readFeed(deps(), 'MKB', null, 1)

      expect(page.items).toEqual([
        {
          id: '1-MKB-s1',
          skuId: '1',
          productId: '10',
          status: 'EXPOSED',
          fromStatus: 'WITHHELD',
          available: 3,
          at: t(1),
        },
      ])
      expect(page.hasMore).toBe(true)
    })
  })

  describe('when the consumer is up to date', () => {
    it('should return nothing and the same position, until a settled change arrives', async () => {
      const all = await readFeed(deps(), 'MKB', null, 100)
      const last = decodeCursor(all.next)
      const again = await readFeed(deps(), 'MKB', last, 100)

      expect(again).toEqual({ items: [], next: all.next, hasMore: false })
      const later: FeedDeps = {
        ...deps(),
        now: () => new Date(NOW.getTime() + 60_000),
      }

      expect(
        (await readFeed(later, 'MKB', last, 100)).items.map((i) => i.id)
      ).toEqual(['7-MKB-s1'])
    })
  })

  describe('when a cursor is not one of ours', () => {
    it.each([
      'garbage',
      encodeCursor({ at: 'not a date', id: 'x' }),
      'e30',
      // The largest date JavaScript holds: one millisecond later is not a date (was a 500).
      encodeCursor({ at: '+275760-09-13T00:00:00.000Z', id: 'x' }),
      encodeCursor({ at: '2026-02-30T00:00:00.000Z', id: 'x' }),
      Buffer.from(JSON.stringify([t(1), 7])).toString('base64url'),
    ])('should not decode %s', (cursor) => {
      expect(decodeCursor(cursor)).toBeNull()
    })

    it('should round-trip a position', () => {
      const position = { at: t(2), id: '3-MKB-s1' }

      expect(decodeCursor(encodeCursor(position))).toEqual(position)
    })
  })
})

describe('given more than a page of changes, many sharing one instant', () => {
  // 213 entries, 120 of them at one instant: the page limit (100) and the ties both matter.
  const entries = Array.from({ length: 213 }, (_, i) =>
    entry(`${1000 + i}-MKB-s1`, t(i < 50 ? 1 : i < 170 ? 2 : 3 + (i % 7)))
  )

  const deps = (): FeedDeps => ({
    audit: fakeFeed(entries, []),
    now: () => NOW,
    settleMs: 10_000,
  })

  it.each([1, 7, 99, 100])(
    'should serve every entry exactly once, in order, at limit %i',
    async (limit) => {
      const seen: string[] = []
      let since = null

      for (let pages = 0; pages < 300; pages++) {
        const page = await readFeed(deps(), 'MKB', since, limit)

        seen.push(...page.items.map((i) => i.id))
        since = decodeCursor(page.next)
        if (!page.hasMore) break
      }

      const expected = [...entries]
        .sort((a, b) =>
          a.at !== b.at ? (a.at < b.at ? -1 : 1) : a.id < b.id ? -1 : 1
        )
        .map((e) => e.id)

      expect(seen).toEqual(expected)
    }
  )
})
