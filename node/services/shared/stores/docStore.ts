// One typed store per VBase document kind, in the spirit of vtex/io-clients' `vbaseFor`: the
// bucket, the path scheme and the empty value of a kind are said once, here, and a service asks
// for `runStore(deps.docs).read(id)` instead of spelling all three at each read. The store adds
// no call: each method is one call of the tenant's StateDocs (conditional writes included).
import type { StateDocs, Versioned } from '../../../clients/stateDocs'

export type Docs = Pick<StateDocs, 'read' | 'write' | 'update'>

export interface DocStore<T, K> {
  /** The document and its ETag; the kind's empty value (etag null) when it does not exist. */
  read(key: K): Promise<Versioned<T>>
  /** Writes only if the document is still at `etag` (still absent when null): ConflictError. */
  write(key: K, value: T, etag: string | null): Promise<string | null>
  /** Read, change, conditional write, again on a conflict; null from `change`: no write. */
  update(key: K, change: (current: T) => T | null): Promise<T | null>
  /**
   * The version of a document not written yet (the empty value, etag null), no call: what a
   * creation writes over, for a caller that guesses the document does not exist.
   */
  absent(key: K): Versioned<T>
}

/** A kind with one document per tenant: the same store, without a key. */
export interface SingleDoc<T> {
  read(): Promise<Versioned<T>>
  write(value: T, etag: string | null): Promise<string | null>
  update(change: (current: T) => T | null): Promise<T | null>
}

/** A kind's store over the tenant's documents, one document per key. */
export function docStoreFor<T, K>(
  bucket: string,
  pathOf: (key: K) => string,
  empty: (key: K) => T
) {
  return (docs: Docs): DocStore<T, K> => ({
    read: (key) => docs.read<T>(bucket, pathOf(key), () => empty(key)),
    write: (key, value, etag) =>
      docs.write<T>(bucket, pathOf(key), value, etag),
    update: (key, change) =>
      docs.update<T>(bucket, pathOf(key), () => empty(key), change),
    absent: (key) => ({ value: empty(key), etag: null }),
  })
}

/** The store of a kind with one document (settings, the sweep lock, an index). */
export function singleDocFor<T>(bucket: string, path: string, empty: () => T) {
  const keyed = docStoreFor<T, null>(bucket, () => path, empty)

  return (docs: Docs): SingleDoc<T> => {
    const store = keyed(docs)

    return {
      read: () => store.read(null),
      write: (value, etag) => store.write(null, value, etag),
      update: (change) => store.update(null, change),
    }
  }
}
