import React, { useState } from 'react'
import { useIntl } from 'react-intl'
import { ButtonPlain, Dropdown, Input, InputSearch } from 'vtex.styleguide'

import { SellerPicker } from '../../shared/components/SellerPicker'
import {
  commonMessages,
  reasonMessages,
  statusMessages,
} from '../../shared/messages'
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
  const all = { value: '', label: intl.formatMessage(commonMessages.all) }
  const [text, setText] = useState(filter.text ?? '')
  const [seller, setSeller] = useState(filter.sellerId ?? '')

  return (
    <div
      className="flex flex-wrap items-end nl2 nr2 mb4"
      data-testid="exposure-filters"
    >
      <div className="w-25-l w-50 ph2 mb3">
        <Dropdown
          label={intl.formatMessage(messages.filterChannel)}
          size="small"
          value={filter.channel ?? ''}
          options={[
            all,
            ...channels.map((c) => ({
              value: c.id,
              label: `${c.name ?? c.id} (${c.id})`,
            })),
          ]}
          onChange={(_: unknown, value: string) =>
            onChange({ channel: value || undefined })
          }
          testId="filter-channel"
        />
      </div>
      <div className="w-25-l w-50 ph2 mb3">
        <Dropdown
          label={intl.formatMessage(messages.filterStatus)}
          size="small"
          value={filter.status ?? ''}
          options={[
            all,
            ...STATUSES.map((s) => ({
              value: s,
              label: intl.formatMessage(statusMessages[s]),
            })),
          ]}
          onChange={(_: unknown, value: string) =>
            onChange({
              status: (value || undefined) as ExposureStatus | undefined,
            })
          }
          testId="filter-status"
        />
      </div>
      <div className="w-25-l w-50 ph2 mb3">
        <Dropdown
          label={intl.formatMessage(messages.filterReason)}
          size="small"
          value={filter.reason ?? ''}
          options={[
            all,
            ...REASONS.map((r) => ({
              value: r,
              label: intl.formatMessage(reasonMessages[r]),
            })),
          ]}
          onChange={(_: unknown, value: string) =>
            onChange({ reason: (value || undefined) as ReasonCode | undefined })
          }
          testId="filter-reason"
        />
      </div>
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
