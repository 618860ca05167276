import React from 'react'
import type { ReactElement } from 'react'
import { useIntl } from 'react-intl'
import type { IntlShape } from 'react-intl'
import { Dropdown } from 'vtex.styleguide'

import { sellerMessages } from '../messages'
import type { Seller } from '../types'

interface Props {
  /** Undefined while the list loads or when it failed. */
  sellers: Seller[] | undefined
  /** The list is loading: a disabled picker is shown, never `fallback`, so nothing typed is lost. */
  loading: boolean
  /** The selected seller id; '' for all sellers. */
  value: string
  onChange: (sellerId: string) => void
  /** A free-text id, shown only when the list could not be read. */
  fallback: ReactElement
  size?: string
  testId?: string
}

const sortKey = (s: Seller) => s.name ?? s.id

/** Active sellers by name (id when nameless), then inactive ones. */
export const sortSellers = (sellers: Seller[]) =>
  [...sellers].sort(
    (a, b) =>
      Number(b.active) - Number(a.active) ||
      sortKey(a).localeCompare(sortKey(b)) ||
      a.id.localeCompare(b.id)
  )

/** "Name (id)", or the id when nameless; an inactive seller is marked. */
export function sellerOptionLabel(s: Seller, intl: IntlShape) {
  const label = s.name ? `${s.name} (${s.id})` : s.id

  return s.active
    ? label
    : intl.formatMessage(sellerMessages.inactive, { seller: label })
}

/** "All sellers", then active sellers by name, then inactive ones; a selected id the list lacks stays an option. */
export function sellerOptions(
  sellers: Seller[],
  value: string,
  intl: IntlShape
) {
  const options = sortSellers(sellers).map((s) => ({
    value: s.id,
    label: sellerOptionLabel(s, intl),
  }))

  // An id from the URL (a shared link) that the catalog no longer returns.
  const unlisted =
    value && !sellers.some((s) => s.id === value)
      ? [
          {
            value,
            label: intl.formatMessage(sellerMessages.unlisted, {
              seller: value,
            }),
          },
        ]
      : []

  return [
    { value: '', label: intl.formatMessage(sellerMessages.all) },
    ...unlisted,
    ...options,
  ]
}

export function SellerPicker({
  sellers,
  loading,
  value,
  onChange,
  fallback,
  size,
  testId,
}: Props) {
  const intl = useIntl()

  if (!sellers && loading) {
    return (
      <Dropdown
        label={intl.formatMessage(sellerMessages.label)}
        size={size}
        disabled
        value=""
        placeholder={intl.formatMessage(sellerMessages.loading)}
        options={[]}
        testId={testId}
        selectTestId={testId && `${testId}-select`}
      />
    )
  }

  if (!sellers) return fallback

  return (
    <Dropdown
      label={intl.formatMessage(sellerMessages.label)}
      size={size}
      value={value}
      options={sellerOptions(sellers, value, intl)}
      onChange={(_: unknown, next: string) => onChange(next)}
      testId={testId}
      selectTestId={testId && `${testId}-select`}
    />
  )
}
