import React from 'react'
import { useIntl } from 'react-intl'
import { Dropdown } from 'vtex.styleguide'

import { commonMessages } from '../../shared/messages'
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
  const all = { value: '', label: intl.formatMessage(commonMessages.all) }
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
      <div className="w-third-l w-50 ph2 mb3">
        <Dropdown
          label={intl.formatMessage(messages.filterBrand)}
          size="small"
          disabled={loading || failed}
          value={filter.brandId ?? ''}
          options={[all, ...withCurrent(brands, filter.brandId)]}
          onChange={(_: unknown, value: string) =>
            onChange({ brandId: value || undefined })
          }
          testId="filter-brand"
        />
      </div>
      <div className="w-third-l w-50 ph2 mb3">
        <Dropdown
          label={intl.formatMessage(messages.filterCategory)}
          size="small"
          disabled={loading || failed}
          value={filter.categoryId ?? ''}
          options={[all, ...withCurrent(categories, filter.categoryId)]}
          onChange={(_: unknown, value: string) =>
            onChange({ categoryId: value || undefined })
          }
          testId="filter-category"
        />
      </div>
      <div className="w-third-l w-100 ph2 mb3">
        <Dropdown
          label={intl.formatMessage(messages.filterTradePolicy)}
          size="small"
          value={filter.tradePolicy ?? ''}
          options={[all, ...withCurrent(policies, filter.tradePolicy)]}
          onChange={(_: unknown, value: string) =>
            onChange({ tradePolicy: value || undefined })
          }
          testId="filter-trade-policy"
        />
      </div>
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
