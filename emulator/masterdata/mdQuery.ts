/** Evaluates parsed `_where` trees against documents, and sorts them (`_sort`). */
import type { Node } from './mdParse'

export type { Node } from './mdParse'
export { parseWhere, QueryError } from './mdParse'
export type Doc = Record<string, unknown>

export function fieldValue(doc: Doc, field: string): unknown {
  if (field in doc) return doc[field]
  const dot = field.indexOf('.')

  if (dot < 0) return undefined
  const parent = doc[field.slice(0, dot)]

  return parent && typeof parent === 'object'
    ? (parent as Doc)[field.slice(dot + 1)]
    : undefined
}

export const norm = (value: unknown) => String(value).toLowerCase()

function compare(a: unknown, b: string): number {
  const x = Number(a)
  const y = Number(b)

  if (
    typeof a !== 'boolean' &&
    a !== '' &&
    b !== '' &&
    Number.isFinite(x) &&
    Number.isFinite(y)
  )
    return x - y
  const s = String(a)

  return s < b ? -1 : s > b ? 1 : 0
}

const wildcards = new Map<string, (value: string) => boolean>()

/** `*x*` / `x*` / `*x` become includes/startsWith/endsWith (case-insensitive); others a regex. */
function wildcard(pattern: string): (value: string) => boolean {
  const inner = pattern.replace(/^\*|\*$/g, '').toLowerCase()

  if (!inner.includes('*')) {
    if (pattern.startsWith('*') && pattern.endsWith('*'))
      return (v) => v.toLowerCase().includes(inner)
    if (pattern.endsWith('*')) return (v) => v.toLowerCase().startsWith(inner)

    return (v) => v.toLowerCase().endsWith(inner)
  }

  const body = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))

  const re = new RegExp(`^${body.join('.*')}$`, 'is')

  return (v) => re.test(v)
}

function equals(actual: unknown, expected: string): boolean {
  if (actual === undefined || actual === null)
    return expected === '' || expected.toLowerCase() === 'null'
  if (expected.includes('*')) {
    let test = wildcards.get(expected)

    if (!test) {
      test = wildcard(expected)
      wildcards.set(expected, test)
    }

    return test(String(actual))
  }

  // Fast paths before the case-insensitive comparison: exact hit, or different lengths.
  if (actual === expected) return true
  const text = String(actual)

  if (text.length !== expected.length) return false

  return text.toLowerCase() === expected.toLowerCase()
}

function anyOf(actual: unknown, test: (value: unknown) => boolean): boolean {
  return Array.isArray(actual) ? actual.some(test) : test(actual)
}

export function matches(node: Node, doc: Doc): boolean {
  switch (node.kind) {
    case 'and':
      return node.items.every((item) => matches(item, doc))

    case 'or':
      return node.items.some((item) => matches(item, doc))

    case 'not':
      return !matches(node.item, doc)

    case 'null': {
      const v = fieldValue(doc, node.field)
      const isNull = v === undefined || v === null

      return node.negate ? !isNull : isNull
    }

    case 'between': {
      const v = fieldValue(doc, node.field)

      return anyOf(
        v,
        (x) =>
          x != null && compare(x, node.from) >= 0 && compare(x, node.to) <= 0
      )
    }

    default: {
      const v = fieldValue(doc, node.field)

      if (node.op === '<>' || node.op === '!=') {
        return !anyOf(v, (x) => equals(x, node.value))
      }

      switch (node.op) {
        case '=':
          return anyOf(v, (x) => equals(x, node.value))

        case '>':
          return anyOf(v, (x) => x != null && compare(x, node.value) > 0)

        case '<':
          return anyOf(v, (x) => x != null && compare(x, node.value) < 0)

        case '>=':
          return anyOf(v, (x) => x != null && compare(x, node.value) >= 0)

        default:
          return anyOf(v, (x) => x != null && compare(x, node.value) <= 0)
      }
    }
  }
}

/** Equality conditions every match must satisfy: usable to narrow through an index. */
export function requiredEqualities(
  node: Node
): Array<{ field: string; value: string }> {
  if (
    node.kind === 'cmp' &&
    node.op === '=' &&
    !node.value.includes('*') &&
    node.value !== ''
  ) {
    return [{ field: node.field, value: node.value }]
  }

  if (node.kind === 'and') return node.items.flatMap(requiredEqualities)

  return []
}

interface SortKey {
  name: string
  sign: number
}

function sortKeys(sort: string): SortKey[] {
  return sort
    .split(',')
    .map((part) => part.trim().split(/\s+/))
    .filter((parts) => parts[0])
    .map(([name, dir]) => ({
      name,
      sign: dir && dir.toUpperCase() === 'DESC' ? -1 : 1,
    }))
}

type Decorated = { doc: Doc; keys: Array<number | string | null> }

/** Numbers compare as numbers; anything else as text; missing values sort first. */
function decorate(doc: Doc, keys: SortKey[]): Decorated {
  return {
    doc,
    keys: keys.map(({ name }) => {
      const v = fieldValue(doc, name)

      if (v == null) return null
      if (typeof v === 'number') return v
      const n = Number(v)

      return typeof v === 'string' && v !== '' && Number.isFinite(n)
        ? n
        : String(v)
    }),
  }
}

function comparator(keys: SortKey[]) {
  return (a: Decorated, b: Decorated) => {
    for (let i = 0; i < keys.length; i++) {
      const x = a.keys[i]
      const y = b.keys[i]

      if (x === y) continue
      if (x === null) return -keys[i].sign
      if (y === null) return keys[i].sign
      const c =
        typeof x === 'number' && typeof y === 'number'
          ? x - y
          : String(x) < String(y)
          ? -1
          : 1

      if (c !== 0) return c * keys[i].sign
    }

    return 0
  }
}

/**
 * Sorts by `_sort`. With `limit` (a page end far below the match count) only the first
 * `limit` documents are selected and sorted (bounded insertion), which keeps a sorted
 * page over 100,000 matches fast.
 */
export function sortDocs(docs: Doc[], sort: string, limit = Infinity): Doc[] {
  const keys = sortKeys(sort)
  const cmp = comparator(keys)

  if (limit * 8 >= docs.length) {
    return docs
      .map((d) => decorate(d, keys))
      .sort(cmp)
      .map((d) => d.doc)
  }

  const top: Decorated[] = []

  for (const doc of docs) {
    const item = decorate(doc, keys)

    if (top.length < limit || cmp(item, top[top.length - 1]) < 0) {
      let lo = 0
      let hi = top.length

      while (lo < hi) {
        const mid = (lo + hi) >> 1

        if (cmp(top[mid], item) <= 0) lo = mid + 1
        else hi = mid
      }

      top.splice(lo, 0, item)
      if (top.length > limit) top.pop()
    }
  }

  return top.map((d) => d.doc)
}
