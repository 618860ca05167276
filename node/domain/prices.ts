import type { PriceFacts } from './types'

/** What `GET /pricing/prices/{itemId}` returns that decides whether a trade policy has a price. */
export interface StoredPrice {
  basePrice?: number | null
  fixedPrices?: Array<{
    tradePolicyId: string
    value: number
    minQuantity?: number | null
    dateRange?: { from?: string | null; to?: string | null } | null
  }> | null
}

function activeAt(
  range: { from?: string | null; to?: string | null } | null | undefined,
  now: number
) {
  if (!range) return true
  const from = range.from ? Date.parse(range.from) : NaN
  const to = range.to ? Date.parse(range.to) : NaN

  return (Number.isNaN(from) || from <= now) && (Number.isNaN(to) || now < to)
}

const positive = (n: unknown): n is number =>
  typeof n === 'number' && Number.isFinite(n) && n > 0

/**
 * The price of each trade policy, from the SKU's one stored price (one read for every channel).
 * VTEX computes a table's price from the base price unless a fixed price for that trade policy
 * applies; price rules change the amount, never whether there is one, so "has a price in N" is
 * "a fixed price for N in force for one unit, or a base price". The amount kept is the fixed
 * price or the base price, before rules and rounding (shown to the operator, not decided on).
 */
export function pricesByTradePolicy(
  price: StoredPrice | null,
  tradePolicies: string[],
  now: string
): PriceFacts {
  const at = Date.parse(now)
  const byTradePolicy: Record<string, number> = {}

  if (!price) return { byTradePolicy }
  for (const tradePolicy of tradePolicies) {
    const fixed = (price.fixedPrices ?? []).find(
      (row) =>
        String(row.tradePolicyId) === tradePolicy &&
        (row.minQuantity ?? 1) <= 1 &&
        positive(row.value) &&
        activeAt(row.dateRange, at)
    )

    if (fixed) byTradePolicy[tradePolicy] = fixed.value
    else if (positive(price.basePrice))
      byTradePolicy[tradePolicy] = price.basePrice
  }

  return { byTradePolicy }
}

/**
 * What of a stored price `pricesByTradePolicy` reads for `tradePolicies`: the base price and the
 * fixed prices for one unit of those trade policies, with their dates. Kept with a SKU's
 * decisions, it gives the same prices as the whole response at any time (a fixed price coming
 * into force later included), in a few numbers.
 */
export function priceSource(
  price: StoredPrice | null,
  tradePolicies: string[]
): StoredPrice | null {
  if (!price) return null

  return {
    basePrice: positive(price.basePrice) ? price.basePrice : null,
    fixedPrices: (price.fixedPrices ?? [])
      .filter(
        (row) =>
          tradePolicies.includes(String(row.tradePolicyId)) &&
          (row.minQuantity ?? 1) <= 1 &&
          positive(row.value)
      )
      .map((row) => ({
        tradePolicyId: String(row.tradePolicyId),
        value: row.value,
        ...(row.dateRange
          ? {
              dateRange: {
                from: row.dateRange.from ?? null,
                to: row.dateRange.to ?? null,
              },
            }
          : {}),
      })),
  }
}
