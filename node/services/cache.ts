/**
 * A small per-process cache with a time-to-live, for reference data that changes rarely
 * (affiliates, warehouses, docks, settings). Concurrent misses share one load.
 */
export class TtlCache<T> {
  private value: T | null = null
  private loadedAt = 0
  private loading: Promise<T> | null = null

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now
  ) {}

  public async get(load: () => Promise<T>): Promise<T> {
    if (this.value !== null && this.now() - this.loadedAt < this.ttlMs)
      return this.value
    if (!this.loading) {
      this.loading = load()
        .then((value) => {
          this.value = value
          this.loadedAt = this.now()

          return value
        })
        .finally(() => {
          this.loading = null
        })
    }

    return this.loading
  }

  public invalidate() {
    this.value = null
  }
}
