import React from 'react'
import { useIntl } from 'react-intl'
import { Button } from 'vtex.styleguide'

import messages from '../productChangeMessages'
import type { ProductToChange } from '../types'

interface Props {
  /** One page of the list. */
  items: ProductToChange[]
  page: number
  pages: number
  total: number
  onPage: (page: number) => void
  onCsv: () => void
  exporting?: boolean
  csvTestId: string
  rowTestId: (productId: string) => string
}

/** A page of products a channel's trade policy would gain or lose, its pager and its CSV button. */
export function ProductChangeTable({
  items,
  page,
  pages,
  total,
  onPage,
  onCsv,
  exporting = false,
  csvTestId,
  rowTestId,
}: Props) {
  const intl = useIntl()

  return (
    <>
      <table className="w-100 t-small collapse">
        <thead>
          <tr className="tl c-muted-1">
            <th className="pv2">
              {intl.formatMessage(messages.columnProduct)}
            </th>
            <th className="pv2">{intl.formatMessage(messages.columnAction)}</th>
            <th className="pv2">{intl.formatMessage(messages.columnSkus)}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((p) => (
            <tr
              key={p.productId}
              className="bt b--muted-4"
              data-testid={rowTestId(p.productId)}
            >
              <td className="pv2">
                {p.productName
                  ? `${p.productName} (${p.productId})`
                  : p.productId}
              </td>
              <td className="pv2">
                {intl.formatMessage(
                  p.action === 'ASSOCIATE'
                    ? messages.actionAssociate
                    : messages.actionDissociate
                )}
              </td>
              <td className="pv2">{p.skuIds.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="flex items-center justify-between mt3">
        <span className="t-small c-muted-1">
          {intl.formatMessage(messages.page, { page, pages, total })}
        </span>
        <div className="flex">
          <Button
            size="small"
            variation="tertiary"
            disabled={page <= 1}
            onClick={() => onPage(page - 1)}
          >
            {intl.formatMessage(messages.previous)}
          </Button>
          <Button
            size="small"
            variation="tertiary"
            disabled={page >= pages}
            onClick={() => onPage(page + 1)}
          >
            {intl.formatMessage(messages.next)}
          </Button>
          <Button
            size="small"
            variation="secondary"
            isLoading={exporting}
            onClick={onCsv}
            testId={csvTestId}
          >
            {intl.formatMessage(messages.csv)}
          </Button>
        </div>
      </div>
    </>
  )
}

/** Opens and closes a channel's list of products to change. */
export function ProductsToggle({
  open,
  onToggle,
  testId,
}: {
  open: boolean
  onToggle: () => void
  testId: string
}) {
  const intl = useIntl()

  return (
    <button
      type="button"
      className="bn bg-transparent c-action-primary pointer t-small ml2"
      data-testid={testId}
      aria-expanded={open}
      onClick={onToggle}
    >
      {intl.formatMessage(open ? messages.hide : messages.show)}
    </button>
  )
}
