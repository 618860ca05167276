import { TtlCache } from '../cache'

/** A load the test finishes when it wants, to be caught in flight. */
function deferred<T>() {
  let resolve: (value: T) => void = () => undefined
  const promise = new Promise<T>((r) => {
    resolve = r
  })

  return { promise, resolve }
}

describe('given a load in flight when the cache is invalidated', () => {
  it('should load again for the next caller and never store the older value', async () => {
    const cache = new TtlCache<string>(60_000)
    const old = deferred<string>()
    const before = cache.get(() => old.promise)

    cache.invalidate()
    const after = cache.get(async () => 'saved')

    old.resolve('stale')

    expect(await before).toBe('stale')
    expect(await after).toBe('saved')
    expect(await cache.get(async () => 'unexpected load')).toBe('saved')
  })
})

describe('given concurrent misses', () => {
  it('should share one load and keep its value for the TTL', async () => {
    let now = 0
    const cache = new TtlCache<number>(1_000, () => now)
    let loads = 0
    const load = async () => {
      loads += 1

      return loads
    }

    expect(await Promise.all([cache.get(load), cache.get(load)])).toEqual([
      1, 1,
    ])
    now = 999
    expect(await cache.get(load)).toBe(1)
    now = 1_000
    expect(await cache.get(load)).toBe(2)
  })
})
