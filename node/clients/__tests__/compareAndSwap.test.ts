import { compareAndSwap, ConflictError } from '../stateDocs'
import type { Swap, Versioned } from '../stateDocs'

/** One document with a version counter as its ETag, counting reads and writes. */
function store(initial: Versioned<number>) {
  const doc = { ...initial }
  const calls = { reads: 0, writes: 0, refused: 0 }
  const refuseNext = { count: 0 }

  const swap = (
    rest: Omit<Swap<number, unknown>, 'read' | 'write'>
  ): Swap<number, unknown> => ({
    read: async () => {
      calls.reads += 1

      return { ...doc }
    },
    write: async (value, etag) => {
      calls.writes += 1
      if (refuseNext.count > 0 || etag !== doc.etag) {
        refuseNext.count = Math.max(0, refuseNext.count - 1)
        calls.refused += 1
        throw new ConflictError('doc')
      }

      doc.value = value
      doc.etag = `v${Number(doc.etag?.slice(1) ?? 0) + 1}`

      return doc.etag
    },
    ...rest,
  })

  return { doc, calls, refuseNext, swap }
}

const increment = (current: Versioned<number>) => ({
  kind: 'write' as const,
  value: current.value + 1,
  written: (etag: string | null) => etag,
})

describe('compareAndSwap', () => {
  describe('given a right guess', () => {
    it('should write over it without a read', async () => {
      const { doc, calls, swap } = store({ value: 1, etag: 'v1' })

      const etag = await compareAndSwap(
        swap({
          guess: { value: 1, etag: 'v1' },
          decide: increment,
          attempts: 3,
        })
      )

      expect({ etag, value: doc.value, ...calls }).toEqual({
        etag: 'v2',
        value: 2,
        reads: 0,
        writes: 1,
        refused: 0,
      })
    })
  })

  describe('given a stale guess', () => {
    it('should cost one refused write, then read and decide on the stored version', async () => {
      const { doc, calls, swap } = store({ value: 5, etag: 'v5' })
      const errors: unknown[] = []

      await compareAndSwap(
        swap({
          guess: { value: 1, etag: 'v1' },
          decide: increment,
          attempts: 3,
          onWriteError: (error) => errors.push(error),
        })
      )

      expect(doc.value).toBe(6)
      expect(calls).toEqual({ reads: 1, writes: 2, refused: 1 })
      expect(errors).toHaveLength(1)
    })

    it('should read again without writing when the decision asks to', async () => {
      const { calls, swap } = store({ value: 5, etag: 'v5' })
      const seen: Array<[number, boolean]> = []

      const answer = await compareAndSwap(
        swap({
          guess: { value: 1, etag: 'v1' },
          decide: ({ value }, guessed) => {
            seen.push([value, guessed])

            return guessed
              ? { kind: 'reread' }
              : { kind: 'done', answer: 'nothing' }
          },
          attempts: 3,
        })
      )

      expect(answer).toBe('nothing')
      expect(seen).toEqual([
        [1, true],
        [5, false],
      ])
      expect(calls).toEqual({ reads: 1, writes: 0, refused: 0 })
    })
  })

  describe('when every write is refused', () => {
    it('should stop after the attempts and answer what `exhausted` says', async () => {
      const { calls, refuseNext, swap } = store({ value: 1, etag: 'v1' })

      refuseNext.count = 10

      const answer = await compareAndSwap(
        swap({ decide: increment, attempts: 3, exhausted: () => 'gave up' })
      )

      expect(answer).toBe('gave up')
      expect(calls).toEqual({ reads: 3, writes: 3, refused: 3 })
    })

    it('should throw the last conflict without `exhausted`', async () => {
      const { refuseNext, swap } = store({ value: 1, etag: 'v1' })

      refuseNext.count = 10

      await expect(
        compareAndSwap(swap({ decide: increment, attempts: 2 }))
      ).rejects.toBeInstanceOf(ConflictError)
    })
  })

  describe('when a write fails otherwise', () => {
    it('should throw at once, after telling onWriteError', async () => {
      const errors: unknown[] = []
      let writes = 0

      await expect(
        compareAndSwap({
          read: async () => ({ value: 1, etag: 'v1' }),
          write: async () => {
            writes += 1
            throw new Error('503')
          },
          decide: increment,
          attempts: 5,
          onWriteError: (error) => errors.push(error),
        })
      ).rejects.toThrow('503')
      expect(writes).toBe(1)
      expect(errors).toHaveLength(1)
    })
  })
})
