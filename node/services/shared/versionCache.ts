import type { Versioned } from '../../clients/stateDocs'
import type { PooledMap } from '../../memory/entryPool'

/**
 * The last version of a tenant's VBase documents this process wrote or read, with their ETags,
 * bounded with every tenant's under one process-wide pool (least recently used out first). Only
 * ever a first guess before a conditional write: a stale entry makes the write fail with 412,
 * and the caller then reads the document for real. It saves the read in front of every
 * read-modify-write of a document this process touched last.
 */
export class VersionCache<T> {
  constructor(private readonly entries: PooledMap<Versioned<T>>) {}

  public get(key: string): Versioned<T> | undefined {
    return this.entries.get(key)
  }

  /** Keeps `value` at `etag`; an unknown ETag (null) cannot guard a write, so it is forgotten. */
  public set(key: string, value: T, etag: string | null) {
    if (!etag) {
      this.entries.delete(key)

      return
    }

    this.entries.set(key, { value, etag })
  }

  public delete(key: string) {
    this.entries.delete(key)
  }

  public clear() {
    this.entries.clear()
  }
}
