// The per-query hints IO's react builder records (render-runtime's cacheHints), filled by the
// harness's .gql loader, and the fetch that sends them the way render-runtime does: as
// `extensions.persistedQuery.{sender, provider}` (see ../io-routing.ts).
import type { IoHints } from '../io-routing'

const hints = new Map<string, IoHints>()

export const registerHints = (operationName: string, value: IoHints) => {
  hints.set(operationName, value)
}

type Operation = {
  operationName?: string
  extensions?: Record<string, unknown>
  [key: string]: unknown
}

const withHints = (op: Operation): Operation => {
  const found = op.operationName ? hints.get(op.operationName) : undefined

  return found
    ? {
        ...op,
        extensions: {
          ...op.extensions,
          persistedQuery: {
            ...(op.extensions?.persistedQuery as object | undefined),
            ...found,
          },
        },
      }
    : op
}

/** fetch for apollo-link-http: adds each operation's hints to the body it posts. */
export const fetchWithHints: typeof fetch = (input, init) => {
  if (typeof init?.body !== 'string') return fetch(input, init)
  const parsed = JSON.parse(init.body) as Operation | Operation[]
  const body = JSON.stringify(
    Array.isArray(parsed) ? parsed.map(withHints) : withHints(parsed)
  )

  return fetch(input, { ...init, body })
}
