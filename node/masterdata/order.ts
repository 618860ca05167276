/**
 * The order Master Data v2 serves a `_sort` in, for reads that merge several searches
 * (projection/rowMerge.ts) and must put their rows in the order each search came in: a missing
 * value first, numbers (and text that is a number, as a SKU id) by value, other text by code
 * unit. This is the order the emulator's Master Data implements (emulator/masterdata/mdQuery.ts
 * `sortDocs`); VTEX documents only ASC/DESC.
 */
type Key = number | string | null

function keyOf(value: unknown): Key {
  if (value === undefined || value === null) return null
  if (typeof value === 'number') return value
  const n = Number(value)

  return typeof value === 'string' && value !== '' && Number.isFinite(n)
    ? n
    : String(value)
}

/** Negative when `a` comes first ascending, positive when after, 0 when they tie. */
export function mdCompare(a: unknown, b: unknown): number {
  const x = keyOf(a)
  const y = keyOf(b)

  if (x === y) return 0
  if (x === null) return -1
  if (y === null) return 1
  if (typeof x === 'number' && typeof y === 'number') return x - y

  return String(x) < String(y) ? -1 : 1
}
