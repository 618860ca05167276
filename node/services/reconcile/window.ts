/**
 * Runs `process` over `ids` from index `from`, up to `concurrency` at once, every index in flight
 * within `concurrency` of the lowest unfinished one. SKUs finish out of order; `passed` hears of
 * them in index order, as the lowest unfinished index (the cursor) moves past them, so what is
 * persisted about the first `index` SKUs is always final and a crash re-evaluates at most the
 * window. `checkpoint` runs every `every` finished SKUs while the others go on; when it answers
 * true (the run finished: cancelled) no new SKU starts. Nothing is left in flight when this
 * returns or throws.
 */
export interface WindowRun<T> {
  ids: string[]
  from: number
  concurrency: number
  every: number
  process: (id: string, index: number) => Promise<T>
  /** The cursor moved past `index - 1` (whose result is `result`). */
  passed: (index: number, result: T) => void
  /** Persists progress; true stops the window. */
  checkpoint: () => Promise<boolean>
}

/** Returns true when a checkpoint stopped it before the end. */
export async function runWindow<T>(w: WindowRun<T>): Promise<boolean> {
  const size = Math.max(1, Math.floor(w.concurrency))
  const finished = new Map<number, T>()
  const inFlight = new Set<Promise<void>>()
  let cursor = w.from
  let next = w.from
  let sinceCheckpoint = 0
  const failures: unknown[] = []

  const start = (index: number) => {
    const task: Promise<void> = w
      .process(w.ids[index], index)
      .then(
        (result) => {
          sinceCheckpoint += 1
          finished.set(index, result)
          while (finished.has(cursor)) {
            const passed = finished.get(cursor) as T

            finished.delete(cursor)
            cursor += 1
            w.passed(cursor, passed)
          }
        },
        (error) => {
          failures.push(error)
        }
      )
      .finally(() => inFlight.delete(task))

    inFlight.add(task)
  }

  try {
    for (;;) {
      while (
        failures.length === 0 &&
        next < w.ids.length &&
        next < cursor + size
      )
        start(next++)
      if (inFlight.size === 0) break
      await Promise.race(inFlight)
      if (failures.length > 0) break
      if (sinceCheckpoint >= w.every) {
        sinceCheckpoint = 0
        if (await w.checkpoint()) return true
      }
    }
  } finally {
    // A failure, a lost lock or a cancellation: let what started finish (and be counted).
    await Promise.allSettled([...inFlight])
  }

  if (failures.length > 0) throw failures[0]

  return false
}
