// fast-check generators for decision inputs: small id pools so rules collide often.
import fc from 'fast-check'

import type {
  ChannelConfig,
  DecisionInput,
  Dock,
  ExposureStatus,
  InventoryBalance,
  Override,
  SkuFacts,
  Warehouse,
} from '../types'
import { NOW } from './builders'

const WAREHOUSES = ['wh1', 'wh2', 'wh3', 'wh4']
const DOCKS = ['dk1', 'dk2', 'dk3']
const POLICIES = ['1', '2', '3']
const SELLERS = ['sa', 'sb', 'sc']

export const statusArb = fc.constantFrom<ExposureStatus>(
  'EXPOSED',
  'WITHHELD',
  'PENDING',
  'ERROR'
)

export const channelArb: fc.Arbitrary<ChannelConfig> = fc
  .record({
    exposeAt: fc.integer({ min: 1, max: 20 }),
    band: fc.integer({ min: 0, max: 20 }),
    requirePrice: fc.boolean(),
    sellerAllow: fc.subarray(SELLERS),
    sellerDeny: fc.subarray(SELLERS),
  })
  .map(({ exposeAt, band, ...rest }) => ({
    id: 'MKB',
    name: null,
    salesChannel: '2',
    mode: 'OBSERVE' as const,
    exposeAt,
    withdrawBelow: Math.max(1, exposeAt - band),
    ...rest,
  }))

export const skuArb: fc.Arbitrary<SkuFacts> = fc.record({
  skuId: fc.constant('100'),
  productId: fc.constant('10'),
  name: fc.constant(null),
  productName: fc.constant(null),
  skuActive: fc.boolean(),
  productActive: fc.boolean(),
  sellers: fc.uniqueArray(
    fc.record({
      sellerId: fc.constantFrom('1', ...SELLERS),
      sellerSkuId: fc.constant(null),
      isActive: fc.boolean(),
    }),
    { selector: (s) => s.sellerId, maxLength: 4 }
  ),
})

const warehousesArb: fc.Arbitrary<Warehouse[]> = fc.uniqueArray(
  fc.record({
    id: fc.constantFrom(...WAREHOUSES),
    name: fc.constant(null),
    isActive: fc.boolean(),
  }),
  { selector: (w) => w.id, maxLength: 4 }
)

const docksArb: fc.Arbitrary<Dock[]> = fc.uniqueArray(
  fc.record({
    id: fc.constantFrom(...DOCKS),
    name: fc.constant(null),
    isActive: fc.boolean(),
    salesChannels: fc.subarray(POLICIES),
    warehouseIds: fc.subarray(WAREHOUSES),
  }),
  { selector: (d) => d.id, maxLength: 3 }
)

export const inventoryArb: fc.Arbitrary<InventoryBalance[]> = fc.uniqueArray(
  fc.record({
    warehouseId: fc.constantFrom(...WAREHOUSES, 'wh-unknown'),
    totalQuantity: fc.integer({ min: 0, max: 30 }),
    reservedQuantity: fc.integer({ min: 0, max: 30 }),
    hasUnlimitedQuantity: fc.integer({ min: 0, max: 9 }).map((n) => n === 0), // 10%
  }),
  { selector: (b) => b.warehouseId, maxLength: 5 }
)

const expiryArb = fc.constantFrom(
  null,
  '2026-11-26T21:00:00.000Z', // past
  NOW, // expires exactly now
  '2026-11-27T00:00:00.000Z', // future
  'not a time'
)

export const overrideArb: fc.Arbitrary<Override | null> = fc.option(
  fc.record({
    action: fc.constantFrom<Override['action']>('ALLOW', 'BLOCK'),
    note: fc.constant('note'),
    by: fc.constant('ops'),
    at: fc.constant('2026-11-26T20:00:00.000Z'),
    expiresAt: expiryArb,
  }),
  { freq: 2 }
)

const priceArb = fc.option(
  fc
    .dictionary(fc.constantFrom(...POLICIES), fc.constantFrom(0, 9.9, 100))
    .map((byTradePolicy) => ({
      byTradePolicy,
    })),
  { freq: 5 }
)

export const inputArb: fc.Arbitrary<DecisionInput> = fc.record({
  channel: channelArb,
  skuId: fc.constant('100'),
  sku: fc.option(skuArb, { freq: 10 }),
  warehouses: warehousesArb,
  docks: docksArb,
  inventory: inventoryArb,
  price: priceArb,
  override: overrideArb,
  previousStatus: fc.option(statusArb),
  now: fc.constant(NOW),
})
