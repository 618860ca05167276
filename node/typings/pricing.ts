/** GET /pricing/prices/{itemId} (Pricing API v2) */
export interface PriceResponse {
  itemId: string
  basePrice?: number | null
  listPrice?: number | null
  fixedPrices?: Array<{
    tradePolicyId: string
    value: number
    minQuantity?: number
    dateRange?: { from: string; to: string } | null
  }> | null
}
