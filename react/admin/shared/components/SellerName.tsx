import React from 'react'

import type { Seller } from '../types'

/**
 * A seller's name for display, or its raw id when the sellers list is still loading, failed, or
 * has no entry (or no name) for that id.
 */
export function sellerLabel(id: string, sellers: Seller[] | undefined) {
  const name = sellers?.find((s) => s.id === id)?.name

  // An empty name falls back to the id too.
  if (!name) return id

  return name
}

/** "Name (id)" for plain text, where a tooltip cannot carry the id; the id alone when no name is known. */
export function sellerLabelWithId(id: string, sellers: Seller[] | undefined) {
  const label = sellerLabel(id, sellers)

  return label === id ? id : `${label} (${id})`
}

/** A seller's name with its id as a tooltip; just the id when no name is known. */
export function SellerName({
  id,
  sellers,
}: {
  id: string
  sellers: Seller[] | undefined
}) {
  const label = sellerLabel(id, sellers)

  return label === id ? <>{id}</> : <span title={id}>{label}</span>
}

/** Several sellers, comma separated, each as a `SellerName`. */
export function SellerNames({
  ids,
  sellers,
}: {
  ids: string[]
  sellers: Seller[] | undefined
}) {
  return (
    <>
      {ids.map((id, i) => (
        <React.Fragment key={id}>
          {i > 0 && ', '}
          <SellerName id={id} sellers={sellers} />
        </React.Fragment>
      ))}
    </>
  )
}
