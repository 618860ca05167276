import { useState } from 'react'
import { useRuntime } from 'vtex.render-runtime'

import { REASONS, STATUSES } from '../../shared/types'
import type { ExposureStatus, ReasonCode } from '../../shared/types'
import type { ExposureFilter, ExposureSort, SortField } from '../types'

export const PAGE_SIZES = [25, 50, 100]
const SORT_FIELDS: SortField[] = [
  'SKU_ID',
  'STATUS',
  'EVALUATED_AT',
  'AVAILABLE',
]

const oneOf = <T extends string>(
  value: string | undefined,
  allowed: readonly T[]
) => (allowed.includes(value as T) ? (value as T) : undefined)

const positive = (value: string | undefined, fallback: number) => {
  const n = Number(value)

  return Number.isInteger(n) && n > 0 ? n : fallback
}

/** Filters, sort and page live in the URL query, so a filtered view can be shared or reloaded. */
export function useExposureQueryState() {
  const { query, setQuery } = useRuntime()
  const [filter, setFilterState] = useState<ExposureFilter>(() => ({
    channel: query.channel || undefined,
    status: oneOf<ExposureStatus>(query.status, STATUSES),
    reason: oneOf<ReasonCode>(query.reason, REASONS),
    sellerId: query.seller || undefined,
    text: query.q || undefined,
  }))

  const [sort, setSortState] = useState<ExposureSort>(() => ({
    field: oneOf<SortField>(query.sort, SORT_FIELDS) ?? 'SKU_ID',
    order: query.order === 'DESC' ? 'DESC' : 'ASC',
  }))

  const [page, setPageState] = useState(() => positive(query.page, 1))
  const [pageSize, setPageSizeState] = useState(() =>
    oneOf(query.pageSize, PAGE_SIZES.map(String)) ? Number(query.pageSize) : 50
  )

  const sync = (next: Record<string, unknown>) =>
    setQuery(next, { replace: true })

  const setFilter = (patch: Partial<ExposureFilter>) => {
    const next = { ...filter, ...patch }

    setFilterState(next)
    setPageState(1)
    sync({
      channel: next.channel,
      status: next.status,
      reason: next.reason,
      seller: next.sellerId,
      q: next.text,
      page: undefined,
    })
  }

  const clearFilters = () => {
    setFilterState({})
    setPageState(1)
    sync({
      channel: undefined,
      status: undefined,
      reason: undefined,
      seller: undefined,
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
    setPageState(1)
    sync({ sort: next.field, order: next.order, page: undefined })
  }

  const setPage = (next: number) => {
    setPageState(next)
    sync({ page: next > 1 ? next : undefined })
  }

  const setPageSize = (next: number) => {
    setPageSizeState(next)
    setPageState(1)
    sync({ pageSize: next, page: undefined })
  }

  return {
    goNext: () => setPage(Math.max(1, page) + 1),
    goPrevious: () => setPage(Math.max(1, page - 1)),
    filter,
    sort,
    page,
    pageSize,
    setFilter,
    clearFilters,
    setSort,
    setPage,
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
