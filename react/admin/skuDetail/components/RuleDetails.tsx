import React from 'react'
import { useIntl } from 'react-intl'

import { SellerName } from '../../shared/components/SellerName'
import { useSellers } from '../../shared/hooks/useSellers'
import messages from '../messages'
import {
  bufferTraceMessages,
  excludedByMessages,
  traceMessages,
} from '../traceMessages'
import { parseDetails } from '../trace'
import type { PriceDetails, SellersDetails, StockDetails } from '../trace'

const cell = 'pa2 bb b--muted-4'

function YesNo({ value }: { value: boolean | undefined }) {
  const intl = useIntl()

  return <>{intl.formatMessage(value ? traceMessages.yes : traceMessages.no)}</>
}

function Buffer({ d }: { d: StockDetails }) {
  const intl = useIntl()
  const { buffer } = d

  if (!buffer) return null

  return (
    <div className="mb2" data-testid="trace-buffer">
      <p className="ma0">
        {intl.formatMessage(bufferTraceMessages.used, {
          id: buffer.id,
          scope: buffer.scope,
          targetId: buffer.targetId,
          channel:
            buffer.channel ??
            intl.formatMessage(bufferTraceMessages.allChannels),
          channelExposeAt: d.exposeAt ?? 0,
          channelWithdrawBelow: d.withdrawBelow ?? 0,
        })}
      </p>
      {buffer.note && (
        <p className="ma0 c-muted-1">
          {intl.formatMessage(bufferTraceMessages.note, { note: buffer.note })}
        </p>
      )}
      {d.buffersOutranked && d.buffersOutranked.length > 0 && (
        <p className="ma0 c-muted-1">
          {intl.formatMessage(bufferTraceMessages.outranked, {
            ids: d.buffersOutranked.join(', '),
          })}
        </p>
      )}
    </div>
  )
}

function Stock({ d }: { d: StockDetails }) {
  const intl = useIntl()
  const unlimited = intl.formatMessage(traceMessages.unlimited)

  return (
    <div data-testid="trace-stock">
      <p className="ma0 mb2">
        {intl.formatMessage(traceMessages.stockLine, {
          available: d.unlimited ? unlimited : String(d.available ?? 0),
          threshold: d.threshold ?? 0,
          kind: d.thresholdKind ?? 'exposeAt',
          // The thresholds the rule used: the buffer's when one applied (said below).
          exposeAt: d.buffer?.exposeAt ?? d.exposeAt ?? 0,
          withdrawBelow: d.buffer?.withdrawBelow ?? d.withdrawBelow ?? 0,
        })}
      </p>
      <Buffer d={d} />
      {d.warehouses && d.warehouses.length > 0 && (
        <table className="collapse w-100 t-small mb2">
          <thead>
            <tr className="tl">
              <th className={cell}>
                {intl.formatMessage(traceMessages.warehouse)}
              </th>
              <th className={cell}>
                {intl.formatMessage(traceMessages.docks)}
              </th>
              <th className={cell}>
                {intl.formatMessage(traceMessages.counted)}
              </th>
              <th className={`${cell} tr`}>
                {intl.formatMessage(traceMessages.total)}
              </th>
              <th className={`${cell} tr`}>
                {intl.formatMessage(traceMessages.reserved)}
              </th>
              <th className={`${cell} tr`}>
                {intl.formatMessage(traceMessages.available)}
              </th>
            </tr>
          </thead>
          <tbody>
            {d.warehouses.map((w) => (
              <tr
                key={w.warehouseId}
                data-testid={`warehouse-${w.warehouseId}`}
              >
                <td className={cell}>
                  {w.name ?? w.warehouseId}{' '}
                  <span className="c-muted-1">({w.warehouseId})</span>
                </td>
                <td className={cell}>
                  {(w.reachedByDocks ?? []).join(', ') || '—'}
                </td>
                <td className={cell}>
                  <YesNo value={w.counted} />
                </td>
                <td className={`${cell} tr`}>
                  {w.unlimited ? unlimited : w.total ?? '—'}
                </td>
                <td className={`${cell} tr`}>{w.reserved ?? '—'}</td>
                <td className={`${cell} tr`}>
                  {w.unlimited ? unlimited : w.available ?? '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {d.docksIgnored && d.docksIgnored.length > 0 && (
        <p className="ma0 c-muted-1 t-small">
          {intl.formatMessage(traceMessages.docksIgnored, {
            docks: d.docksIgnored.map((x) => x.dockId).join(', '),
          })}
        </p>
      )}
    </div>
  )
}

function Price({ d }: { d: PriceDetails }) {
  const intl = useIntl()

  return (
    <p className="ma0" data-testid="trace-price">
      {intl.formatMessage(traceMessages.priceLine, {
        tradePolicy: d.tradePolicy ?? '—',
        price:
          d.price == null
            ? intl.formatMessage(traceMessages.noPrice)
            : intl.formatNumber(d.price),
        required: intl.formatMessage(
          d.required ? traceMessages.yes : traceMessages.no
        ),
      })}
    </p>
  )
}

function Sellers({ d }: { d: SellersDetails }) {
  const intl = useIntl()
  const { sellers } = useSellers()

  return (
    <table className="collapse w-100 t-small" data-testid="trace-sellers">
      <thead>
        <tr className="tl">
          <th className={cell}>{intl.formatMessage(traceMessages.seller)}</th>
          <th className={cell}>{intl.formatMessage(traceMessages.active)}</th>
          <th className={cell}>{intl.formatMessage(traceMessages.counted)}</th>
          <th className={cell}>
            {intl.formatMessage(traceMessages.excludedBy)}
          </th>
        </tr>
      </thead>
      <tbody>
        {(d.sellers ?? []).map((s) => (
          <tr key={s.sellerId}>
            <td className={cell}>
              <SellerName id={s.sellerId} sellers={sellers} />
            </td>
            <td className={cell}>
              <YesNo value={s.active} />
            </td>
            <td className={cell}>
              <YesNo value={s.counted} />
            </td>
            <td className={cell}>
              {s.excludedBy && s.excludedBy in excludedByMessages
                ? intl.formatMessage(
                    excludedByMessages[
                      s.excludedBy as keyof typeof excludedByMessages
                    ]
                  )
                : '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** The inputs a rule saw: known shapes as tables, anything else as raw JSON. */
export function RuleDetails({
  rule,
  details,
}: {
  rule: string
  details: string
}) {
  const intl = useIntl()
  const parsed = parseDetails(details)

  if (parsed && rule === 'MARKETPLACE_STOCK')
    return <Stock d={parsed as StockDetails} />
  if (parsed && rule === 'PRICE') return <Price d={parsed as PriceDetails} />
  if (parsed && rule === 'SELLERS' && Array.isArray(parsed.sellers))
    return <Sellers d={parsed as SellersDetails} />

  return (
    <details>
      <summary className="c-muted-1 t-small pointer">
        {intl.formatMessage(traceMessages.raw)}
      </summary>
      <pre
        className="t-mini bg-muted-5 pa2 br2 overflow-x-auto"
        title={intl.formatMessage(messages.traceTitle)}
      >
        {parsed ? JSON.stringify(parsed, null, 2) : details}
      </pre>
    </details>
  )
}
