import { mdValue as quote } from './where'

/**
 * Keyset paging over Master Data v2 `search`: each page asks for the documents after the last one
 * served, in (sort field, document id) order, always from offset 0. Search serves no document past
 * the 10,000th of a query, so offsets cannot page through 100,000 rows; a keyset can, one page of
 * up to 100 at a time, and a row that moves between two pages is never served twice on one page.
 */
export interface KeysetSort {
  field: string
  desc: boolean
  /** Compared unquoted (an integer field); text and dates are quoted. */
  numeric: boolean
}

/** The last row served: its sort value and its (stored) document id, the tie-break. */
export interface KeysetPosition {
  value: string | number | null
  id: string
}

/**
 * The field that breaks the sort's ties (unique among the documents a query matches: the
 * document id, or a field the query makes unique), and whether "after" takes the position's own
 * document too (a merge of several queries resumes some of them at the last row's document).
 */
export interface KeysetTie {
  field: string
  inclusive: boolean
}

const BY_ID: KeysetTie = { field: 'id', inclusive: false }

export function keysetSortOf(sort: KeysetSort, tie = BY_ID.field): string {
  const dir = sort.desc ? 'DESC' : 'ASC'

  return sort.field === tie
    ? `${tie} ${dir}`
    : `${sort.field} ${dir},${tie} ${dir}`
}

/**
 * The `_where` clause for "after this row". Master Data sorts missing values first (ascending),
 * so they come last in a descending order.
 */
export function afterWhere(
  sort: KeysetSort,
  after: KeysetPosition,
  tie: KeysetTie = BY_ID
): string {
  const f = sort.field
  const id = quote(after.id)
  const t = tie.field
  const eq = tie.inclusive ? '=' : ''
  const past = sort.desc ? `${t}<${eq}${id}` : `${t}>${eq}${id}`

  if (after.value === null) {
    return sort.desc
      ? `(${f} is null AND ${past})`
      : `((${f} is null AND ${past}) OR ${f} is not null)`
  }

  const v = sort.numeric ? String(after.value) : quote(String(after.value))

  return sort.desc
    ? `(${f}<${v} OR (${f}=${v} AND ${past}) OR ${f} is null)`
    : `(${f}>${v} OR (${f}=${v} AND ${past}))`
}

export function encodeKeyset(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.value, position.id])).toString(
    'base64url'
  )
}

/** null for a cursor this app did not make for that sort (the edge answers 400). */
export function decodeKeyset(
  cursor: string,
  sort: KeysetSort
): KeysetPosition | null {
  try {
    const parsed: unknown = JSON.parse(
      Buffer.from(cursor, 'base64url').toString('utf8')
    )

    if (!Array.isArray(parsed) || parsed.length !== 2) return null
    const [value, id] = parsed as unknown[]

    if (typeof id !== 'string' || id === '') return null
    if (value === null) return { value, id }
    if (sort.numeric)
      return typeof value === 'number' && Number.isFinite(value)
        ? { value, id }
        : null

    return typeof value === 'string' ? { value, id } : null
  } catch {
    return null
  }
}
