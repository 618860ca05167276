// `trace[].details` is a JSON string whose shape depends on the rule; these are the shapes the
// rules write (node/domain/decide.ts). Anything else is shown raw.
export interface WarehouseInput {
  warehouseId: string
  name?: string
  active?: boolean
  reachedByDocks?: string[]
  counted?: boolean
  total?: number | null
  reserved?: number | null
  available?: number | null
  unlimited?: boolean
}

export interface StockDetails {
  salesChannel?: string
  available?: number | null
  unlimited?: boolean
  threshold?: number
  thresholdKind?: string
  exposeAt?: number
  withdrawBelow?: number
  warehouses?: WarehouseInput[]
  docks?: string[]
  docksIgnored?: Array<{ dockId: string; because?: string }>
}

export interface PriceDetails {
  required?: boolean
  tradePolicy?: string
  price?: number | null
}

export interface SellerInput {
  sellerId: string
  active?: boolean
  counted?: boolean
  excludedBy?: string | null
}

export interface SellersDetails {
  sellers?: SellerInput[]
}

export function parseDetails(details: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(details)

    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null
  } catch {
    return null
  }
}
