import { MdLimits } from './mdLimits'
import type { Doc, Node } from './mdQuery'
import {
  fieldValue,
  matches,
  norm,
  requiredEqualities,
  sortDocs,
} from './mdQuery'

/**
 * One data entity: documents in insertion order plus lazily built equality indexes
 * (field -> normalised value -> documents), maintained on every write once built. This keeps a
 * filtered page over 200,000 documents in a few milliseconds.
 */
export class Entity {
  public docs = new Map<string, Doc>()
  public schemas = new Map<string, Record<string, unknown>>()
  /** field -> normalised value -> the documents holding it (objects, so no id lookups). */
  private indexes = new Map<string, Map<string, Set<Doc>>>()

  public put(id: string, doc: Doc) {
    const old = this.docs.get(id)

    if (old) this.unindex(old)
    this.docs.set(id, doc)
    this.index(doc)
  }

  public delete(id: string): boolean {
    const old = this.docs.get(id)

    if (!old) return false
    this.unindex(old)
    this.docs.delete(id)

    return true
  }

  /**
   * Matching documents (all of them counted in `total`); when sorted, only the first
   * `limit` are guaranteed to be in order, which is all a page needs.
   */
  public search(
    where: Node | null,
    sort: string | null,
    limit = Infinity
  ): { docs: Doc[]; total: number } {
    const result: Doc[] = []
    let best: Set<Doc> | null = null

    if (where) {
      for (const eq of requiredEqualities(where)) {
        const ids = this.lookup(eq.field, eq.value)

        if (!best || ids.size < best.size) best = ids
        if (best.size === 0) break
      }
    }

    if (best) {
      for (const doc of best)
        if (!where || matches(where, doc)) result.push(doc)
    } else {
      for (const doc of this.docs.values())
        if (!where || matches(where, doc)) result.push(doc)
    }

    return {
      docs: sort ? sortDocs(result, sort, limit) : result,
      total: result.length,
    }
  }

  private lookup(field: string, value: string): Set<Doc> {
    let index = this.indexes.get(field)

    if (!index) {
      index = new Map()
      this.indexes.set(field, index)
      for (const doc of this.docs.values())
        addTo(index, doc, fieldValue(doc, field))
    }

    return index.get(norm(value)) ?? new Set()
  }

  private index(doc: Doc) {
    for (const [field, index] of this.indexes)
      addTo(index, doc, fieldValue(doc, field))
  }

  private unindex(doc: Doc) {
    for (const [field, index] of this.indexes) {
      for (const key of keysOf(fieldValue(doc, field)))
        index.get(key)?.delete(doc)
    }
  }
}

function keysOf(value: unknown): string[] {
  if (value === undefined || value === null) return []
  if (Array.isArray(value))
    return value.filter((v) => v != null && typeof v !== 'object').map(norm)

  return typeof value === 'object' ? [] : [norm(value)]
}

function addTo(index: Map<string, Set<Doc>>, doc: Doc, value: unknown) {
  for (const key of keysOf(value)) {
    let ids = index.get(key)

    if (!ids) {
      ids = new Set()
      index.set(key, ids)
    }

    ids.add(doc)
  }
}

export class MdStore {
  public entities = new Map<string, Entity>()
  /** Scroll tokens and the non-indexed reads counter (see mdLimits.ts). */
  public limits = new MdLimits()

  public entity(name: string): Entity {
    const key = name
    let entity = this.entities.get(key)

    if (!entity) {
      entity = new Entity()
      this.entities.set(key, entity)
    }

    return entity
  }
}
