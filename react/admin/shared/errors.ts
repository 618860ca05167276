import type { ApolloError } from 'apollo-client'

import { errorMessages } from './messages'

export type ErrorCode = keyof typeof errorMessages

const CODE = /^[A-Z][A-Z0-9_]+$/
const GENERIC = new Set([
  'INTERNAL_SERVER_ERROR',
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
])

const known = (code: string): code is ErrorCode => code in errorMessages

type GqlErrors = Partial<ApolloError>['graphQLErrors']

/** Each comma-separated entry of an error's message, trimmed: "A,B" or "CODE:detail". */
const messageEntries = (gqlError: NonNullable<GqlErrors>[number]) =>
  String(gqlError.message ?? '')
    .split(',')
    .map((s) => s.trim())

/**
 * The backend sends codes, never sentences: as `extensions.code`, or in the message (several
 * codes comma-separated for input errors). Anything else becomes UNKNOWN.
 */
export function errorCodes(
  error: ApolloError | Error | null | undefined
): ErrorCode[] {
  if (!error) return []
  const apollo = error as Partial<ApolloError>
  const found: string[] = []

  for (const gqlError of apollo.graphQLErrors ?? []) {
    // "A,B" lists input errors; "CODE:detail" carries an id (e.g. the running sweep's).
    const fromMessage = messageEntries(gqlError)
      .map((s) => s.split(':')[0])
      .filter((s) => CODE.test(s))

    const extension = gqlError.extensions?.code
    const fromExtension =
      typeof extension === 'string' && !GENERIC.has(extension)
        ? [extension]
        : []

    found.push(...fromMessage, ...fromExtension)
  }

  if (!found.length && apollo.networkError) {
    const status = (apollo.networkError as { statusCode?: number }).statusCode

    found.push(
      status === 401
        ? 'UNAUTHENTICATED'
        : status === 403
        ? 'FORBIDDEN'
        : 'NETWORK'
    )
  }

  const codes = Array.from(
    new Set(found.map((c) => (known(c) ? c : 'UNKNOWN')))
  )

  return codes.length ? (codes as ErrorCode[]) : ['UNKNOWN']
}

/** The details after "CODE:" in a GraphQL error message, in order and once each, e.g. the seller ids a settings rule refused. */
export function errorDetails(
  error: ApolloError | Error | null | undefined,
  code: ErrorCode
): string[] {
  const details = ((error as Partial<ApolloError> | null)?.graphQLErrors ?? [])
    .flatMap(messageEntries)
    .filter((s) => s.startsWith(`${code}:`))
    .map((s) => s.slice(code.length + 1))
    .filter(Boolean)

  return Array.from(new Set(details))
}

/** The detail after "CODE:" in a GraphQL error message, e.g. the id of the sweep already running. */
export function errorDetail(
  error: ApolloError | Error | null | undefined,
  code: ErrorCode
): string | null {
  return errorDetails(error, code)[0] ?? null
}
