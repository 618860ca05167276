import type { KeysetSort } from '../../masterdata/keyset'
import type { ExposureSort } from '../../typings/schema.generated'
import { decodeKeyset, encodeKeyset } from '../../masterdata/keyset'
import type { EngineDeps } from '../shared/deps'
import type { ExposureDoc, RowFilter } from '../projection/projection'
import { MD_MAX_PAGE, toExposureDoc } from '../projection/projection'
import type { SkuState, StoredDecision } from '../evaluation/state'
import { productStore, skuStore } from '../shared/stores/states'
import { channels } from '../shared/reference'

/** The admin's filter: the rows' own fields, or a trade policy for the channels bound to it. */
export type ExposureFilter = Omit<
  RowFilter,
  'channels' | 'productIds' | 'changedSince' | 'statuses'
> & {
  /** The channels bound to that trade policy (tradePolicyChannels resolves it into `channels`). */
  tradePolicy?: string | null
}

/** A filter as the projection reads it: a trade policy already resolved to its channels. */
export type ResolvedFilter = Omit<ExposureFilter, 'tradePolicy'> &
  Pick<RowFilter, 'channels'>

export type { ExposureSort }

const SORT_FIELDS: Record<ExposureSort['field'], string> = {
  SKU_ID: 'skuId',
  STATUS: 'status',
  EVALUATED_AT: 'evaluatedAt',
  // Not `available`: unlimited stock (null there) sorts as the largest (projection.ts stockRankOf).
  AVAILABLE: 'stockRank',
  // Names tie (variants of one product often share one): the document id breaks ties.
  SKU_NAME: 'skuName',
  CHANGED_AT: 'changedAt',
}

/**
 * The filter with its trade policy as the channels bound to it (the affiliates, from the
 * tenant memory's cache): the rows keep the channel, not the trade policy.
 */
export async function tradePolicyChannels(
  deps: Pick<EngineDeps, 'affiliates' | 'docs' | 'tenant' | 'memory'>,
  filter: ExposureFilter | null | undefined
): Promise<ResolvedFilter> {
  const { tradePolicy, ...rest } = filter ?? {}

  if (!tradePolicy) return rest
  const bound = (await channels(deps))
    .filter((c) => c.salesChannel === tradePolicy)
    .map((c) => c.id)

  return { ...rest, channels: bound }
}

const NUMERIC_SORTS = new Set<ExposureSort['field']>(['AVAILABLE'])

/** The admin's sort as a keyset order (the document id breaks ties). */
export function keysetOf(sort: ExposureSort | null | undefined): KeysetSort {
  const field = sort?.field ?? 'SKU_ID'

  return {
    field: SORT_FIELDS[field],
    desc: sort?.order === 'DESC',
    numeric: NUMERIC_SORTS.has(field),
  }
}

export class CursorError extends Error {
  constructor() {
    super('INVALID_CURSOR')
  }
}

/**
 * One page of the admin's table, after the row `after` names (null: the first page), in keyset
 * order, so any page of 100,000 rows is one search from offset 0 (Master Data serves none past
 * the 10,000th). `total` is the filter's count: on a later page one more search (a count) says it.
 */
// eslint-disable-next-line max-params -- an options object is left to the storage work on this call (issue 19 item 3)
export async function searchExposures(
  deps: Pick<EngineDeps, 'projection'>,
  filter: ResolvedFilter | null | undefined,
  after: string | null | undefined,
  pageSize: number,
  sort?: ExposureSort | null,
  /** false: a later page does not count the filter again (a job that knows its total). */
  counted = true
) {
  // Master Data pages hold at most 100 documents: the page size actually used is returned.
  const size = Math.max(1, Math.min(MD_MAX_PAGE, pageSize))
  const keyset = keysetOf(sort)
  const position = after ? decodeKeyset(after, keyset) : null

  if (after && !position) throw new CursorError()
  const [result, total] = await Promise.all([
    deps.projection.find(filter, keyset, position, size),
    position && counted ? countExposures(deps, filter ?? {}) : null,
  ])

  const last = result.data[result.data.length - 1]
  const more = !!last && result.pagination.total > result.data.length
  const value = last
    ? (last as unknown as Record<string, unknown>)[keyset.field]
    : null

  return {
    items: result.data,
    pageSize: size,
    total: total ?? result.pagination.total,
    next:
      more && last
        ? encodeKeyset({
            value:
              typeof value === 'number' || typeof value === 'string'
                ? value
                : null,
            id: last.id,
          })
        : null,
  }
}

/** Every exposure row of a filter, a scroll page (up to 1,000) at a time: for sweeps over a channel. */
export function scrollExposures(
  deps: Pick<EngineDeps, 'projection'>,
  filter: ResolvedFilter | null | undefined
) {
  return deps.projection.scan(filter)
}

export async function countExposures(
  deps: Pick<EngineDeps, 'projection'>,
  filter: ResolvedFilter
) {
  return deps.projection.count(filter)
}

/**
 * The source of truth for one SKU (consistent reads, unlike a search). Whether its product should
 * be on each channel is taken from the product's document: a sibling's change can move the
 * product after this SKU's own decision was stored.
 */
export async function skuState(
  deps: Pick<EngineDeps, 'docs'>,
  skuId: string
): Promise<SkuState | null> {
  const { value, etag } = await skuStore(deps.docs).read(skuId)

  if (!etag && value.version === 0) return null
  if (!value.productId) return value
  const product = await productStore(deps.docs).read(value.productId)

  const planned = product.value.planned ?? {}
  const decisions = Object.fromEntries(
    Object.entries(value.decisions).map(([channel, d]) => [
      channel,
      {
        ...d,
        productAssociated:
          channel in planned ? planned[channel] : d.productAssociated,
      },
    ])
  )

  return { ...value, decisions }
}

export type ExposureView = Omit<ExposureDoc, 'trace' | 'text'> & {
  trace: StoredDecision['trace']
  override: SkuState['overrides'][string] | null
}

export function viewOfDecision(
  state: SkuState,
  decision: StoredDecision
): ExposureView {
  const override = state.overrides[decision.channel] ?? null
  // A later change's decision could not be stored (unsettled.ts): this one may be stale.
  const unsettled = state.lastError === 'STORAGE_ERROR'
  const {
    text: _text,
    trace: _trace,
    ...doc
  } = toExposureDoc(
    unsettled
      ? { ...decision, status: 'ERROR', reasons: ['UPSTREAM_ERROR'] }
      : decision,
    override?.action ?? null
  )

  return { ...doc, trace: decision.trace, override }
}

export function viewOfDoc(doc: ExposureDoc): ExposureView {
  let trace: StoredDecision['trace'] = []

  try {
    trace = JSON.parse(doc.trace)
  } catch {
    trace = []
  }

  // A row written before the brand and categories were kept (ROW_FORMAT 4) has none of them.
  return {
    ...doc,
    brandId: doc.brandId ?? null,
    brandName: doc.brandName ?? null,
    categoryId: doc.categoryId ?? null,
    categoryIds: doc.categoryIds ?? [],
    categoryPath: doc.categoryPath ?? null,
    trace,
    override: null,
  }
}
