import type { Versioned } from '../clients/stateDocs'

/**
 * The last version of a VBase document this process wrote or read, with its ETag, bounded
 * (least recently used out first). Only ever a first guess before a conditional write: a stale
 * entry makes the write fail with 412, and the caller then reads the document for real. It saves
 * the read in front of every read-modify-write of a document this process touched last.
 */
export class VersionCache<T> {
  private readonly entries = new Map<string, Versioned<T>>()

  constructor(private readonly capacity: number) {}

  public get(key: string): Versioned<T> | undefined {
    const hit = this.entries.get(key)

    if (hit) {
      this.entries.delete(key)
      this.entries.set(key, hit)
    }

    return hit
  }

  /** Keeps `value` at `etag`; an unknown ETag (null) cannot guard a write, so it is forgotten. */
  public set(key: string, value: T, etag: string | null) {
    this.entries.delete(key)
    if (!etag) return
    if (this.entries.size >= this.capacity)
      this.entries.delete(this.entries.keys().next().value as string)
    this.entries.set(key, { value, etag })
  }

  public delete(key: string) {
    this.entries.delete(key)
  }

  public clear() {
    this.entries.clear()
  }
}
