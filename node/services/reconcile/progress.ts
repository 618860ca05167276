import type { Cursor, RunDoc, SkuOutcome } from './types'

/**
 * What the SKUs the cursor passed since the last checkpoint add to the run. SKUs finish out of
 * order; only those before the cursor are counted, so that what a checkpoint persists (cursor,
 * `done`, errors, drift) describes exactly the SKUs a resumed run will not evaluate again.
 */
export class Progress {
  private cursor: Cursor | null = null
  private done = 0
  private driftFound = 0
  private errors: Record<string, number> = {}

  /** The cursor moved to `cursor` past a SKU that ended with `outcome`. */
  public passed(cursor: Cursor, { errorCode, driftFound }: SkuOutcome) {
    this.cursor = cursor
    this.done += 1
    this.driftFound += driftFound
    if (errorCode) this.errors[errorCode] = (this.errors[errorCode] ?? 0) + 1
  }

  public moveTo(cursor: Cursor) {
    this.cursor = cursor
  }

  /** `run` with what was passed since the last call added; starts counting afresh. */
  public foldInto(run: RunDoc): RunDoc {
    const errors = { ...run.errors }

    for (const [code, n] of Object.entries(this.errors))
      errors[code] = (errors[code] ?? 0) + n
    const folded = {
      ...run,
      cursor: this.cursor ?? run.cursor,
      done: run.done + this.done,
      driftFound: run.driftFound + this.driftFound,
      errors,
    }

    this.cursor = null
    this.done = 0
    this.driftFound = 0
    this.errors = {}

    return folded
  }
}
