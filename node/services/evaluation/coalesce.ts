/**
 * Repeated or concurrent events for one SKU in this process cost one evaluation: callers that
 * arrive while an evaluation has not started reading yet join it; callers that arrive after it
 * started share one trailing evaluation, so a change is never missed. With `runWith`, each
 * caller brings an argument, and a caller that joins merges its own into the one the task will
 * start with (what each event says changed: the evaluation answers all of them).
 */
export class Coalescer<T> {
  private readonly running = new Map<
    string,
    { promise: Promise<T>; started: boolean; arg: { value: unknown } }
  >()

  private readonly trailing = new Map<
    string,
    { promise: Promise<T>; arg: { value: unknown } }
  >()

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
            .map(([, queued]) => queued.promise)
        )

      if (pending.length === 0) return
      await Promise.allSettled(pending)
    }
  }

  public run(key: string, task: () => Promise<T>): Promise<T> {
    return this.runWith(key, undefined, task, (kept) => kept)
  }

  /**
   * `task` starts with `arg` merged with the argument of every caller that joined it. Tasks of
   * one key are interchangeable but for their argument: a joining caller's own task is dropped.
   */
  public runWith<A>(
    key: string,
    arg: A,
    task: (arg: A) => Promise<T>,
    merge: (kept: A, joining: A) => A
  ): Promise<T> {
    const join = (into: { value: unknown }) => {
      into.value = merge(into.value as A, arg)
    }

    const current = this.running.get(key)

    if (current && !current.started) {
      join(current.arg)

      return current.promise
    }

    if (current) {
      const queued = this.trailing.get(key)

      if (queued) {
        join(queued.arg)

        return queued.promise
      }

      const trail = {
        promise: Promise.resolve() as unknown as Promise<T>,
        arg: { value: arg as unknown },
      }

      trail.promise = current.promise
        .catch(() => undefined)
        .then(() => {
          this.trailing.delete(key)

          return this.runWith(key, trail.arg.value as A, task, merge)
        })

      this.trailing.set(key, trail)

      return trail.promise
    }

    const entry = {
      promise: Promise.resolve() as unknown as Promise<T>,
      started: false,
      arg: { value: arg as unknown },
    }

    entry.promise = new Promise<void>((resolve) =>
      setTimeout(resolve, this.windowMs)
    )
      .then(() => {
        entry.started = true

        return task(entry.arg.value as A)
      })
      .finally(() => {
        if (this.running.get(key) === entry) this.running.delete(key)
      })
    this.running.set(key, entry)

    return entry.promise
  }
}
