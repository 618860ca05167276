import { TenantLru } from '../tenantLru'

describe('TenantLru', () => {
  describe('given a bound of two tenants', () => {
    describe('when a third tenant comes', () => {
      it('should drop the least recently used tenant, not the oldest made', () => {
        const dropped: string[] = []
        const lru = new TenantLru(
          (tenant) => ({ tenant, hits: 0 }),
          2,
          (_, tenant) => dropped.push(tenant)
        )

        lru.get('a').hits += 1
        lru.get('b').hits += 1
        // a is used again: b is now the least recently used.
        lru.get('a').hits += 1
        lru.get('c')

        expect(dropped).toEqual(['b'])
        expect(lru.size).toBe(2)
        expect(lru.peek('a')).toEqual({ tenant: 'a', hits: 2 })
        expect(lru.has('b')).toBe(false)
        // A dropped tenant comes back with fresh memory.
        expect(lru.get('b').hits).toBe(0)
        expect(dropped).toEqual(['b', 'a'])
      })
    })

    describe('when a tenant is only peeked at', () => {
      it('should neither make it nor count it as used', () => {
        const lru = new TenantLru((tenant) => tenant, 2)

        lru.get('a')
        lru.get('b')
        expect(lru.peek('z')).toBeUndefined()
        lru.peek('a')
        lru.get('c')

        expect([...lru.values()]).toEqual(['b', 'c'])
      })
    })
  })
})
