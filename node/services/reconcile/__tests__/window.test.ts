import fc from 'fast-check'

import { runWindow } from '../window'
import type { WindowRun } from '../window'

/** A task per index that finishes when the test says so. */
function controlled(n: number) {
  const finish: Array<(v?: string) => void> = []
  const fail: Array<(e: Error) => void> = []
  const started: number[] = []
  const ended = new Set<number>()
  const process = (id: string, index: number) => {
    started.push(index)

    return new Promise<string>((resolve, reject) => {
      finish[index] = (v = id) => {
        ended.add(index)
        resolve(v)
      }

      fail[index] = (e) => {
        ended.add(index)
        reject(e)
      }
    })
  }

  const ids = Array.from({ length: n }, (_, i) => `sku${i}`)

  return { ids, process, finish, fail, started, ended }
}

const flush = async () => {
  for (let i = 0; i < 20; i++) {
    await Promise.resolve()
  }
}

describe('given a chunk processed with a window of 3', () => {
  describe('when SKUs finish out of order', () => {
    it('should pass them to the cursor in index order, and start none beyond the window', async () => {
      const t = controlled(6)
      const passed: Array<[number, string]> = []
      const running = runWindow({
        ids: t.ids,
        from: 0,
        concurrency: 3,
        every: 100,
        process: t.process,
        passed: (index, result) => passed.push([index, result]),
        checkpoint: async () => false,
      })

      await flush()
      expect(t.started).toEqual([0, 1, 2])
      t.finish[2]()
      t.finish[1]()
      await flush()
      // 0 is unfinished: the cursor stays at 0, and so does the window.
      expect(passed).toEqual([])
      expect(t.started).toEqual([0, 1, 2])
      t.finish[0]()
      await flush()
      expect(passed).toEqual([
        [1, 'sku0'],
        [2, 'sku1'],
        [3, 'sku2'],
      ])
      expect(t.started).toEqual([0, 1, 2, 3, 4, 5])
      t.finish[5]()
      t.finish[4]()
      t.finish[3]()
      await expect(running).resolves.toBe(false)
      expect(passed.map(([i]) => i)).toEqual([1, 2, 3, 4, 5, 6])
    })
  })

  describe('when a checkpoint answers that the run finished (cancelled)', () => {
    it('should start nothing more and return once what was in flight has finished', async () => {
      const t = controlled(10)
      const passed: number[] = []
      const running = runWindow({
        ids: t.ids,
        from: 0,
        concurrency: 3,
        every: 1,
        process: t.process,
        passed: (index) => passed.push(index),
        checkpoint: async () => true,
      })

      await flush()
      t.finish[1]()
      await flush()
      let returned = false

      running.then(() => {
        returned = true
      })
      await flush()
      expect(returned).toBe(false) // 0 and 2 are still in flight
      t.finish[0]()
      t.finish[2]()
      await expect(running).resolves.toBe(true)
      expect(t.started).toEqual([0, 1, 2])
      expect(passed).toEqual([1, 2, 3])
    })
  })

  describe('when a SKU fails with an unexpected error', () => {
    it('should wait for the others, keep the cursor before it and throw', async () => {
      const t = controlled(10)
      const passed: number[] = []
      const running = runWindow({
        ids: t.ids,
        from: 0,
        concurrency: 3,
        every: 100,
        process: t.process,
        passed: (index) => passed.push(index),
        checkpoint: async () => false,
      })

      await flush()
      t.fail[1](new Error('storage down'))
      t.finish[2]()
      await flush()
      expect(t.started).toEqual([0, 1, 2])
      t.finish[0]()
      await expect(running).rejects.toThrow('storage down')
      expect(passed).toEqual([1])
    })
  })
})

describe('given a chunk resumed at a cursor with a window of 1', () => {
  it('should process one SKU at a time from the cursor, as a plain loop does', async () => {
    const order: string[] = []
    const checkpoints: number[] = []
    let cursor = 2

    await runWindow({
      ids: ['a', 'b', 'c', 'd', 'e', 'f'],
      from: 2,
      concurrency: 1,
      every: 2,
      process: async (id) => {
        order.push(`start ${id}`)
        await new Promise((r) => setImmediate(r))
        order.push(`end ${id}`)
      },
      passed: (index) => {
        cursor = index
      },
      checkpoint: async () => {
        checkpoints.push(cursor)

        return false
      },
    })

    expect(order).toEqual([
      'start c',
      'end c',
      'start d',
      'end d',
      'start e',
      'end e',
      'start f',
      'end f',
    ])
    expect(checkpoints).toEqual([4, 6])
  })
})

describe('given any window, checkpoint cadence and order of completion', () => {
  it('should never checkpoint a cursor past an unfinished SKU, keep at most the window in flight, and pass every SKU once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 12 }),
        fc.array(fc.integer({ min: 0, max: 5 }), {
          minLength: 25,
          maxLength: 25,
        }),
        async (size, every, from, delays) => {
          const ids = delays.map((_, i) => String(i))
          const ended = new Set<number>()
          const inFlight = new Set<number>()
          const passed: number[] = []
          let cursor = from
          let maxInFlight = 0
          let beyondWindow = false
          const violations: string[] = []

          const run: WindowRun<number> = {
            ids,
            from,
            concurrency: size,
            every,
            process: async (_id, index) => {
              inFlight.add(index)
              maxInFlight = Math.max(maxInFlight, inFlight.size)
              if (index >= cursor + size) beyondWindow = true
              for (let i = 0; i < delays[index]; i++) {
                await new Promise((r) => setImmediate(r))
              }

              inFlight.delete(index)
              ended.add(index)

              return index
            },
            passed: (index, result) => {
              passed.push(result)
              cursor = index
            },
            checkpoint: async () => {
              for (let i = from; i < cursor; i++)
                if (!ended.has(i)) violations.push(`cursor ${cursor} > ${i}`)

              return false
            },
          }

          await runWindow(run)
          expect(violations).toEqual([])
          expect(beyondWindow).toBe(false)
          expect(maxInFlight).toBeLessThanOrEqual(size)
          expect(passed).toEqual(ids.slice(from).map((_, i) => from + i))
          expect(cursor).toBe(ids.length)
        }
      ),
      { numRuns: 60 }
    )
  })
})
