/**
 * A small cache with a time-to-live (kept in a tenant's memory), for reference data that changes rarely
 * (affiliates, warehouses, docks, settings). Concurrent misses share one load.
 */
export class TtlCache<T> {
  private value: T | null = null
  private loadedAt = 0
  private loading: Promise<T> | null = null
  // Bumped by `invalidate`: a load started before it must neither serve later callers nor be
  // stored, or settings saved while an old read was in flight would come back for a whole TTL.
  private generation = 0

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now
  ) {}

  public async get(load: () => Promise<T>): Promise<T> {
    if (this.value !== null && this.now() - this.loadedAt < this.ttlMs)
      return this.value
    if (!this.loading) {
      const { generation } = this
      const loading = load()
        .then((value) => {
          if (generation === this.generation) {
            this.value = value
            this.loadedAt = this.now()
          }

          return value
        })
        .finally(() => {
          if (this.loading === loading) this.loading = null
        })

      this.loading = loading
    }

    return this.loading
  }

  public invalidate() {
    this.value = null
    this.loading = null
    this.generation += 1
  }
}
