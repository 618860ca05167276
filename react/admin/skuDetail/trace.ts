import type { StockBufferScope } from '../../typings/schema.generated'

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

/** A stock buffer as the trace names it (node/domain/buffers.ts bufferTrace). */
export interface BufferInput {
  id: string
  scope: StockBufferScope
  targetId: string
  channel: string | null
  exposeAt: number
  withdrawBelow: number
  note?: string
}

export interface StockDetails {
  salesChannel?: string
  available?: number | null
  unlimited?: boolean
  threshold?: number
  thresholdKind?: string
  /** The channel's thresholds; `buffer`, when set, is what was used instead. */
  exposeAt?: number
  withdrawBelow?: number
  thresholdsFrom?: 'BUFFER' | 'CHANNEL'
  buffer?: BufferInput | null
  buffersOutranked?: string[]
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

/** The stock buffer a decision's stock rule used, or null. */
export function bufferUsed(
  trace: Array<{ rule: string; details: string }>
): BufferInput | null {
  const stock = trace.find((r) => r.rule === 'MARKETPLACE_STOCK')
  const details = stock ? (parseDetails(stock.details) as StockDetails) : null
  const buffer = details?.buffer

  return buffer && typeof buffer.id === 'string' ? buffer : null
}
