/**
 * What a worker process remembers for one tenant (an account, or an account and workspace), for
 * at most `max` tenants: a pod on VTEX IO serves every account that runs this app version, so
 * per-tenant memory must not grow with the number of accounts. Past the bound the least recently
 * used tenant is dropped (`onEvict` lets its owner cancel that tenant's timers). Everything kept
 * here must be safe to lose: a durable store or a later read has it again (each user says why).
 */
export const MAX_TENANTS = 500

export class TenantLru<V> {
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  private readonly entries = new Map<string, V>()

  constructor(
    private readonly create: (tenant: string) => V,
    private readonly max = MAX_TENANTS,
    private readonly onEvict?: (value: V, tenant: string) => void
  ) {}

  /** The tenant's memory, made on first use; marks it as the most recently used. */
  public get(tenant: string): V {
    let value = this.entries.get(tenant)

    if (value !== undefined) {
      this.entries.delete(tenant)
      this.entries.set(tenant, value)

      return value
    }

    value = this.create(tenant)
    this.entries.set(tenant, value)
    while (this.entries.size > this.max) {
      const [oldest, dropped] = this.entries.entries().next().value as [
        string,
        V
      ]

      this.entries.delete(oldest)
      this.onEvict?.(dropped, oldest)
    }

    return value
  }

  /** The tenant's memory if it is still kept, without making it or marking it used. */
  public peek(tenant: string): V | undefined {
    return this.entries.get(tenant)
  }

  public has(tenant: string) {
    return this.entries.has(tenant)
  }

  public get size() {
    return this.entries.size
  }

  public values() {
    return this.entries.values()
  }

  public delete(tenant: string) {
    const value = this.entries.get(tenant)

    if (value === undefined) return
    this.entries.delete(tenant)
    this.onEvict?.(value, tenant)
  }

  public clear() {
    for (const tenant of [...this.entries.keys()]) this.delete(tenant)
  }
}
