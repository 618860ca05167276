import React from 'react'
import { useIntl } from 'react-intl'
import { useRuntime } from 'vtex.render-runtime'
import { IconArrowDown, IconArrowUp } from 'vtex.styleguide'

import { SellerNames } from '../../shared/components/SellerName'
import { ReasonList, StatusTag } from '../../shared/components/StatusTag'
import { availableOf, formatDateTime } from '../../shared/format'
import {
  navigationMessages,
  overrideActionMessages,
} from '../../shared/messages'
import { paths } from '../../shared/paths'
import type { Exposure, Seller } from '../../shared/types'
import filterMessages from '../filterMessages'
import messages from '../messages'
import type { ExposureSort, SortField } from '../types'
import { PageLink } from '../../shared/components/PageLink'
import { ScrollRegion } from '../../shared/components/ScrollRegion'

export const rowKey = (e: Pick<Exposure, 'skuId' | 'channel'>) =>
  `${e.skuId}:${e.channel}`

interface Props {
  items: Exposure[]
  sort: ExposureSort
  onSort: (field: SortField) => void
  selected: Set<string>
  onSelect: (keys: string[], on: boolean) => void
  /** The marketplace's sellers, for names; undefined (loading or failed) shows raw ids. */
  sellers?: Seller[]
}

function SortHeader({
  field,
  sort,
  onSort,
  children,
}: {
  field: SortField
  sort: ExposureSort
  onSort: (f: SortField) => void
  children: React.ReactNode
}) {
  const active = sort.field === field
  const Arrow = sort.order === 'ASC' ? IconArrowUp : IconArrowDown

  return (
    <th
      className="pa3 tl"
      aria-sort={
        active ? (sort.order === 'ASC' ? 'ascending' : 'descending') : 'none'
      }
    >
      <button
        type="button"
        className="bn bg-transparent pa0 pointer b c-on-base flex items-center"
        onClick={() => onSort(field)}
        data-testid={`sort-${field}`}
      >
        {children}
        {active && (
          <span className="ml2">
            <Arrow size={10} />
          </span>
        )}
      </button>
    </th>
  )
}

export function ExposureTable({
  items,
  sort,
  onSort,
  selected,
  onSelect,
  sellers,
}: Props) {
  const intl = useIntl()
  const availableText = (item: Exposure) => {
    const available = availableOf(item)

    return available === 'unlimited'
      ? intl.formatMessage(messages.availableUnlimited)
      : available ?? '—'
  }
  const { navigate } = useRuntime()
  const keys = items.map(rowKey)
  const allOn = keys.length > 0 && keys.every((k) => selected.has(k))
  const someOn = keys.some((k) => selected.has(k))

  return (
    <ScrollRegion label={intl.formatMessage(navigationMessages.exposures)}>
      <table className="w-100 collapse t-small" data-testid="exposure-table">
        <thead className="bg-muted-5">
          <tr>
            <th className="pa3 w2">
              {/* Native checkboxes: styleguide's Checkbox cannot carry an accessible name without a visible label. */}
              <input
                type="checkbox"
                className="pointer"
                checked={allOn}
                ref={(el) => {
                  if (el) el.indeterminate = someOn && !allOn
                }}
                aria-label={intl.formatMessage(messages.selectAll)}
                onChange={() => onSelect(keys, !allOn)}
              />
            </th>
            <SortHeader field="SKU_ID" sort={sort} onSort={onSort}>
              {intl.formatMessage(messages.colSku)}
            </SortHeader>
            <SortHeader field="SKU_NAME" sort={sort} onSort={onSort}>
              {intl.formatMessage(filterMessages.colName)}
            </SortHeader>
            <th className="pa3 tl">
              {intl.formatMessage(messages.colProduct)}
            </th>
            <th className="pa3 tl">
              {intl.formatMessage(filterMessages.colBrandCategory)}
            </th>
            <th className="pa3 tl">
              {intl.formatMessage(messages.colChannel)}
            </th>
            <SortHeader field="STATUS" sort={sort} onSort={onSort}>
              {intl.formatMessage(messages.colStatus)}
            </SortHeader>
            <th className="pa3 tl">
              {intl.formatMessage(messages.colReasons)}
            </th>
            <SortHeader field="AVAILABLE" sort={sort} onSort={onSort}>
              {intl.formatMessage(messages.colAvailable)}
            </SortHeader>
            <th className="pa3 tl">
              {intl.formatMessage(messages.colSellers)}
            </th>
            <SortHeader field="CHANGED_AT" sort={sort} onSort={onSort}>
              {intl.formatMessage(filterMessages.colChanged)}
            </SortHeader>
            <SortHeader field="EVALUATED_AT" sort={sort} onSort={onSort}>
              {intl.formatMessage(messages.colEvaluated)}
            </SortHeader>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const key = rowKey(item)

            return (
              <tr
                key={key}
                className="bt b--muted-4 hover-bg-muted-5 pointer"
                data-testid={`row-${key}`}
                // The whole row opens the SKU for a mouse; the SKU id is the link (keyboard, new tab).
                onClick={(event) => {
                  if ((event.target as Element).closest('a, input')) return
                  navigate({ to: paths.sku(item.skuId) })
                }}
              >
                {/* The checkbox cell must not open the SKU: stop the row's click here. */}
                <td className="pa3" onClick={(e) => e.stopPropagation()}>
                  <input
                    type="checkbox"
                    className="pointer"
                    checked={selected.has(key)}
                    aria-label={intl.formatMessage(messages.selectRow, {
                      skuId: item.skuId,
                      channel: item.channel,
                    })}
                    onChange={() => onSelect([key], !selected.has(key))}
                  />
                </td>
                <td className="pa3 b">
                  <PageLink
                    to={paths.sku(item.skuId)}
                    label={intl.formatMessage(messages.openSku, {
                      skuId: item.skuId,
                      channel: item.channel,
                    })}
                    testId={`open-${key}`}
                  >
                    {item.skuId}
                  </PageLink>
                </td>
                <td className="pa3">{item.skuName}</td>
                <td className="pa3">
                  <div>{item.productName}</div>
                  <div className="c-muted-1">{item.productId}</div>
                </td>
                <td className="pa3" data-testid={`place-${key}`}>
                  <div>{item.brandName ?? item.brandId ?? '—'}</div>
                  <div className="c-muted-1">{item.categoryPath}</div>
                </td>
                <td className="pa3">{item.channel}</td>
                <td className="pa3">
                  <StatusTag status={item.status} />
                  {item.override && (
                    <div
                      className="c-muted-1 mt1"
                      data-testid={`override-${key}`}
                    >
                      {intl.formatMessage(messages.overrideActive, {
                        action: intl.formatMessage(
                          overrideActionMessages[item.override.action]
                        ),
                      })}
                    </div>
                  )}
                </td>
                <td className="pa3">
                  <ReasonList reasons={item.reasons} />
                </td>
                <td className="pa3 tr" data-testid={`available-${key}`}>
                  {availableText(item)}
                </td>
                <td className="pa3">
                  <SellerNames ids={item.sellerIds} sellers={sellers} />
                </td>
                <td className="pa3 c-muted-1">
                  {formatDateTime(intl, item.changedAt)}
                </td>
                <td className="pa3 c-muted-1">
                  {formatDateTime(intl, item.evaluatedAt)}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </ScrollRegion>
  )
}
