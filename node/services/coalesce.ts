/**
 * Repeated or concurrent events for one SKU in this process cost one evaluation: callers that
 * arrive while an evaluation has not started reading yet join it; callers that arrive after it
 * started share one trailing evaluation, so a change is never missed.
 */
export class Coalescer<T> {
  private readonly running = new Map<
    string,
    { promise: Promise<T>; started: boolean }
  >()

  private readonly trailing = new Map<string, Promise<T>>()

  constructor(private readonly windowMs = 50) {}

  /** For tests: later callers start their own task instead of joining one begun before. */
  public clear() {
    this.running.clear()
    this.trailing.clear()
  }

  /**
   * Resolves once no task whose key `matches` is running or queued, including tasks those
   * tasks started meanwhile (an evaluation may start its siblings').
   */
  public async idle(matches: (key: string) => boolean = () => true) {
    for (;;) {
      const pending = [...this.running.entries()]
        .filter(([key]) => matches(key))
        .map(([, entry]) => entry.promise as Promise<unknown>)
        .concat(
          [...this.trailing.entries()]
            .filter(([key]) => matches(key))
            .map(([, promise]) => promise)
        )

      if (pending.length === 0) return
      // eslint-disable-next-line no-await-in-loop
      await Promise.allSettled(pending)
    }
  }

  public run(key: string, task: () => Promise<T>): Promise<T> {
    const current = this.running.get(key)

    if (current && !current.started) return current.promise
    if (current) {
      const queued = this.trailing.get(key)

      if (queued) return queued
      const next = current.promise
        .catch(() => undefined)
        .then(() => {
          this.trailing.delete(key)

          return this.run(key, task)
        })

      this.trailing.set(key, next)

      return next
    }

    const entry = {
      promise: Promise.resolve() as unknown as Promise<T>,
      started: false,
    }

    entry.promise = new Promise<void>((resolve) =>
      setTimeout(resolve, this.windowMs)
    )
      .then(() => {
        entry.started = true

        return task()
      })
      .finally(() => {
        if (this.running.get(key) === entry) this.running.delete(key)
      })
    this.running.set(key, entry)

    return entry.promise
  }
}
