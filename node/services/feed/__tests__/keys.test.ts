import { MAX_REVOKED_KEPT, withoutOldRevoked } from '../keys'
import type { StoredKey } from '../keys'

const key = (id: string, revokedAt: string | null): StoredKey => ({
  id,
  salt: 's',
  hash: 'h',
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: null,
  revokedAt,
  revokedBy: null,
})

describe('a channel key document', () => {
  it('keeps every active key and only the latest revoked ones, in stored order', () => {
    const revoked = Array.from({ length: MAX_REVOKED_KEPT + 5 }, (_, i) =>
      key(`r${i}`, `2026-01-${String(i + 1).padStart(2, '0')}T00:00:00.000Z`)
    )

    const kept = withoutOldRevoked([
      key('a1', null),
      ...revoked,
      key('a2', null),
    ])

    expect(kept.map((k) => k.id)).toEqual([
      'a1',
      ...revoked.slice(5).map((k) => k.id),
      'a2',
    ])
  })

  it('changes nothing under the bound', () => {
    const keys = [key('a', null), key('b', '2026-01-01T00:00:00.000Z')]

    expect(withoutOldRevoked(keys)).toEqual(keys)
  })
})
