/**
 * What a worker process keeps between requests for one tenant, in one object. Each module that
 * keeps something declares a `Slot` (a typed key and how to make its value) and reaches its value
 * through the request's memory (`deps.memory`, or a client's account memory), never through a
 * module-level variable: on VTEX IO a pod serves every account that runs this app version, and
 * SKU ids are small integers in every account. Everything in a slot must be safe to lose (each
 * slot's owner says why): the tenant may be dropped past the bound, or the process restarted.
 */
import { EntryPool } from './entryPool'

/** The process-wide bounds that per-tenant maps of one kind share (see EntryPool). */
export interface Pools {
  pool(name: string, capacity: number): EntryPool
}

export interface Slot<V> {
  /** For logs and tests: what the slot holds. */
  readonly name: string
  /** Makes the tenant's value; `pools` gives the process-wide bound of a kind of entry. */
  readonly create: (pools: Pools) => V
  /** Cancels what the value holds that outlives a request (timers), when the tenant is dropped. */
  readonly dispose?: (value: V) => void
}

export function slot<V>(
  name: string,
  create: (pools: Pools) => V,
  dispose?: (value: V) => void
): Slot<V> {
  return { name, create, dispose }
}

/** Pools of one memory alone (a memory made outside a ProcessMemory, as unit tests do). */
class LocalPools implements Pools {
  private readonly pools = new Map<string, EntryPool>()

  public pool(name: string, capacity: number) {
    let pool = this.pools.get(name)

    if (!pool) {
      pool = new EntryPool(capacity)
      this.pools.set(name, pool)
    }

    return pool
  }
}

export class TenantMemory {
  private readonly values = new Map<Slot<unknown>, unknown>()
  private dropped = false

  constructor(private readonly pools: Pools = new LocalPools()) {}

  /** The slot's value, made on first use. */
  public get<V>(key: Slot<V>): V {
    if (this.values.has(key as Slot<unknown>))
      return this.values.get(key as Slot<unknown>) as V
    const value = key.create(this.pools)

    // A dropped memory still answers (a request that began before the drop finishes on it), but
    // keeps nothing new: its tenant's next request gets a fresh memory.
    if (!this.dropped) this.values.set(key as Slot<unknown>, value)

    return value
  }

  /** True once the process let this tenant go: timers that belong to it must not run again. */
  public get isDropped() {
    return this.dropped
  }

  /** Lets the tenant go: every slot cancels its timers, and the values are forgotten. */
  public drop() {
    this.dropped = true
    for (const [key, value] of this.values) key.dispose?.(value)
    this.values.clear()
  }
}
