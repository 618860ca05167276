/**
 * Master Data v2 `_where` language: `field=value`, `field="quoted value"`, `*wild*cards`,
 * `<>`, `>`, `<`, `>=`, `<=`, `is [not] null`, `between a AND b`, `AND`, `OR`, `NOT`,
 * parentheses, nested fields one level deep (`a.b`). Array fields match when any element does.
 */

export type Node =
  | { kind: 'and' | 'or'; items: Node[] }
  | { kind: 'not'; item: Node }
  | { kind: 'cmp'; field: string; op: string; value: string }
  | { kind: 'null'; field: string; negate: boolean }
  | { kind: 'between'; field: string; from: string; to: string }

interface Token {
  type: 'word' | 'str' | 'op' | '(' | ')'
  value: string
}

export class QueryError extends Error {}

function tokenize(input: string): Token[] {
  const tokens: Token[] = []
  let i = 0

  while (i < input.length) {
    const c = input[i]

    if (/\s/.test(c)) {
      i++
    } else if (c === '(' || c === ')') {
      tokens.push({ type: c, value: c })
      i++
    } else if (c === '"' || c === "'") {
      const end = input.indexOf(c, i + 1)

      if (end < 0) throw new QueryError('Unterminated string in _where')
      tokens.push({ type: 'str', value: input.slice(i + 1, end) })
      i = end + 1
    } else {
      const op = /^(<>|!=|>=|<=|=|>|<)/.exec(input.slice(i, i + 2))

      if (op) {
        tokens.push({ type: 'op', value: op[1] })
        i += op[1].length
      } else {
        let j = i

        while (j < input.length && !/[\s()=<>!]/.test(input[j])) j++
        tokens.push({ type: 'word', value: input.slice(i, j) })
        i = j
      }
    }
  }

  return tokens
}

export function parseWhere(input: string): Node {
  const tokens = tokenize(input)
  let pos = 0
  const peek = () => tokens[pos]
  const isKeyword = (word: string) => {
    const t = peek()

    return !!t && t.type === 'word' && t.value.toUpperCase() === word
  }

  const value = (): string => {
    const t = tokens[pos++]

    if (!t || (t.type !== 'word' && t.type !== 'str'))
      throw new QueryError('Expected a value in _where')

    return t.value
  }

  const condition = (): Node => {
    const t = tokens[pos++]

    if (!t || t.type !== 'word')
      throw new QueryError('Expected a field name in _where')
    const next = peek()

    if (next?.type === 'op') {
      pos++
      // `field=` with nothing after it compares with the empty string.
      let v =
        peek() &&
        (peek().type === 'word' || peek().type === 'str') &&
        !isBoolOp()
          ? value()
          : ''

      // Only AND/OR may follow a condition, so further bare words belong to an unquoted
      // value with spaces (`text=*red shirt*`).
      while (peek()?.type === 'word' && !isBoolOp()) v += ` ${value()}`

      return { kind: 'cmp', field: t.value, op: next.value, value: v }
    }

    if (isKeyword('IS')) {
      pos++
      const negate = isKeyword('NOT')

      if (negate) pos++
      if (!isKeyword('NULL')) throw new QueryError('Expected NULL in _where')
      pos++

      return { kind: 'null', field: t.value, negate }
    }

    if (isKeyword('BETWEEN')) {
      pos++
      const from = value()

      if (!isKeyword('AND')) throw new QueryError('Expected AND in between')
      pos++

      return { kind: 'between', field: t.value, from, to: value() }
    }

    throw new QueryError(`Unexpected token after ${t.value} in _where`)
  }

  function isBoolOp() {
    return isKeyword('AND') || isKeyword('OR')
  }

  const unary = (): Node => {
    if (isKeyword('NOT')) {
      pos++

      return { kind: 'not', item: unary() }
    }

    if (peek()?.type === '(') {
      pos++
      const inner = or()

      if (peek()?.type !== ')') throw new QueryError('Missing ) in _where')
      pos++

      return inner
    }

    return condition()
  }

  const and = (): Node => {
    const items = [unary()]

    while (isKeyword('AND')) {
      pos++
      items.push(unary())
    }

    return items.length === 1 ? items[0] : { kind: 'and', items }
  }

  function or(): Node {
    const items = [and()]

    while (isKeyword('OR')) {
      pos++
      items.push(and())
    }

    return items.length === 1 ? items[0] : { kind: 'or', items }
  }

  const root = or()

  if (pos < tokens.length)
    throw new QueryError(`Unexpected ${tokens[pos].value} in _where`)

  return root
}
