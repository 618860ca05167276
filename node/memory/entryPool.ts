/** A tenant's map under its pool's bound, least recently used first. */
export class PooledMap<V> {
  private readonly entries = new Map<string, V>()

  constructor(private readonly pool: EntryPool) {}

  public get size() {
    return this.entries.size
  }

  public get(key: string): V | undefined {
    const hit = this.entries.get(key)

    if (hit !== undefined) {
      this.entries.delete(key)
      this.entries.set(key, hit)
      this.pool.used(this as PooledMap<unknown>)
    }

    return hit
  }

  public set(key: string, value: V) {
    const had = this.entries.delete(key)

    this.entries.set(key, value)
    if (had) this.pool.used(this as PooledMap<unknown>)
    else this.pool.added(this as PooledMap<unknown>)
  }

  public delete(key: string) {
    if (this.entries.delete(key))
      this.pool.removed(this as PooledMap<unknown>, 1)
  }

  public clear() {
    const count = this.entries.size

    this.entries.clear()
    if (count) this.pool.removed(this as PooledMap<unknown>, count)
  }

  /** @internal The pool's eviction: false when there was nothing to drop. */
  public dropOldest(): boolean {
    const oldest = this.entries.keys().next()

    if (oldest.done) return false
    this.entries.delete(oldest.value)
    this.pool.removed(this as PooledMap<unknown>, 1)

    return true
  }
}

/**
 * One process-wide bound over many per-tenant maps of one kind (SKU states, recent reads...):
 * each tenant keeps its entries in its own `PooledMap`, so nothing is looked up across tenants,
 * while the process holds at most `capacity` entries of that kind whatever the number of
 * tenants. Past the bound, the least recently used map gives up its oldest entry: a busy
 * tenant keeps its working set, an idle one's entries go first.
 */
export class EntryPool {
  // Maps in the order they were last used (a Map iterates in insertion order).
  private readonly maps = new Map<PooledMap<unknown>, true>()
  private entries = 0

  constructor(public readonly capacity: number) {}

  public get size() {
    return this.entries
  }

  /** A new, empty map of this kind for one tenant. */
  public map<V>(): PooledMap<V> {
    return new PooledMap<V>(this)
  }

  /** @internal PooledMap's accounting. */
  public used(map: PooledMap<unknown>) {
    this.maps.delete(map)
    this.maps.set(map, true)
  }

  /** @internal */
  public added(map: PooledMap<unknown>) {
    this.entries += 1
    this.used(map)
    while (this.entries > this.capacity) {
      const stalest = this.maps.keys().next().value as PooledMap<unknown>

      if (!stalest.dropOldest()) this.maps.delete(stalest)
    }
  }

  /** @internal */
  public removed(map: PooledMap<unknown>, count: number) {
    this.entries -= count
    if (map.size === 0) this.maps.delete(map)
  }
}
