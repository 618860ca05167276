import { EntryPool } from '../entryPool'
import { ProcessMemory } from '../processMemory'
import { slot, TenantMemory } from '../tenantMemory'

const COUNTER = slot('counter', () => ({ hits: 0 }))

describe('ProcessMemory', () => {
  describe('given two accounts and a development workspace', () => {
    it('should keep a memory per account and one per account and workspace, never shared', () => {
      const memory = new ProcessMemory()

      memory.account('marketplacea').get(COUNTER).hits += 1
      memory.workspace('marketplacea', 'master').get(COUNTER).hits += 2
      memory.workspace('marketplacea', 'dev1').get(COUNTER).hits += 3

      expect(memory.account('marketplacea').get(COUNTER).hits).toBe(1)
      expect(memory.account('othermarket').get(COUNTER).hits).toBe(0)
      expect(memory.workspace('marketplacea', 'master').get(COUNTER).hits).toBe(
        2
      )
      expect(memory.workspace('marketplacea', 'dev1').get(COUNTER).hits).toBe(3)
      expect(memory.workspace('othermarket', 'master').get(COUNTER).hits).toBe(
        0
      )
    })
  })

  describe('given a bound of two tenants', () => {
    describe('when a third tenant comes', () => {
      it('should drop the least recently used one and cancel what its slots hold', () => {
        const cancelled: string[] = []
        const TIMER = slot(
          'timer',
          () => ({ owner: '' }),
          (value) => cancelled.push(value.owner)
        )

        const memory = new ProcessMemory(2)

        memory.workspace('a', 'master').get(TIMER).owner = 'a'
        memory.workspace('b', 'master').get(TIMER).owner = 'b'
        // a is used again: b is now the least recently used.
        const a = memory.workspace('a', 'master')

        const b = memory.workspace('b', 'master')

        memory.workspace('a', 'master')
        memory.workspace('c', 'master')

        expect(cancelled).toEqual(['b'])
        expect(b.isDropped).toBe(true)
        expect(a.isDropped).toBe(false)
        // b comes back with a fresh memory.
        expect(memory.workspace('b', 'master').get(TIMER).owner).toBe('')
      })
    })
  })

  describe('given a dropped memory that a request still holds', () => {
    it('should answer that request but keep nothing for later', () => {
      const memory = new TenantMemory()

      memory.drop()
      memory.get(COUNTER).hits += 1

      expect(memory.get(COUNTER).hits).toBe(0)
    })
  })

  describe('given maps of one kind in several tenants', () => {
    it('should bound their entries together, the least recently used tenant giving up its oldest first', () => {
      const memory = new ProcessMemory()
      const READS = slot(
        'reads',
        (pools) => pools.pool('reads', 3).map<number>(),
        (map) => map.clear()
      )

      const a = memory.workspace('a', 'master').get(READS)
      const b = memory.workspace('b', 'master').get(READS)

      a.set('1', 1)
      a.set('2', 2)
      b.set('1', 10)
      // a is used last: b is the stalest map when a fourth entry comes.
      expect(a.get('1')).toBe(1)
      a.set('3', 3)

      expect(b.get('1')).toBeUndefined()
      expect([a.get('1'), a.get('2'), a.get('3')]).toEqual([1, 2, 3])
      expect(memory.pool('reads', 3).size).toBe(3)

      // A fifth: a alone holds entries, so its own least recently used (1, read before 2 and 3) goes.
      a.set('4', 4)
      expect(a.get('1')).toBeUndefined()
      expect(a.get('4')).toBe(4)
      expect(memory.pool('reads', 3).size).toBe(3)
    })

    it("should give the pool back a dropped tenant's entries", () => {
      const memory = new ProcessMemory(1)
      const READS = slot(
        'reads',
        (pools) => pools.pool('reads', 10).map<number>(),
        (map) => map.clear()
      )

      const a = memory.workspace('a', 'master').get(READS)

      a.set('1', 1)
      a.set('2', 2)
      memory.workspace('b', 'master').get(READS).set('1', 1)

      expect(memory.pool('reads', 10).size).toBe(1)
    })
  })

  it('should keep the first capacity a pool was made with', () => {
    const memory = new ProcessMemory()

    expect(memory.pool('x', 5)).toBe(memory.pool('x', 50))
    expect(memory.pool('x', 50)).toBeInstanceOf(EntryPool)
    expect(memory.pool('x', 50).capacity).toBe(5)
  })
})
