import fc from 'fast-check'

import { decide, RULE_ORDER, STATUS_RANK } from '../decide'
import type { DecisionInput, InventoryBalance } from '../types'
import { inputArb } from './arbitraries'
import { aBalance, aChannel, aDock, anInput, aWarehouse } from './builders'

const RUNS = { numRuns: 300 }

// Unlimited reads as infinitely many units.
const units = (available: number | null) =>
  available === null ? Infinity : available

describe('decide properties', () => {
  describe('given any input', () => {
    it('should be a function of its input and leave the input untouched', () => {
      fc.assert(
        fc.property(inputArb, (input) => {
          const before = structuredClone(input)
          const first = decide(input)

          expect(input).toEqual(before)
          expect(decide(structuredClone(before))).toEqual(first)
        }),
        RUNS
      )
    })

    it('should give WITHHELD at least one reason and EXPOSED none but MANUAL_ALLOW', () => {
      fc.assert(
        fc.property(inputArb, (input) => {
          const { status, reasons } = decide(input)
          const holds =
            status === 'WITHHELD'
              ? reasons.length > 0
              : status === 'EXPOSED' &&
                reasons.every((r) => r === 'MANUAL_ALLOW')

          expect({ status, reasons, holds }).toEqual({
            status,
            reasons,
            holds: true,
          })
        }),
        RUNS
      )
    })

    it('should list every rule once, in order, and withhold for exactly the failing codes', () => {
      fc.assert(
        fc.property(inputArb, (input) => {
          const { status, reasons, trace } = decide(input)
          const failing = trace
            .filter((r) => !r.passed && r.reason)
            .map((r) => r.reason)

          const allowed = trace.some(
            (r) => r.rule === 'OVERRIDE' && r.reason === 'MANUAL_ALLOW'
          )

          expect(trace.map((r) => r.rule)).toEqual(RULE_ORDER)
          expect(reasons).toEqual(allowed ? ['MANUAL_ALLOW'] : failing)
          expect(status).toBe(
            allowed || failing.length === 0 ? 'EXPOSED' : 'WITHHELD'
          )
          // A passing rule contributes no code, except the ALLOW override.
          expect(
            trace.filter(
              (r) =>
                r.passed && r.reason !== null && r.reason !== 'MANUAL_ALLOW'
            )
          ).toEqual([])
        }),
        RUNS
      )
    })

    it('should not depend on the order of warehouses, docks and balance rows', () => {
      fc.assert(
        fc.property(inputArb, fc.integer(), (input, seed) => {
          const shuffle = <T>(items: T[]) =>
            items
              .map((item, i) => ({ item, key: (i * 7919 + seed) % 101 }))
              .sort((a, b) => a.key - b.key)
              .map(({ item }) => item)

          const shuffled: DecisionInput = {
            ...input,
            warehouses: shuffle(input.warehouses),
            docks: shuffle(input.docks).map((d) => ({
              ...d,
              warehouseIds: shuffle(d.warehouseIds),
            })),
            inventory: shuffle(input.inventory),
          }

          expect(decide(shuffled)).toEqual(decide(input))
        }),
        RUNS
      )
    })
  })

  describe('when the marketplace gets more stock', () => {
    const more = fc.record({
      index: fc.nat(),
      add: fc.integer({ min: 1, max: 20 }),
      kind: fc.constantFrom('total', 'reserved', 'newRow', 'unlimited'),
      warehouseId: fc.constantFrom('wh1', 'wh2', 'wh3', 'wh4'),
    })

    function withMoreStock(
      inventory: InventoryBalance[],
      {
        index,
        add,
        kind,
        warehouseId,
      }: { index: number; add: number; kind: string; warehouseId: string }
    ): InventoryBalance[] {
      if (kind === 'newRow' || inventory.length === 0) {
        return inventory.some((b) => b.warehouseId === warehouseId)
          ? inventory
          : [...inventory, aBalance({ warehouseId, totalQuantity: add })]
      }

      const i = index % inventory.length

      return inventory.map((b, j) =>
        j !== i
          ? b
          : kind === 'total'
          ? { ...b, totalQuantity: b.totalQuantity + add }
          : kind === 'reserved'
          ? { ...b, reservedQuantity: Math.max(0, b.reservedQuantity - add) }
          : { ...b, hasUnlimitedQuantity: true }
      )
    }

    it('should never make the status worse, lower available or add a reason', () => {
      fc.assert(
        fc.property(inputArb, more, (input, change) => {
          const before = decide(input)
          const after = decide({
            ...input,
            inventory: withMoreStock(input.inventory, change),
          })

          expect(STATUS_RANK[after.status]).toBeLessThanOrEqual(
            STATUS_RANK[before.status]
          )
          expect(units(after.available)).toBeGreaterThanOrEqual(
            units(before.available)
          )
          for (const reason of after.reasons.filter(
            (r) => r !== 'MANUAL_ALLOW'
          )) {
            expect(before.reasons).toContain(reason)
          }
        }),
        RUNS
      )
    })
  })

  describe('given the other rules pass and available sits in the hysteresis band', () => {
    const band = fc
      .record({
        withdrawBelow: fc.integer({ min: 1, max: 50 }),
        width: fc.integer({ min: 1, max: 50 }),
        offset: fc.nat(),
        split: fc.nat(),
        reserved: fc.integer({ min: 0, max: 10 }),
        noise: fc.integer({ min: 0, max: 100 }),
      })
      .map(({ withdrawBelow, width, offset, split, reserved, noise }) => {
        const exposeAt = withdrawBelow + width
        const available = withdrawBelow + (offset % width) // withdrawBelow <= available < exposeAt
        const first = split % (available + 1)

        return { withdrawBelow, exposeAt, available, first, reserved, noise }
      })

    // Two counted warehouses share the stock; an inactive one and a foreign-policy one hold noise.
    function inBand({
      withdrawBelow,
      exposeAt,
      available,
      first,
      reserved,
      noise,
    }: {
      withdrawBelow: number
      exposeAt: number
      available: number
      first: number
      reserved: number
      noise: number
    }) {
      return anInput({
        channel: aChannel({ exposeAt, withdrawBelow }),
        warehouses: [
          aWarehouse(),
          aWarehouse({ id: 'wh2' }),
          aWarehouse({ id: 'wh3', isActive: false }),
          aWarehouse({ id: 'wh4' }),
        ],
        docks: [
          aDock({ warehouseIds: ['wh1', 'wh2', 'wh3'] }),
          aDock({ id: 'dk2', salesChannels: ['1'], warehouseIds: ['wh4'] }),
        ],
        inventory: [
          aBalance({
            totalQuantity: first + reserved,
            reservedQuantity: reserved,
          }),
          aBalance({ warehouseId: 'wh2', totalQuantity: available - first }),
          aBalance({ warehouseId: 'wh3', totalQuantity: noise }),
          aBalance({ warehouseId: 'wh4', totalQuantity: noise }),
        ],
      })
    }

    it.each(['EXPOSED', 'WITHHELD'] as const)(
      'should keep a SKU previously %s as it was',
      (previousStatus) => {
        fc.assert(
          fc.property(band, (params) => {
            const decision = decide({ ...inBand(params), previousStatus })

            expect(decision.available).toBe(params.available)
            expect(decision.status).toBe(previousStatus)
          }),
          RUNS
        )
      }
    )
  })
})
