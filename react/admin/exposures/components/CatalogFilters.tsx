import React from 'react'
import { useIntl } from 'react-intl'

import { FilterSelect } from '../../shared/components/FilterSelect'
import type { Channel } from '../../shared/types'
import messages from '../filterMessages'
import type { CatalogFilterChoices } from '../hooks/useCatalogFilterChoices'
import type { ExposureFilter } from '../types'

interface Props {
  filter: ExposureFilter
  channels: Channel[]
  /** Undefined while loading or after an error. */
  choices: CatalogFilterChoices | undefined
  loading: boolean
  failed: boolean
  onChange: (patch: Partial<ExposureFilter>) => void
}

/** A choice the list does not hold (a shared link, a brand since removed) is kept, by its id. */
const withCurrent = (
  options: Array<{ value: string; label: string }>,
  current: string | null | undefined
) =>
  current && !options.some((o) => o.value === current)
    ? [...options, { value: current, label: current }]
    : options

/** The trade policies the channels are bound to, each with its channels. */
export function tradePolicyOptions(channels: Channel[]) {
  const byPolicy = new Map<string, string[]>()

  channels.forEach((c) =>
    byPolicy.set(c.salesChannel, [
      ...(byPolicy.get(c.salesChannel) ?? []),
      c.id,
    ])
  )

  return [...byPolicy.entries()]
    .sort(([a], [b]) => a.localeCompare(b, undefined, { numeric: true }))
    .map(([id, ids]) => ({ id, channels: ids.join(', ') }))
}

/** Brand, category and trade policy: lists to pick from, never ids to type. */
export function CatalogFilters({
  filter,
  channels,
  choices,
  loading,
  failed,
  onChange,
}: Props) {
  const intl = useIntl()
  const brands = (choices?.brands ?? []).map((b) => ({
    value: b.id,
    label: b.name ? `${b.name} (${b.id})` : b.id,
  }))

  const categories = (choices?.categories ?? []).map((c) => ({
    value: c.id,
    label: c.path,
  }))

  const policies = tradePolicyOptions(channels).map((p) => ({
    value: p.id,
    label: intl.formatMessage(messages.tradePolicyOption, p),
  }))

  return (
    <>
      <FilterSelect
        className="w-third-l w-50 ph2 mb3"
        label={intl.formatMessage(messages.filterBrand)}
        disabled={loading || failed}
        value={filter.brandId}
        options={withCurrent(brands, filter.brandId)}
        onChange={(brandId) => onChange({ brandId })}
        testId="filter-brand"
      />
      <FilterSelect
        className="w-third-l w-50 ph2 mb3"
        label={intl.formatMessage(messages.filterCategory)}
        disabled={loading || failed}
        value={filter.categoryId}
        options={withCurrent(categories, filter.categoryId)}
        onChange={(categoryId) => onChange({ categoryId })}
        testId="filter-category"
      />
      <FilterSelect
        className="w-third-l w-100 ph2 mb3"
        label={intl.formatMessage(messages.filterTradePolicy)}
        value={filter.tradePolicy}
        options={withCurrent(policies, filter.tradePolicy)}
        onChange={(tradePolicy) => onChange({ tradePolicy })}
        testId="filter-trade-policy"
      />
      <p
        className="w-100 ph2 mt0 mb3 t-small c-muted-1"
        data-testid="old-rows-note"
      >
        {failed
          ? intl.formatMessage(messages.choicesFailed)
          : intl.formatMessage(messages.oldRowsNote)}
      </p>
    </>
  )
}
