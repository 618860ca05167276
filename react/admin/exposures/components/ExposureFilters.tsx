import React, { useState } from 'react'
import { useIntl } from 'react-intl'
import { ButtonPlain, Input, InputSearch } from 'vtex.styleguide'

import {
  channelOptions,
  FilterSelect,
} from '../../shared/components/FilterSelect'
import { SellerPicker } from '../../shared/components/SellerPicker'
import { reasonMessages, statusMessages } from '../../shared/messages'
import { REASONS, STATUSES } from '../../shared/types'
import type {
  Channel,
  ExposureStatus,
  ReasonCode,
  Seller,
} from '../../shared/types'
import type { CatalogFilterChoices } from '../hooks/useCatalogFilterChoices'
import messages from '../messages'
import type { ExposureFilter } from '../types'
import { CatalogFilters } from './CatalogFilters'

interface Props {
  filter: ExposureFilter
  channels: Channel[]
  /** Undefined while loading or after an error. */
  sellers: Seller[] | undefined
  /** The seller filter waits for the list; it is typed only when the list failed. */
  sellersLoading: boolean
  /** The brand and category lists (undefined while loading or after an error). */
  choices: CatalogFilterChoices | undefined
  choicesLoading: boolean
  choicesFailed: boolean
  onChange: (patch: Partial<ExposureFilter>) => void
  onClear: () => void
}

export function ExposureFilters({
  filter,
  channels,
  sellers,
  sellersLoading,
  choices,
  choicesLoading,
  choicesFailed,
  onChange,
  onClear,
}: Props) {
  const intl = useIntl()
  const [text, setText] = useState(filter.text ?? '')
  const [seller, setSeller] = useState(filter.sellerId ?? '')

  return (
    <div
      className="flex flex-wrap items-end nl2 nr2 mb4"
      data-testid="exposure-filters"
    >
      <FilterSelect
        label={intl.formatMessage(messages.filterChannel)}
        value={filter.channel}
        options={channelOptions(channels)}
        onChange={(channel) => onChange({ channel })}
        testId="filter-channel"
      />
      <FilterSelect<ExposureStatus>
        label={intl.formatMessage(messages.filterStatus)}
        value={filter.status}
        options={STATUSES.map((s) => ({
          value: s,
          label: intl.formatMessage(statusMessages[s]),
        }))}
        onChange={(status) => onChange({ status })}
        testId="filter-status"
      />
      <FilterSelect<ReasonCode>
        label={intl.formatMessage(messages.filterReason)}
        value={filter.reason}
        options={REASONS.map((r) => ({
          value: r,
          label: intl.formatMessage(reasonMessages[r]),
        }))}
        onChange={(reason) => onChange({ reason })}
        testId="filter-reason"
      />
      <div className="w-25-l w-50 ph2 mb3">
        <SellerPicker
          sellers={sellers}
          loading={sellersLoading}
          value={filter.sellerId ?? ''}
          size="small"
          onChange={(value) => {
            // Kept in step so the typed fallback shows the same id if it ever comes back.
            setSeller(value)
            onChange({ sellerId: value || undefined })
          }}
          testId="filter-seller-picker"
          fallback={
            <Input
              label={intl.formatMessage(messages.filterSeller)}
              size="small"
              value={seller}
              onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                setSeller(e.target.value)
              }
              onBlur={() =>
                seller !== (filter.sellerId ?? '') &&
                onChange({ sellerId: seller.trim() || undefined })
              }
              onKeyDown={(e: React.KeyboardEvent) =>
                e.key === 'Enter' &&
                onChange({ sellerId: seller.trim() || undefined })
              }
              dataAttributes={{ testid: 'filter-seller' }}
            />
          }
        />
      </div>
      <CatalogFilters
        filter={filter}
        channels={channels}
        choices={choices}
        loading={choicesLoading}
        failed={choicesFailed}
        onChange={onChange}
      />
      <div className="w-75-l w-100 ph2 mb3">
        <InputSearch
          placeholder={intl.formatMessage(messages.search)}
          size="small"
          value={text}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
            setText(e.target.value)
          }
          onSubmit={(e: React.FormEvent) => {
            e.preventDefault()
            onChange({ text: text.trim() || undefined })
          }}
          onClear={() => {
            setText('')
            onChange({ text: undefined })
          }}
        />
      </div>
      <div className="w-25-l w-100 ph2 mb3 tr">
        <ButtonPlain
          onClick={() => {
            setText('')
            setSeller('')
            onClear()
          }}
        >
          {intl.formatMessage(messages.clearFilters)}
        </ButtonPlain>
      </div>
    </div>
  )
}
