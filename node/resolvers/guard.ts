import { ForbiddenError, UserInputError } from '@vtex/api'
import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql'

import { REQUEST_BUDGET_MS, withDeadline } from '../clients/deadline'
import { parseCatalogId } from '../domain/ids'
import { MAX_SEARCH_TEXT } from '../domain/search'
import { isRunId } from '../services/reconcile/runs'

/**
 * What every GraphQL root field goes through before its resolver runs: the request's shape
 * (a mutation only as a JSON POST, so a cross-site form or link cannot change anything), the ids
 * it names (a SKU id becomes a storage key, a run id a storage path: neither may be free text),
 * how much work one request may ask for, aliases included (GraphQL lets one document call the
 * same field many times, so a per-field cap alone bounds nothing), and how long its upstream
 * calls may retry.
 */

/** SKUs one request may evaluate or override, over every field of its document. */
export const MAX_SKUS_PER_REQUEST = 500
/** Root fields one document may call; the admin sends one per document. */
export const MAX_ROOT_FIELDS_PER_REQUEST = 20

export type Resolver = (
  root: unknown,
  args: Record<string, unknown>,
  ctx: GuardedContext,
  info: DocumentInfo
) => unknown

/** The part of GraphQL's resolve info the guard reads: the whole operation, before any field runs. */
export type DocumentInfo = Pick<GraphQLResolveInfo, 'operation' | 'fragments'>

export interface GuardedContext {
  request: { method: string }
  is: (type: string, ...types: string[]) => string | false | null
  // Koa's per-request state: what this request has asked for so far.
  state: object
}

interface Spend {
  skus: number
}

/** Fields that create something whose secret only the answer carries: one per request. */
const ONCE_PER_REQUEST = new Set(['createChannelKey'])

export function guardResolvers<T extends Record<string, unknown>>(
  operation: 'Query' | 'Mutation',
  resolvers: T
): Record<keyof T, Resolver> {
  const guarded: Record<string, unknown> = {}

  for (const [name, resolve] of Object.entries(resolvers)) {
    guarded[name] = (
      root: unknown,
      args: Record<string, unknown>,
      ctx: GuardedContext,
      info: DocumentInfo
    ) => {
      if (operation === 'Mutation') requireJsonPost(ctx)
      checkDocument(ctx, info)
      checkIds(name, args)
      spend(ctx, args)

      // Its upstream calls give up before IO's timeout would cut the request.
      return withDeadline(REQUEST_BUDGET_MS, () =>
        (resolve as Resolver)(root, args, ctx, info)
      )
    }
  }

  return guarded as Record<keyof T, Resolver>
}

function requireJsonPost(ctx: GuardedContext) {
  if (
    ctx.request.method.toUpperCase() !== 'POST' ||
    !ctx.is('application/json')
  ) {
    throw new ForbiddenError('MUTATION_REQUIRES_JSON_POST')
  }
}

function checkIds(field: string, args: Record<string, unknown>) {
  if (typeof args.skuId === 'string' && !parseCatalogId(args.skuId).ok) {
    throw new UserInputError('INVALID_SKU_ID')
  }

  if (
    Array.isArray(args.skuIds) &&
    args.skuIds.some((id) => !parseCatalogId(id).ok)
  ) {
    throw new UserInputError('INVALID_SKU_ID')
  }

  // The exposures filter's search text goes into a Master Data query string: a bounded one.
  const filter = args.filter as { text?: unknown } | null | undefined

  if (
    typeof filter?.text === 'string' &&
    filter.text.length > MAX_SEARCH_TEXT
  ) {
    throw new UserInputError('TEXT_TOO_LONG')
  }

  // reconciliation(id) and cancelReconciliation(id) name a run; other `id`s (a feed key's) are
  // checked where they are used.
  if (
    /^(reconciliation|cancelReconciliation)$/.test(field) &&
    typeof args.id === 'string' &&
    !isRunId(args.id)
  ) {
    throw new UserInputError('INVALID_RUN_ID')
  }
}

/**
 * The whole document is checked when its first root field runs, before anything is done: a
 * mutation's fields run one after the other, and one refused non-null field nulls the whole
 * answer, so a key created by an earlier alias would be lost with its secret.
 */
function checkDocument(ctx: GuardedContext, info: DocumentInfo) {
  const state = ctx.state as Record<string, unknown>

  if (state.guardChecked) return
  state.guardChecked = true
  const names = rootFieldNames(info.operation.selectionSet, info)

  if (names.length > MAX_ROOT_FIELDS_PER_REQUEST) {
    throw new UserInputError('TOO_MANY_FIELDS_IN_REQUEST')
  }

  for (const field of ONCE_PER_REQUEST) {
    if (names.filter((n) => n === field).length > 1) {
      throw new UserInputError('ONE_PER_REQUEST')
    }
  }
}

function rootFieldNames(
  set: SelectionSetNode,
  info: DocumentInfo,
  seen = new Set<string>()
): string[] {
  return set.selections.flatMap((selection) => {
    if (selection.kind === 'Field') {
      return selection.name.value === '__typename' ? [] : [selection.name.value]
    }

    if (selection.kind === 'InlineFragment') {
      return rootFieldNames(selection.selectionSet, info, seen)
    }

    const name = selection.name.value
    const fragment = info.fragments[name]

    if (!fragment || seen.has(name)) return []
    seen.add(name)

    return rootFieldNames(fragment.selectionSet, info, seen)
  })
}

/** SKUs are counted as each field runs: their ids may come from variables. */
function spend(ctx: GuardedContext, args: Record<string, unknown>) {
  const state = ctx.state as Record<string, unknown>
  const current = (state.guardSpend as Spend | undefined) ?? { skus: 0 }

  state.guardSpend = current
  const skus =
    (Array.isArray(args.skuIds) ? new Set(args.skuIds).size : 0) +
    (Array.isArray(args.inputs) ? args.inputs.length : 0) +
    (typeof args.skuId === 'string' ? 1 : 0)

  current.skus += skus
  if (current.skus > MAX_SKUS_PER_REQUEST) {
    throw new UserInputError('TOO_MANY_SKUS_IN_REQUEST')
  }
}
