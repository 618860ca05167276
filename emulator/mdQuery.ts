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

const wildcards = new Map<string, RegExp>()

function equals(actual: unknown, expected: string): boolean {
  if (actual === undefined || actual === null)
    return expected === '' || expected.toLowerCase() === 'null'
  if (expected.includes('*')) {
    let re = wildcards.get(expected)

    if (!re) {
      const body = expected
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))

      re = new RegExp(`^${body.join('.*')}$`, 'is')
      wildcards.set(expected, re)
    }

    return re.test(String(actual))
  }

  return norm(actual) === norm(expected)
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

export function sortDocs(docs: Doc[], sort: string): Doc[] {
  const keys = sort
    .split(',')
    .map((part) => part.trim().split(/\s+/))
    .filter((parts) => parts[0])
    .map(([name, dir]) => ({
      name,
      sign: dir && dir.toUpperCase() === 'DESC' ? -1 : 1,
    }))

  return docs.sort((a, b) => {
    for (const key of keys) {
      const x = fieldValue(a, key.name)
      const y = fieldValue(b, key.name)

      if (x == null && y == null) continue
      if (x == null) return -key.sign
      if (y == null) return key.sign
      const c = compare(x, String(y))

      if (c !== 0) return c * key.sign
    }

    return 0
  })
}
