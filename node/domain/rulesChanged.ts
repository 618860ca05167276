// Which of a channel's rules changed since a decision was made, read from the decision's trace.
import type { StockBuffer } from './buffers'
import { bufferTrace } from './buffers'
import type { ChannelSettings } from './settings'
import type { RuleName, RuleResult } from './types'

export type RuleSetting =
  | 'exposeAt'
  | 'withdrawBelow'
  | 'requirePrice'
  | 'sellerAllow'
  | 'sellerDeny'
  | 'buffer'

const detailsOf = (trace: RuleResult[], rule: RuleName) =>
  trace.find((r) => r.rule === rule)?.details ?? {}

const byText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0)
const sameList = (a: unknown, b: string[]) =>
  Array.isArray(a) &&
  a.map(String).sort(byText).join('|') === [...b].sort(byText).join('|')

/**
 * The settings a decision's trace was made under that the channel no longer has, in the order of
 * the rules. A trace is kept until its SKU is evaluated again, and a settings change evaluates
 * again only the SKUs whose status it changes, so a trace can show a threshold the channel no
 * longer has. A rule the trace did not reach (skipped: the SKU was not found) or recorded before
 * it kept that setting compares as unchanged: nothing can be said of it.
 */
export function rulesChangedSince(
  trace: RuleResult[],
  now: Pick<
    ChannelSettings,
    'exposeAt' | 'withdrawBelow' | 'requirePrice' | 'sellerAllow' | 'sellerDeny'
  >,
  /** The stock buffer that applies to the SKU on the channel now (bufferFor), or null. */
  bufferNow: StockBuffer | null = null
): RuleSetting[] {
  const stock = detailsOf(trace, 'MARKETPLACE_STOCK')
  const price = detailsOf(trace, 'PRICE')
  const sellers = detailsOf(trace, 'SELLERS')
  const changed: RuleSetting[] = []

  // A buffer then and now: the channel's thresholds decided nothing for this SKU either time.
  const buffered = Boolean(stock.buffer) && bufferNow !== null

  if (
    !buffered &&
    typeof stock.exposeAt === 'number' &&
    stock.exposeAt !== now.exposeAt
  )
    changed.push('exposeAt')
  if (
    !buffered &&
    typeof stock.withdrawBelow === 'number' &&
    stock.withdrawBelow !== now.withdrawBelow
  )
    changed.push('withdrawBelow')
  if (
    typeof price.required === 'boolean' &&
    price.required !== now.requirePrice
  )
    changed.push('requirePrice')
  if (
    sellers.sellerAllow !== undefined &&
    !sameList(sellers.sellerAllow, now.sellerAllow)
  )
    changed.push('sellerAllow')
  if (
    sellers.sellerDeny !== undefined &&
    !sameList(sellers.sellerDeny, now.sellerDeny)
  )
    changed.push('sellerDeny')

  // 'buffer': the trace's stock thresholds came from another buffer (or none) than the one that
  // applies now. A trace from before buffers has no `buffer` key: it used none.
  if (typeof stock.threshold === 'number') {
    const then = (stock.buffer ?? null) as ReturnType<typeof bufferTrace> | null
    const current = bufferNow ? bufferTrace(bufferNow) : null

    if (
      then?.id !== current?.id ||
      then?.exposeAt !== current?.exposeAt ||
      then?.withdrawBelow !== current?.withdrawBelow
    )
      changed.push('buffer')
  }

  return changed
}
