// Test data builders: a channel MKB on trade policy 2 with one active dock reaching one active
// warehouse that holds 10 units, a price in policy 2, and one active third-party seller.
import type {
  ChannelConfig,
  DecisionInput,
  Dock,
  InventoryBalance,
  Override,
  SkuFacts,
  Warehouse,
} from '../types'

export const NOW = '2026-11-26T22:00:00.000Z'

export function aChannel(patch: Partial<ChannelConfig> = {}): ChannelConfig {
  return {
    id: 'MKB',
    name: 'Marketplace B',
    salesChannel: '2',
    mode: 'OBSERVE',
    exposeAt: 1,
    withdrawBelow: 1,
    requirePrice: true,
    sellerAllow: [],
    sellerDeny: [],
    ...patch,
  }
}

export function aSku(patch: Partial<SkuFacts> = {}): SkuFacts {
  return {
    skuId: '100',
    productId: '10',
    name: 'Blue shirt M',
    productName: 'Blue shirt',
    skuActive: true,
    productActive: true,
    sellers: [
      { sellerId: '1', sellerSkuId: '100', isActive: true },
      { sellerId: 'sellera', sellerSkuId: 'A-100', isActive: true },
    ],
    ...patch,
  }
}

export function aWarehouse(patch: Partial<Warehouse> = {}): Warehouse {
  return { id: 'wh1', name: 'Main', isActive: true, ...patch }
}

export function aDock(patch: Partial<Dock> = {}): Dock {
  return {
    id: 'dk1',
    name: 'Dock 1',
    isActive: true,
    salesChannels: ['2'],
    warehouseIds: ['wh1'],
    ...patch,
  }
}

export function aBalance(
  patch: Partial<InventoryBalance> = {}
): InventoryBalance {
  return {
    warehouseId: 'wh1',
    totalQuantity: 10,
    reservedQuantity: 0,
    hasUnlimitedQuantity: false,
    ...patch,
  }
}

export function anOverride(patch: Partial<Override> = {}): Override {
  return {
    action: 'ALLOW',
    note: 'launch week',
    by: 'ops@example.com',
    at: '2026-11-26T21:00:00.000Z',
    expiresAt: null,
    ...patch,
  }
}

/** An input where every rule passes. */
export function anInput(patch: Partial<DecisionInput> = {}): DecisionInput {
  return {
    channel: aChannel(),
    sku: aSku(),
    warehouses: [aWarehouse()],
    docks: [aDock()],
    inventory: [aBalance()],
    price: { byTradePolicy: { '1': 99.9, '2': 109.9 } },
    override: null,
    previousStatus: null,
    now: NOW,
    ...patch,
  }
}
