import React from 'react'
import type { ReactElement } from 'react'
import { useIntl } from 'react-intl'
import { Dropdown, IconClose, Tag } from 'vtex.styleguide'

import { sellerMessages } from '../messages'
import type { Seller } from '../types'
import { sellerOptionLabel, sortSellers } from './SellerPicker'
import { TAG_COLORS } from '../tagColors'

interface Props {
  label: string
  /** Undefined while the list loads or when it failed. */
  sellers: Seller[] | undefined
  /** The list is loading: the chosen ids show as they are and stay removable; adding waits. */
  loading: boolean
  /** The chosen seller ids, in the order they were added. */
  value: string[]
  onChange: (ids: string[]) => void
  /**
   * Ids not offered either: the channel's other list, so a seller cannot be picked into both. Left
   * out like the chosen ones, not disabled: a native option cannot say why; the other list's chip does.
   */
  exclude?: string[]
  /** Free text for the ids, shown only when the list could not be read. */
  fallback: ReactElement
  helpText?: string
  errorMessage?: string
  testId: string
}

/**
 * Several sellers: a dropdown adds one of the marketplace's sellers, each chosen one is a chip
 * with a remove button. A chosen id the list lacks stays a chip, marked, so it can be removed.
 */
export function SellerListPicker({
  label,
  sellers,
  loading,
  value,
  onChange,
  exclude = [],
  fallback,
  helpText,
  errorMessage,
  testId,
}: Props) {
  const intl = useIntl()

  if (!sellers && !loading) return fallback

  const unavailable = new Set([...value, ...exclude])
  const options = sortSellers(sellers ?? [])
    .filter((s) => !unavailable.has(s.id))
    .map((s) => ({ value: s.id, label: sellerOptionLabel(s, intl) }))

  const chipLabel = (id: string) => {
    // Still loading: names are not known yet, and neither is whether the id is listed.
    if (!sellers) return id
    const seller = sellers.find((s) => s.id === id)

    return seller
      ? sellerOptionLabel(seller, intl)
      : intl.formatMessage(sellerMessages.unlisted, { seller: id })
  }

  return (
    <div data-testid={testId}>
      <Dropdown
        label={label}
        disabled={!sellers}
        value=""
        // The prompt is the first option, not the styleguide's placeholder: that one is drawn in
        // its light grey, below 4.5:1 on white.
        options={[
          {
            value: '',
            label: intl.formatMessage(
              sellers ? sellerMessages.add : sellerMessages.loading
            ),
          },
          ...options,
        ]}
        helpText={helpText}
        errorMessage={errorMessage}
        onChange={(_: unknown, id: string) => {
          if (id) onChange([...value, id])
        }}
        selectTestId={`${testId}-select`}
      />
      {value.length > 0 && (
        <ul className="list pa0 mt3 mb0 flex flex-wrap" aria-label={label}>
          {value.map((id) => {
            const text = chipLabel(id)

            return (
              <li key={id} className="mr2 mb2">
                <Tag variation="low" {...TAG_COLORS.low}>
                  <span className="flex items-center">
                    {text}
                    <button
                      type="button"
                      className="ml2 pa0 bn bg-transparent c-muted-1 hover-c-danger pointer flex items-center"
                      aria-label={intl.formatMessage(sellerMessages.remove, {
                        seller: text,
                      })}
                      onClick={() => onChange(value.filter((v) => v !== id))}
                    >
                      <IconClose size={12} />
                    </button>
                  </span>
                </Tag>
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}
