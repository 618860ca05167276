import type { ExposureStatus, ReasonCode } from '../domain/types'
import type { EngineDeps } from './deps'
import { BUCKET_PRODUCTS, BUCKET_SKUS } from './deps'
import type { ExposureDoc } from './projection'
import { MD_MAX_PAGE, mdValue, toExposureDoc } from './projection'
import type { ProductState, SkuState, StoredDecision } from './state'
import { emptyProductState, emptySkuState } from './state'

export interface ExposureFilter {
  channel?: string | null
  status?: ExposureStatus | null
  reason?: ReasonCode | null
  sellerId?: string | null
  text?: string | null
}

export interface ExposureSort {
  field: 'SKU_ID' | 'STATUS' | 'EVALUATED_AT' | 'AVAILABLE'
  order?: 'ASC' | 'DESC' | null
}

const SORT_FIELDS: Record<ExposureSort['field'], string> = {
  SKU_ID: 'skuId',
  STATUS: 'status',
  EVALUATED_AT: 'evaluatedAt',
  AVAILABLE: 'available',
}

/**
 * What a free-text search looks for in the projection's lower-cased `text` field: only letters,
 * digits, spaces, `_` and `-` survive, so a value can never break out of the `_where` clause.
 */
export function searchTerm(text: string | null | undefined) {
  return (
    text
      ?.trim()
      .toLowerCase()
      .replace(/[^a-z0-9 _-]/g, '') ?? ''
  )
}

/** Builds the Master Data `_where` for the admin's filter (values are quoted and stripped of quotes). */
export function whereOf(
  filter: ExposureFilter | null | undefined
): string | undefined {
  const clauses: string[] = []

  if (filter?.channel) clauses.push(`channel=${mdValue(filter.channel)}`)
  if (filter?.status) clauses.push(`status=${mdValue(filter.status)}`)
  if (filter?.reason) clauses.push(`reasons=${mdValue(filter.reason)}`)
  if (filter?.sellerId) clauses.push(`sellerIds=${mdValue(filter.sellerId)}`)
  const text = searchTerm(filter?.text)

  if (text) clauses.push(`text=*${text}*`)

  return clauses.length ? clauses.join(' AND ') : undefined
}

export function sortOf(sort: ExposureSort | null | undefined) {
  if (!sort) return 'skuId ASC'

  return `${SORT_FIELDS[sort.field]} ${sort.order === 'DESC' ? 'DESC' : 'ASC'}`
}

export async function searchExposures(
  deps: Pick<EngineDeps, 'projection'>,
  filter: ExposureFilter | null | undefined,
  page: number,
  pageSize: number,
  sort?: ExposureSort | null
) {
  // Master Data pages hold at most 100 documents: the page size actually used is returned.
  const size = Math.max(1, Math.min(MD_MAX_PAGE, pageSize))
  const result = await deps.projection.search(
    whereOf(filter),
    page,
    size,
    sortOf(sort)
  )

  return {
    items: result.data,
    page,
    pageSize: size,
    total: result.pagination.total,
  }
}

export async function countExposures(
  deps: Pick<EngineDeps, 'projection'>,
  filter: ExposureFilter
) {
  const result = await deps.projection.search(whereOf(filter), 1, 1)

  return result.pagination.total
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
  const { value, etag } = await deps.docs.read<SkuState>(
    BUCKET_SKUS,
    skuId,
    () => emptySkuState(skuId)
  )

  if (!etag && value.version === 0) return null
  if (!value.productId) return value
  const productId = value.productId
  const product = await deps.docs.read<ProductState>(
    BUCKET_PRODUCTS,
    productId,
    () => emptyProductState(productId)
  )
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

  return { ...doc, trace, override: null }
}
