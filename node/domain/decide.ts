// The exposure decision for one governed SKU on one channel. Pure: time is input.now.
import { availableForChannel } from './availability'
import { bufferTrace, matchingBuffers } from './buffers'
import { activeOverride, overrideState } from './overrides'
import { sellersForChannel, sellersReason } from './sellers'
import type {
  ChannelConfig,
  Decision,
  DecisionInput,
  ExposureStatus,
  PriceFacts,
  ReasonCode,
  RuleName,
  RuleResult,
} from './types'

export { isGoverned, thirdPartySellers } from './sellers'

/** Rules in the order they appear in every trace; reasons are listed in the same order. */
export const RULE_ORDER: readonly RuleName[] = [
  'SKU_EXISTS',
  'SKU_ACTIVE',
  'MARKETPLACE_STOCK',
  'PRICE',
  'SELLERS',
  'OVERRIDE',
]

/** The status order from best to worst, for "not worse" comparisons. */
export const STATUS_RANK: Record<ExposureStatus, number> = {
  EXPOSED: 0,
  PENDING: 1,
  ERROR: 2,
  WITHHELD: 3,
}

/**
 * The stock threshold that applies now. Hysteresis: a SKU exposed last time keeps its place until
 * available < withdrawBelow; any other SKU needs available >= exposeAt. withdrawBelow is capped at
 * exposeAt, whatever the settings say.
 */
export function stockThreshold(
  channel: Pick<ChannelConfig, 'exposeAt' | 'withdrawBelow'>,
  previousStatus: ExposureStatus | null
): { threshold: number; kind: 'exposeAt' | 'withdrawBelow' } {
  return previousStatus === 'EXPOSED'
    ? {
        threshold: Math.min(channel.withdrawBelow, channel.exposeAt),
        kind: 'withdrawBelow',
      }
    : { threshold: channel.exposeAt, kind: 'exposeAt' }
}

/** A price is a finite amount above zero in the channel's trade policy; zero is no price. */
export function priceIn(
  price: PriceFacts | null,
  tradePolicy: string
): number | null {
  const value = price?.byTradePolicy[tradePolicy]

  return typeof value === 'number' && Number.isFinite(value) && value > 0
    ? value
    : null
}

function rule(
  name: RuleName,
  passed: boolean,
  reason: ReasonCode | null,
  details: Record<string, unknown>
): RuleResult {
  return { rule: name, passed, reason, details }
}

// A rule that contributes `code` only when it fails.
function check(
  name: RuleName,
  passed: boolean,
  code: ReasonCode,
  details: Record<string, unknown>
): RuleResult {
  return rule(name, passed, passed ? null : code, details)
}

// Rules that need catalog facts are listed but not evaluated when the SKU is missing:
// passed is false (nothing was shown to pass) and reason null (they add no code).
function skipped(name: RuleName): RuleResult {
  return rule(name, false, null, { skipped: true, because: 'SKU_NOT_FOUND' })
}

// An ALLOW cannot expose a SKU the catalog does not have; the trace says it was not applied.
function overrideRule(input: DecisionInput): RuleResult {
  const { override, now } = input
  const state = overrideState(override, now)
  const active = activeOverride(override, now)
  const moot = active?.action === 'ALLOW' && !input.sku
  const details = {
    override,
    state,
    now,
    applied: active !== null && !moot,
    ...(moot ? { notAppliedBecause: 'SKU_NOT_FOUND' } : {}),
  }

  if (active?.action === 'BLOCK')
    return rule('OVERRIDE', false, 'MANUAL_BLOCK', details)
  if (active?.action === 'ALLOW' && !moot) {
    return rule('OVERRIDE', true, 'MANUAL_ALLOW', details)
  }

  return rule('OVERRIDE', true, null, details)
}

/**
 * Decides EXPOSED or WITHHELD. Never PENDING or ERROR: those mean the facts could not be read,
 * which only the caller knows.
 * - WITHHELD lists every failing rule's code, in RULE_ORDER.
 * - An active ALLOW exposes whatever the rules say (reasons ['MANUAL_ALLOW']), except for a SKU the
 *   catalog does not have: there is nothing to expose, so it stays WITHHELD with SKU_NOT_FOUND.
 * - An active BLOCK adds MANUAL_BLOCK to the other failing codes.
 * - Every rule is in the trace with what it saw, pass or fail, whatever the override.
 */
export function decide(input: DecisionInput): Decision {
  const { channel, sku } = input
  const skuId = sku?.skuId ?? input.skuId ?? ''
  const overrideResult = overrideRule(input)

  if (!sku) {
    const trace = [
      rule('SKU_EXISTS', false, 'SKU_NOT_FOUND', { skuId }),
      skipped('SKU_ACTIVE'),
      skipped('MARKETPLACE_STOCK'),
      skipped('PRICE'),
      skipped('SELLERS'),
      overrideResult,
    ]

    return {
      skuId,
      productId: null,
      channel: channel.id,
      status: 'WITHHELD',
      reasons: failures(trace),
      available: 0,
      trace,
    }
  }

  const stock = availableForChannel(
    channel.salesChannel,
    input.warehouses,
    input.docks,
    input.inventory
  )

  // A buffer of the SKU or its product replaces the channel's thresholds (buffers.ts for which
  // one wins); the trace keeps the channel's beside it, and names any buffer it outranked.
  const [buffer, ...outranked] = matchingBuffers(
    channel.buffers,
    channel.id,
    sku.skuId,
    sku.productId
  )

  const { threshold, kind } = stockThreshold(
    buffer ?? channel,
    input.previousStatus
  )

  const price = priceIn(input.price, channel.salesChannel)
  const sellers = sellersForChannel(sku, channel)

  const trace = [
    rule('SKU_EXISTS', true, null, { skuId }),
    check('SKU_ACTIVE', sku.skuActive && sku.productActive, 'SKU_INACTIVE', {
      skuActive: sku.skuActive,
      productActive: sku.productActive,
    }),
    check(
      'MARKETPLACE_STOCK',
      stock.available === null || stock.available >= threshold,
      'NO_MARKETPLACE_STOCK',
      {
        salesChannel: channel.salesChannel,
        available: stock.available,
        unlimited: stock.available === null,
        threshold,
        thresholdKind: kind,
        exposeAt: channel.exposeAt,
        withdrawBelow: channel.withdrawBelow,
        thresholdsFrom: buffer ? 'BUFFER' : 'CHANNEL',
        buffer: buffer ? bufferTrace(buffer) : null,
        ...(outranked.length
          ? { buffersOutranked: outranked.map((b) => bufferTrace(b).id) }
          : {}),
        previousStatus: input.previousStatus,
        warehouses: stock.warehouses,
        docks: stock.docks,
        docksIgnored: stock.docksIgnored,
      }
    ),
    check('PRICE', !channel.requirePrice || price !== null, 'NO_PRICE', {
      required: channel.requirePrice,
      tradePolicy: channel.salesChannel,
      price,
    }),
    check(
      'SELLERS',
      sellers.some((s) => s.counted),
      sellersReason(sellers),
      {
        sellers,
        counted: sellers.filter((s) => s.counted).map((s) => s.sellerId),
        excluded: sellers.filter((s) => !s.counted).map((s) => s.sellerId),
        sellerAllow: channel.sellerAllow,
        sellerDeny: channel.sellerDeny,
      }
    ),
    overrideResult,
  ]

  const allowed = overrideResult.reason === 'MANUAL_ALLOW'
  const failing = failures(trace)

  return {
    skuId,
    productId: sku.productId,
    channel: channel.id,
    status: allowed || failing.length === 0 ? 'EXPOSED' : 'WITHHELD',
    reasons: allowed ? ['MANUAL_ALLOW'] : failing,
    available: stock.available,
    trace,
  }
}

function failures(trace: RuleResult[]): ReasonCode[] {
  return trace
    .filter((r) => !r.passed && r.reason !== null)
    .map((r) => r.reason as ReasonCode)
}
