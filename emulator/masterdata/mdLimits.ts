/**
 * The limits VTEX documents for Master Data v2 reads, kept per store (so a reset forgets them):
 * - search serves 100 documents per page and none past the 10,000th ("Extracting data from Master
 *   Data with search and scroll": "retrieve up to 10,000 documents ... each page is limited to 100");
 * - scroll serves at most 1,000 per page (`_size`), its token expires after 20 minutes without a
 *   request, and a scroll is one operation at a time (help.vtex.com "Querying the Master Data via
 *   scroll": "when you receive a token on your first request, you must complete the search, or
 *   wait until the token expires");
 * - `_where` and `_sort` should only name `v-indexed` fields (a full scan otherwise): each such
 *   field is counted, so tests can assert the app never does it.
 */
import type { Node } from './mdParse'

export const SEARCH_PAGE_MAX = 100
export const SEARCH_WINDOW = 10_000
export const SCROLL_PAGE_MAX = 1000
export const SCROLL_IDLE_MS = 20 * 60_000

/** Fields every document has and Master Data indexes itself. */
const SYSTEM_FIELDS = new Set([
  'id',
  'createdIn',
  'updatedIn',
  'lastInteractionIn',
  'dataInstanceId',
])

export interface Scroll {
  ids: string[]
  pos: number
  size: number
  fields: string | null
  entity: string
  /** The query that opened it: one open scroll per query at a time. */
  query: string
  lastUsed: number
}

export class MdLimits {
  /** Overridable clock, so a test can let a token expire without waiting 20 minutes. */
  public now: () => number = () => Date.now()
  public scrolls = new Map<string, Scroll>()
  /** `entity.field` -> how many reads filtered or sorted on it while it was not `v-indexed`. */
  public unindexed = new Map<string, number>()

  /** The live scroll of a token, or undefined once it expired (20 minutes without a request). */
  public scroll(token: string): Scroll | undefined {
    this.expire()
    const state = this.scrolls.get(token)

    if (state) state.lastUsed = this.now()

    return state
  }

  /** A scroll of the same query that is still open (its token neither finished nor expired). */
  public openScroll(entity: string, query: string): boolean {
    this.expire()

    for (const s of this.scrolls.values())
      if (s.entity === entity && s.query === query) return true

    return false
  }

  public countUnindexed(
    entity: string,
    fields: string[],
    indexed: Set<string>
  ) {
    for (const field of fields) {
      if (SYSTEM_FIELDS.has(field) || indexed.has(field)) continue
      const key = `${entity}.${field}`

      this.unindexed.set(key, (this.unindexed.get(key) ?? 0) + 1)
    }
  }

  public report() {
    let total = 0

    for (const n of this.unindexed.values()) total += n

    return { total, fields: Object.fromEntries(this.unindexed) }
  }

  private expire() {
    const now = this.now()

    for (const [token, s] of this.scrolls)
      if (now - s.lastUsed > SCROLL_IDLE_MS) this.scrolls.delete(token)
  }
}

/** The fields a `_where` tree names. */
export function whereFields(node: Node | null): string[] {
  if (!node) return []
  if (node.kind === 'not') return whereFields(node.item)

  return 'items' in node ? node.items.flatMap(whereFields) : [node.field]
}

/** The fields a `_sort` names. */
export function sortFields(sort: string | null): string[] {
  return (sort ?? '')
    .split(',')
    .map((part) => part.trim().split(/\s+/)[0])
    .filter(Boolean)
}

/**
 * The `v-indexed` fields of the schema a read names (`_schema`), or of every stored schema when it
 * names none; null when the entity has no schema with `v-indexed` (nothing to check against).
 */
export function indexedFields(
  schemas: Map<string, Record<string, unknown>>,
  name: string | null
): Set<string> | null {
  const chosen = name
    ? [schemas.get(name)].filter(Boolean)
    : Array.from(schemas.values())

  const lists = chosen
    .map((s) => (s as Record<string, unknown>)['v-indexed'])
    .filter((v): v is string[] => Array.isArray(v))

  return lists.length ? new Set(lists.flat()) : null
}
