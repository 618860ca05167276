import { useState } from 'react'
import { useRuntime } from 'vtex.render-runtime'

import { REASONS, STATUSES } from '../../shared/types'
import type { ExposureStatus, ReasonCode } from '../../shared/types'
import type { ExposureFilter, ExposureSort, SortField } from '../types'

export const PAGE_SIZES = [25, 50, 100]
const SORT_FIELDS: SortField[] = [
  'SKU_ID',
  'SKU_NAME',
  'STATUS',
  'EVALUATED_AT',
  'CHANGED_AT',
  'AVAILABLE',
]

const oneOf = <T extends string>(
  value: string | undefined,
  allowed: readonly T[]
) => (allowed.includes(value as T) ? (value as T) : undefined)

/**
 * Filters and sort live in the URL query, so a filtered view can be shared or reloaded. Pages are
 * keyset cursors (the server's `next`), kept here as the trail of pages visited: Master Data
 * serves no row past the 10,000th by offset, so there is no "page 120" to jump to, only the page
 * after this one, and back.
 */
export function useExposureQueryState() {
  const { query, setQuery } = useRuntime()
  const [filter, setFilterState] = useState<ExposureFilter>(() => ({
    channel: query.channel || undefined,
    status: oneOf<ExposureStatus>(query.status, STATUSES),
    reason: oneOf<ReasonCode>(query.reason, REASONS),
    sellerId: query.seller || undefined,
    brandId: query.brand || undefined,
    categoryId: query.category || undefined,
    tradePolicy: query.tp || undefined,
    text: query.q || undefined,
  }))

  const [sort, setSortState] = useState<ExposureSort>(() => ({
    field: oneOf<SortField>(query.sort, SORT_FIELDS) ?? 'SKU_ID',
    order: query.order === 'DESC' ? 'DESC' : 'ASC',
  }))

  // cursors[i] opens page i + 1 (null: the first page).
  const [cursors, setCursors] = useState<Array<string | null>>([null])
  const firstPage = () => setCursors([null])
  const [pageSize, setPageSizeState] = useState(() =>
    oneOf(query.pageSize, PAGE_SIZES.map(String)) ? Number(query.pageSize) : 50
  )

  const sync = (next: Record<string, unknown>) =>
    setQuery(next, { replace: true })

  const setFilter = (patch: Partial<ExposureFilter>) => {
    const next = { ...filter, ...patch }

    setFilterState(next)
    firstPage()
    sync({
      channel: next.channel,
      status: next.status,
      reason: next.reason,
      seller: next.sellerId,
      brand: next.brandId,
      category: next.categoryId,
      tp: next.tradePolicy,
      q: next.text,
      page: undefined,
    })
  }

  const clearFilters = () => {
    setFilterState({})
    firstPage()
    sync({
      channel: undefined,
      status: undefined,
      reason: undefined,
      seller: undefined,
      brand: undefined,
      category: undefined,
      tp: undefined,
      q: undefined,
      page: undefined,
    })
  }

  const setSort = (field: SortField) => {
    const next: ExposureSort = {
      field,
      order: sort.field === field && sort.order === 'ASC' ? 'DESC' : 'ASC',
    }

    setSortState(next)
    firstPage()
    sync({ sort: next.field, order: next.order, page: undefined })
  }

  const setPageSize = (next: number) => {
    setPageSizeState(next)
    firstPage()
    sync({ pageSize: next, page: undefined })
  }

  return {
    /** Opens the page after this one (the server's `next`; nothing when there is none). */
    goNext: (next: string | null | undefined) => {
      if (next) setCursors([...cursors, next])
    },
    goPrevious: () => {
      if (cursors.length > 1) setCursors(cursors.slice(0, -1))
    },
    filter,
    sort,
    page: cursors.length,
    after: cursors[cursors.length - 1],
    pageSize,
    setFilter,
    clearFilters,
    setSort,
    setPageSize,
  }
}

/** The filter as the API wants it: no empty strings. */
export function apiFilter(filter: ExposureFilter): ExposureFilter {
  return Object.fromEntries(
    Object.entries(filter)
      .filter(([, v]) => typeof v === 'string' && v.trim() !== '')
      .map(([k, v]) => [k, (v as string).trim()])
  ) as ExposureFilter
}

/** 1-based positions of the first and last rows on screen; the server's page size wins. */
export function pageRange(
  page: number,
  pageSize: number,
  count: number,
  total: number
) {
  if (total === 0 || count === 0) return { from: 0, to: 0 }
  const from = (page - 1) * pageSize + 1

  return { from, to: Math.min(total, from + count - 1) }
}
