import fc from 'fast-check'

import { isSellerId } from '../ids'
import { validateOverrideInput } from '../overrides'
import { applySettingsInput } from '../applySettings'
import {
  defaultAppSettings,
  MAX_SELLERS_PER_LIST,
  MAX_THRESHOLD,
} from '../settings'
import type { AppSettings } from '../settings'
import type { SettingsInput } from '../settingsInput'
import { NOW } from './builders'

const KNOWN = ['MKB', 'GGL']

const threshold = fc.oneof(
  fc.integer({ min: 1, max: 30 }),
  fc.constantFrom(0, -1, 2.5, MAX_THRESHOLD, MAX_THRESHOLD + 1, NaN, null)
)

const sellers = fc.option(
  fc.array(fc.constantFrom('sa', 'sb', ' sc ', '1', '', 'a/b'), {
    maxLength: 4,
  })
)

const inputArb: fc.Arbitrary<SettingsInput> = fc.record(
  {
    channels: fc.option(
      fc.array(
        fc.record(
          {
            channel: fc.constantFrom('MKB', 'GGL', 'XYZ'),
            mode: fc.option(fc.constantFrom('OBSERVE', 'ENFORCE', 'LOUD')),
            exposeAt: threshold,
            withdrawBelow: threshold,
            requirePrice: fc.option(fc.boolean()),
            sellerAllow: sellers,
            sellerDeny: sellers,
          },
          { requiredKeys: ['channel'] }
        ),
        { maxLength: 3 }
      )
    ),
    retentionDays: fc.option(fc.integer({ min: -5, max: 4000 })),
  },
  { requiredKeys: [] }
) as fc.Arbitrary<SettingsInput>

const currentArb: fc.Arbitrary<AppSettings> = inputArb.map((input) => {
  const applied = applySettingsInput(defaultAppSettings(), input, KNOWN)

  return applied.ok ? applied.settings : defaultAppSettings()
})

describe('applySettingsInput properties', () => {
  describe('given any input over any valid settings', () => {
    it('should never throw nor touch the current settings, and only produce valid settings', () => {
      fc.assert(
        fc.property(currentArb, inputArb, (current, input) => {
          const snapshot = structuredClone(current)
          const result = applySettingsInput(current, input, KNOWN)

          expect(current).toEqual(snapshot)

          const settings = result.ok ? result.settings : current
          const problems = Object.entries(settings.channels).filter(
            ([, c]) =>
              !Number.isInteger(c.exposeAt) ||
              !Number.isInteger(c.withdrawBelow) ||
              c.withdrawBelow < 1 ||
              c.withdrawBelow > c.exposeAt ||
              c.exposeAt > MAX_THRESHOLD ||
              c.sellerAllow.some((s) => c.sellerDeny.includes(s)) ||
              [...c.sellerAllow, ...c.sellerDeny].some((s) => !isSellerId(s)) ||
              c.sellerAllow.length > MAX_SELLERS_PER_LIST
          )

          expect(problems).toEqual([])
          expect(
            Object.keys(settings.channels).filter((id) => !KNOWN.includes(id))
          ).toEqual([])
        }),
        { numRuns: 500 }
      )
    })

    it('should find nothing left to change when the same input is applied again', () => {
      fc.assert(
        fc.property(currentArb, inputArb, (current, input) => {
          const first = applySettingsInput(current, input, KNOWN)
          const second = first.ok
            ? applySettingsInput(first.settings, input, KNOWN)
            : null

          expect(
            second === null || (second.ok && second.changes.length === 0)
          ).toBe(true)
        }),
        { numRuns: 500 }
      )
    })
  })
})

describe('validateOverrideInput properties', () => {
  it('should never throw and return either a value or at least one error', () => {
    fc.assert(
      fc.property(
        fc.record({
          skuId: fc.anything(),
          channel: fc.anything(),
          action: fc.oneof(fc.constantFrom('ALLOW', 'BLOCK'), fc.anything()),
          note: fc.oneof(fc.string(), fc.anything()),
          expiresAt: fc.oneof(
            fc.string(),
            fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
            fc.anything()
          ),
        }),
        (input) => {
          const result = validateOverrideInput(input, NOW, KNOWN)

          expect(result.ok || result.errors.length > 0).toBe(true)
        }
      ),
      { numRuns: 500 }
    )
  })
})
