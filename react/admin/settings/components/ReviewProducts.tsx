import React, { useEffect, useState } from 'react'
import { useIntl } from 'react-intl'

import {
  ProductChangeTable,
  ProductsToggle,
} from '../../shared/components/ProductChangeTable'
import { downloadProducts } from '../../shared/productsCsv'
import messages from '../messages'
import type { SettingsPreview } from '../types'

const PAGE_SIZE = 20

/**
 * Which products the review's counts are, under the new rules (the overview's list is under the
 * saved ones): the review's own list, behind a toggle, paged here, and as a CSV.
 */
export function ReviewProducts({ preview }: { preview: SettingsPreview }) {
  const intl = useIntl()
  const [open, setOpen] = useState(false)
  const [page, setPage] = useState(1)
  const { channel, products } = preview
  const pages = Math.max(1, Math.ceil(products.length / PAGE_SIZE))

  // A new preview may have fewer pages than the one the operator paged through.
  useEffect(() => setPage(1), [products])

  const toggle = (
    <ProductsToggle
      open={open}
      onToggle={() => setOpen(!open)}
      testId={`review-products-toggle-${channel}`}
    />
  )

  if (!open) return toggle

  return (
    <>
      {toggle}
      <div className="mt3" data-testid={`review-products-${channel}`}>
        <ProductChangeTable
          items={products.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)}
          page={page}
          pages={pages}
          total={products.length}
          onPage={setPage}
          onCsv={() =>
            downloadProducts('products-to-review', channel, products)
          }
          csvTestId={`review-products-csv-${channel}`}
          rowTestId={(id) => `review-product-${channel}-${id}`}
        />
        {preview.productsTruncated && (
          <p className="t-small c-muted-1">
            {intl.formatMessage(messages.reviewProductsTruncated, {
              shown: products.length,
              total: preview.associate + preview.dissociate,
            })}
          </p>
        )}
      </div>
    </>
  )
}
