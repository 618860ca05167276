import {
  applySettingsInput,
  defaultAppSettings,
  defaultChannelSettings,
} from '../../../domain'
import type { StockBuffer } from '../../../domain'
import type { ExposureView } from '../exposures'
import { previewStatus } from '../preview'

const buffer = (patch: Partial<StockBuffer> = {}): StockBuffer => ({
  scope: 'PRODUCT',
  targetId: '10',
  channel: 'MKB',
  exposeAt: 3,
  withdrawBelow: 2,
  note: 'n',
  by: 'ops@example.com',
  at: '2026-11-26T12:00:00.000Z',
  ...patch,
})

// SKU 1 of product 10 on MKB, exposed with `available` units; the channel exposes at 1.
const exposed = (available: number): ExposureView => ({
  id: '1-MKB',
  skuId: '1',
  productId: '10',
  channel: 'MKB',
  status: 'EXPOSED',
  reasons: [],
  available,
  stockRank: available,
  evaluatedAt: '2026-11-26T12:00:00.000Z',
  changedAt: '2026-11-26T12:00:00.000Z',
  skuName: null,
  productName: null,
  brandId: null,
  brandName: null,
  categoryId: null,
  categoryIds: [],
  categoryPath: null,
  sellerIds: ['sellera'],
  overrideAction: null,
  productAssociated: null,
  override: null,
  trace: [
    { rule: 'PRICE', passed: true, reason: null, details: { price: 100 } },
    {
      rule: 'SELLERS',
      passed: true,
      reason: null,
      details: { sellers: [{ sellerId: 'sellera', active: true }] },
    },
  ],
})

describe('given the settings preview of a SKU exposed on MKB at "expose at 1"', () => {
  describe('when a stock buffer of its product applies', () => {
    it.each([
      ['below its withdrawBelow', 1, [buffer()], 'WITHHELD'],
      ['inside its hysteresis band', 2, [buffer()], 'EXPOSED'],
      ['on another channel only', 1, [buffer({ channel: 'GGL' })], 'EXPOSED'],
      ['on another product only', 1, [buffer({ targetId: '11' })], 'EXPOSED'],
      [
        'with a SKU buffer that wins over it',
        1,
        [
          buffer(),
          buffer({
            scope: 'SKU',
            targetId: '1',
            exposeAt: 1,
            withdrawBelow: 1,
          }),
        ],
        'EXPOSED',
      ],
    ] as const)(
      'should use its thresholds: %s',
      (_, available, buffers, expected) => {
        expect(
          previewStatus(exposed(available), defaultChannelSettings(), [
            ...buffers,
          ])
        ).toBe(expected)
      }
    )
  })
})

describe('given stored stock buffers', () => {
  describe('when the channels settings are saved', () => {
    it('should keep the buffers as they are', () => {
      const current = { ...defaultAppSettings(), buffers: [buffer()] }
      const result = applySettingsInput(
        current,
        { channels: [{ channel: 'MKB', exposeAt: 5 }] },
        ['MKB']
      )

      expect(result.ok && result.settings.buffers).toEqual([buffer()])
    })
  })
})
