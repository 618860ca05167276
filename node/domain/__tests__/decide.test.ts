import { decide, isGoverned, RULE_ORDER, thirdPartySellers } from '../decide'
import type { DecisionInput, ReasonCode, RuleName, RuleResult } from '../types'
import {
  aBalance,
  aChannel,
  aDock,
  anInput,
  anOverride,
  aSku,
  aWarehouse,
  NOW,
} from './builders'

const inactiveSku = { sku: aSku({ skuActive: false }) }
const noStock = { inventory: [aBalance({ totalQuantity: 0 })] }
const noPrice = { price: { byTradePolicy: { '1': 10 } } }
const excluded = { channel: aChannel({ sellerDeny: ['sellera'] }) }
const blocked = { override: anOverride({ action: 'BLOCK' }) }

function ruleOf(trace: RuleResult[], name: RuleName) {
  const found = trace.find((r) => r.rule === name)

  if (!found) throw new Error(`rule ${name} missing from trace`)

  return found
}

describe('decide', () => {
  describe('given a governed SKU where every rule passes', () => {
    it('should expose it with no reason and every rule passed', () => {
      const decision = decide(anInput())

      expect(decision).toMatchObject({
        skuId: '100',
        productId: '10',
        channel: 'MKB',
        status: 'EXPOSED',
        reasons: [],
        available: 10,
      })
      expect(decision.trace.map((r) => [r.rule, r.passed, r.reason])).toEqual(
        RULE_ORDER.map((rule) => [rule, true, null])
      )
    })
  })

  describe('when one rule fails', () => {
    it.each<[string, Partial<DecisionInput>, ReasonCode, RuleName]>([
      ['SKU inactive', inactiveSku, 'SKU_INACTIVE', 'SKU_ACTIVE'],
      [
        'product inactive',
        { sku: aSku({ productActive: false }) },
        'SKU_INACTIVE',
        'SKU_ACTIVE',
      ],
      ['no stock', noStock, 'NO_MARKETPLACE_STOCK', 'MARKETPLACE_STOCK'],
      ['no price in the policy', noPrice, 'NO_PRICE', 'PRICE'],
      ['no price facts at all', { price: null }, 'NO_PRICE', 'PRICE'],
      [
        'a zero price',
        { price: { byTradePolicy: { '2': 0 } } },
        'NO_PRICE',
        'PRICE',
      ],
      ['every seller denied', excluded, 'SELLER_EXCLUDED', 'SELLERS'],
      ['an operator block', blocked, 'MANUAL_BLOCK', 'OVERRIDE'],
    ])(
      '%s should withhold with that code only',
      (_, patch, reason, failingRule) => {
        const decision = decide(anInput(patch))

        expect(decision.status).toBe('WITHHELD')
        expect(decision.reasons).toEqual([reason])
        expect(ruleOf(decision.trace, failingRule)).toMatchObject({
          passed: false,
          reason,
        })
        expect(decision.trace.filter((r) => !r.passed)).toHaveLength(1)
      }
    )
  })

  describe('when several rules fail', () => {
    it.each<[Array<Partial<DecisionInput>>, ReasonCode[]]>([
      [
        [inactiveSku, noStock],
        ['SKU_INACTIVE', 'NO_MARKETPLACE_STOCK'],
      ],
      [
        [noPrice, excluded],
        ['NO_PRICE', 'SELLER_EXCLUDED'],
      ],
      [
        [blocked, noStock],
        ['NO_MARKETPLACE_STOCK', 'MANUAL_BLOCK'],
      ],
      [
        [inactiveSku, noStock, noPrice, excluded, blocked],
        [
          'SKU_INACTIVE',
          'NO_MARKETPLACE_STOCK',
          'NO_PRICE',
          'SELLER_EXCLUDED',
          'MANUAL_BLOCK',
        ],
      ],
    ])(
      '%# should list every failing code in rule order',
      (patches, reasons) => {
        // Applied in reverse so the order of reasons cannot come from the order of the patches.
        const input = anInput(Object.assign({}, ...[...patches].reverse()))

        expect(decide(input)).toMatchObject({ status: 'WITHHELD', reasons })
      }
    )
  })

  describe('given a SKU the catalog does not have', () => {
    const input = anInput({ sku: null, skuId: '404' })

    it('should withhold it with SKU_NOT_FOUND and name it by the asked id', () => {
      expect(decide(input)).toMatchObject({
        skuId: '404',
        productId: null,
        status: 'WITHHELD',
        reasons: ['SKU_NOT_FOUND'],
        available: 0,
      })
    })

    it('should list the other catalog rules as skipped, neither passed nor failing', () => {
      const { trace } = decide(input)

      expect(trace.map((r) => r.rule)).toEqual(RULE_ORDER)
      for (const name of [
        'SKU_ACTIVE',
        'MARKETPLACE_STOCK',
        'PRICE',
        'SELLERS',
      ] as const) {
        expect(ruleOf(trace, name)).toEqual({
          rule: name,
          passed: false,
          reason: null,
          details: { skipped: true, because: 'SKU_NOT_FOUND' },
        })
      }
    })

    it.each<[string, DecisionInput['override'], ReasonCode[], boolean]>([
      ['no override', null, ['SKU_NOT_FOUND'], false],
      [
        'a BLOCK',
        anOverride({ action: 'BLOCK' }),
        ['SKU_NOT_FOUND', 'MANUAL_BLOCK'],
        true,
      ],
      ['an ALLOW', anOverride({ action: 'ALLOW' }), ['SKU_NOT_FOUND'], false],
    ])(
      'with %s should withhold and report the override',
      (_, override, reasons, applied) => {
        const decision = decide({ ...input, override })

        expect(decision).toMatchObject({ status: 'WITHHELD', reasons })
        expect(ruleOf(decision.trace, 'OVERRIDE').details.applied).toBe(applied)
      }
    )

    it('should say why an ALLOW was not applied', () => {
      const { trace } = decide({ ...input, override: anOverride() })

      expect(ruleOf(trace, 'OVERRIDE').details).toMatchObject({
        applied: false,
        notAppliedBecause: 'SKU_NOT_FOUND',
      })
    })
  })

  describe('given an operator override', () => {
    const expired = '2026-11-26T21:59:59.999Z'
    const later = '2026-11-27T00:00:00.000Z'

    it.each<[string, Partial<DecisionInput>, string, ReasonCode[]]>([
      [
        'ALLOW, rules pass',
        { override: anOverride() },
        'EXPOSED',
        ['MANUAL_ALLOW'],
      ],
      [
        'ALLOW, rules fail',
        { ...noStock, ...noPrice, override: anOverride() },
        'EXPOSED',
        ['MANUAL_ALLOW'],
      ],
      [
        'ALLOW expiring later',
        { ...noStock, override: anOverride({ expiresAt: later }) },
        'EXPOSED',
        ['MANUAL_ALLOW'],
      ],
      [
        'ALLOW expired',
        { ...noStock, override: anOverride({ expiresAt: expired }) },
        'WITHHELD',
        ['NO_MARKETPLACE_STOCK'],
      ],
      [
        'ALLOW expiring exactly now',
        { ...noStock, override: anOverride({ expiresAt: NOW }) },
        'WITHHELD',
        ['NO_MARKETPLACE_STOCK'],
      ],
      [
        'ALLOW with an unreadable expiry (fail closed)',
        { ...noStock, override: anOverride({ expiresAt: 'soon' }) },
        'WITHHELD',
        ['NO_MARKETPLACE_STOCK'],
      ],
      [
        'BLOCK, rules pass',
        { override: anOverride({ action: 'BLOCK' }) },
        'WITHHELD',
        ['MANUAL_BLOCK'],
      ],
      [
        'BLOCK expired',
        { override: anOverride({ action: 'BLOCK', expiresAt: expired }) },
        'EXPOSED',
        [],
      ],
      [
        'BLOCK with an unreadable expiry (fail closed)',
        { override: anOverride({ action: 'BLOCK', expiresAt: 'soon' }) },
        'WITHHELD',
        ['MANUAL_BLOCK'],
      ],
    ])('%s should decide as the table says', (_, patch, status, reasons) => {
      expect(decide(anInput(patch))).toMatchObject({ status, reasons })
    })

    it('should still show every rule that failed under an ALLOW', () => {
      const { trace } = decide(
        anInput({ ...noStock, ...noPrice, override: anOverride() })
      )

      expect(trace.map((r) => [r.rule, r.passed, r.reason])).toEqual([
        ['SKU_EXISTS', true, null],
        ['SKU_ACTIVE', true, null],
        ['MARKETPLACE_STOCK', false, 'NO_MARKETPLACE_STOCK'],
        ['PRICE', false, 'NO_PRICE'],
        ['SELLERS', true, null],
        ['OVERRIDE', true, 'MANUAL_ALLOW'],
      ])
    })

    it('should record an expired override as seen but not applied', () => {
      const override = anOverride({ action: 'BLOCK', expiresAt: expired })

      expect(ruleOf(decide(anInput({ override })).trace, 'OVERRIDE')).toEqual({
        rule: 'OVERRIDE',
        passed: true,
        reason: null,
        details: { override, state: 'EXPIRED', now: NOW, applied: false },
      })
    })
  })

  describe('given hysteresis thresholds exposeAt 5 and withdrawBelow 2', () => {
    const channel = aChannel({ exposeAt: 5, withdrawBelow: 2 })

    it.each<[number, DecisionInput['previousStatus'], string]>([
      [1, 'EXPOSED', 'WITHHELD'],
      [2, 'EXPOSED', 'EXPOSED'],
      [4, 'EXPOSED', 'EXPOSED'],
      [5, 'EXPOSED', 'EXPOSED'],
      [1, 'WITHHELD', 'WITHHELD'],
      [4, 'WITHHELD', 'WITHHELD'],
      [5, 'WITHHELD', 'EXPOSED'],
      [4, null, 'WITHHELD'],
      [5, null, 'EXPOSED'],
      [4, 'PENDING', 'WITHHELD'],
      [4, 'ERROR', 'WITHHELD'],
      [5, 'ERROR', 'EXPOSED'],
    ])(
      'with %i available and previously %s should be %s',
      (quantity, previousStatus, status) => {
        const input = anInput({
          channel,
          previousStatus,
          inventory: [aBalance({ totalQuantity: quantity })],
        })

        expect(decide(input).status).toBe(status)
      }
    )

    it('should show the threshold it applied and why', () => {
      const input = anInput({ channel, previousStatus: 'EXPOSED' })

      expect(
        ruleOf(decide(input).trace, 'MARKETPLACE_STOCK').details
      ).toMatchObject({
        threshold: 2,
        thresholdKind: 'withdrawBelow',
        exposeAt: 5,
        withdrawBelow: 2,
        previousStatus: 'EXPOSED',
      })
    })

    it('should never use a withdrawBelow above exposeAt', () => {
      const input = anInput({
        channel: aChannel({ exposeAt: 3, withdrawBelow: 8 }),
        previousStatus: 'EXPOSED',
        inventory: [aBalance({ totalQuantity: 3 })],
      })

      expect(decide(input).status).toBe('EXPOSED')
    })
  })

  describe('given the marketplace stock routing', () => {
    it.each<[string, Partial<DecisionInput>, number | null, string]>([
      [
        'an inactive warehouse',
        { warehouses: [aWarehouse({ isActive: false })] },
        0,
        'WITHHELD',
      ],
      [
        'an inactive dock',
        { docks: [aDock({ isActive: false })] },
        0,
        'WITHHELD',
      ],
      [
        'a dock of another trade policy',
        { docks: [aDock({ salesChannels: ['1', '3'] })] },
        0,
        'WITHHELD',
      ],
      [
        'a warehouse no dock reaches',
        { docks: [aDock({ warehouseIds: ['wh9'] })] },
        0,
        'WITHHELD',
      ],
      [
        'more reserved than total',
        { inventory: [aBalance({ totalQuantity: 3, reservedQuantity: 7 })] },
        0,
        'WITHHELD',
      ],
      [
        'reservations leaving one unit',
        { inventory: [aBalance({ totalQuantity: 3, reservedQuantity: 2 })] },
        1,
        'EXPOSED',
      ],
      [
        'unlimited inventory with zero units',
        {
          inventory: [
            aBalance({ totalQuantity: 0, hasUnlimitedQuantity: true }),
          ],
        },
        null,
        'EXPOSED',
      ],
      [
        'unlimited inventory in an inactive warehouse',
        {
          warehouses: [aWarehouse({ isActive: false })],
          inventory: [
            aBalance({ totalQuantity: 0, hasUnlimitedQuantity: true }),
          ],
        },
        0,
        'WITHHELD',
      ],
      ['no inventory row', { inventory: [] }, 0, 'WITHHELD'],
    ])(
      '%s should count the expected quantity',
      (_, patch, available, status) => {
        expect(decide(anInput(patch))).toMatchObject({ available, status })
      }
    )
  })

  describe('given the channel seller lists', () => {
    const twoSellers = aSku({
      sellers: [
        { sellerId: '1', sellerSkuId: '100', isActive: true },
        { sellerId: 'sellera', sellerSkuId: 'A', isActive: true },
        { sellerId: 'sellerb', sellerSkuId: 'B', isActive: true },
      ],
    })

    it.each<[string, string[], string[], string[], string]>([
      ['no lists', [], [], ['sellera', 'sellerb'], 'EXPOSED'],
      ['an allow list naming one', ['sellerb'], [], ['sellerb'], 'EXPOSED'],
      ['an allow list naming none of them', ['sellerz'], [], [], 'WITHHELD'],
      ['a deny list naming one', [], ['sellera'], ['sellerb'], 'EXPOSED'],
      ['a deny list naming both', [], ['sellera', 'sellerb'], [], 'WITHHELD'],
      [
        'allow one, deny the other',
        ['sellera'],
        ['sellerb'],
        ['sellera'],
        'EXPOSED',
      ],
      [
        'deny list naming the marketplace only',
        [],
        ['1'],
        ['sellera', 'sellerb'],
        'EXPOSED',
      ],
    ])(
      'with %s should count the expected sellers',
      (_, sellerAllow, sellerDeny, counted, status) => {
        const decision = decide(
          anInput({
            sku: twoSellers,
            channel: aChannel({ sellerAllow, sellerDeny }),
          })
        )

        expect(decision.status).toBe(status)
        expect(ruleOf(decision.trace, 'SELLERS').details.counted).toEqual(
          counted
        )
      }
    )

    it('should not count an inactive binding', () => {
      const sku = aSku({
        sellers: [
          { sellerId: '1', sellerSkuId: '100', isActive: true },
          { sellerId: 'sellera', sellerSkuId: 'A', isActive: false },
        ],
      })

      const decision = decide(anInput({ sku }))

      // The binding, not the channel's lists, left the seller out: the reason says so.
      expect(decision).toMatchObject({
        status: 'WITHHELD',
        reasons: ['SELLER_INACTIVE'],
      })
      expect(ruleOf(decision.trace, 'SELLERS').details.sellers).toEqual([
        {
          sellerId: 'sellera',
          active: false,
          counted: false,
          excludedBy: 'INACTIVE_BINDING',
        },
      ])
    })

    it('should say SELLER_EXCLUDED when a list left a seller out beside an inactive binding', () => {
      const sku = aSku({
        sellers: [
          { sellerId: 'sellera', sellerSkuId: 'A', isActive: false },
          { sellerId: 'sellerb', sellerSkuId: 'B', isActive: true },
        ],
      })

      const decision = decide(
        anInput({ sku, channel: aChannel({ sellerDeny: ['sellerb'] }) })
      )

      expect(decision).toMatchObject({
        status: 'WITHHELD',
        reasons: ['SELLER_EXCLUDED'],
      })
    })

    it('should withhold a SKU without third-party sellers rather than throw', () => {
      const sku = aSku({
        sellers: [{ sellerId: '1', sellerSkuId: '100', isActive: true }],
      })

      expect(decide(anInput({ sku }))).toMatchObject({
        status: 'WITHHELD',
        reasons: ['SELLER_EXCLUDED'],
      })
    })
  })

  describe('given a price requirement', () => {
    it.each<[boolean, Record<string, number> | null, string]>([
      [true, { '2': 5 }, 'EXPOSED'],
      [true, { '1': 5 }, 'WITHHELD'],
      [false, { '1': 5 }, 'EXPOSED'],
      [false, null, 'EXPOSED'],
    ])(
      'requirePrice %p with prices %j should be %s',
      (requirePrice, prices, status) => {
        const input = anInput({
          channel: aChannel({ requirePrice }),
          price: prices ? { byTradePolicy: prices } : null,
        })

        expect(decide(input).status).toBe(status)
      }
    )
  })
})

describe('isGoverned and thirdPartySellers', () => {
  it.each<[string, Array<[string, boolean]>, boolean, string[]]>([
    ['only the marketplace', [['1', true]], false, []],
    ['no sellers', [], false, []],
    [
      'marketplace and a seller',
      [
        ['1', true],
        ['sellera', true],
      ],
      true,
      ['sellera'],
    ],
    [
      'a seller without the marketplace',
      [['sellera', true]],
      true,
      ['sellera'],
    ],
    ['an inactive binding only', [['sellera', false]], true, ['sellera']],
  ])(
    'given %s should tell governance as the table says',
    (_, sellers, governed, ids) => {
      const sku = aSku({
        sellers: sellers.map(([sellerId, isActive]) => ({
          sellerId,
          sellerSkuId: null,
          isActive,
        })),
      })

      expect(isGoverned(sku)).toBe(governed)
      expect(thirdPartySellers(sku).map((s) => s.sellerId)).toEqual(ids)
    }
  )
})
