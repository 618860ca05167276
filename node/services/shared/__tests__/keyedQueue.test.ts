import { KeyedQueue } from '../keyedQueue'

const tick = () => new Promise((resolve) => setImmediate(resolve))

describe('KeyedQueue', () => {
  it('should run the tasks of one key one after the other, and of other keys at once', async () => {
    const queue = new KeyedQueue()
    const log: string[] = []
    const task = (name: string) => async () => {
      log.push(`${name} start`)
      await tick()
      log.push(`${name} end`)

      return name
    }

    const results = await Promise.all([
      queue.run('p1', task('a')),
      queue.run('p1', task('b')),
      queue.run('p2', task('c')),
    ])

    expect(results).toEqual(['a', 'b', 'c'])
    expect(log.indexOf('b start')).toBeGreaterThan(log.indexOf('a end'))
    expect(log.indexOf('c start')).toBeLessThan(log.indexOf('a end'))
  })

  it("should run the next task after one that failed, and give the failure to that task's caller only", async () => {
    const queue = new KeyedQueue()
    const failed = queue.run('p1', async () => {
      throw new Error('412')
    })

    const next = queue.run('p1', async () => 'ran')

    await expect(failed).rejects.toThrow('412')
    await expect(next).resolves.toBe('ran')
  })

  it('should forget a key once its tasks are done', async () => {
    const queue = new KeyedQueue()

    await queue.run('p1', async () => undefined)
    await tick()

    expect(queue.size).toBe(0)
  })
})
