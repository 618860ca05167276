import {
  activeOverride,
  buildOverride,
  overrideState,
  validateOverrideInput,
} from '../overrides'
import type {
  OverrideErrorCode,
  OverrideInput,
  OverrideState,
} from '../overrides'
import type { Override } from '../types'
import { anOverride, NOW } from './builders'

const KNOWN = ['MKB', 'GGL']

const valid: OverrideInput = {
  skuId: '100',
  channel: 'MKB',
  action: 'BLOCK',
  note: '  supplier recall  ',
  expiresAt: '2026-12-01T00:00:00Z',
}

describe('activeOverride', () => {
  describe('given an override and the time now', () => {
    it.each<[string, Override | null, OverrideState, boolean]>([
      ['no override', null, 'NONE', false],
      ['no expiry', anOverride(), 'ACTIVE', true],
      [
        'expiring later',
        anOverride({ expiresAt: '2026-11-26T22:00:00.001Z' }),
        'ACTIVE',
        true,
      ],
      [
        'expiring exactly now',
        anOverride({ expiresAt: NOW }),
        'EXPIRED',
        false,
      ],
      [
        'expired',
        anOverride({ expiresAt: '2026-11-01T00:00:00Z' }),
        'EXPIRED',
        false,
      ],
      [
        'an ALLOW with an unreadable expiry',
        anOverride({ expiresAt: 'next week' }),
        'UNREADABLE',
        false,
      ],
      [
        'a BLOCK with an unreadable expiry',
        anOverride({ action: 'BLOCK', expiresAt: 'next week' }),
        'UNREADABLE',
        true,
      ],
      [
        'an expiry with a zone offset, already past in UTC',
        anOverride({ expiresAt: '2026-11-26T23:30:00+02:00' }),
        'EXPIRED',
        false,
      ],
    ])(
      '%s should be judged as the table says',
      (_, override, state, applies) => {
        expect(overrideState(override, NOW)).toBe(state)
        expect(activeOverride(override, NOW)).toBe(applies ? override : null)
      }
    )

    it('should keep a BLOCK and drop an ALLOW when now is unreadable', () => {
      const expiring = { expiresAt: '2026-12-01T00:00:00Z' }

      expect(
        activeOverride(anOverride({ action: 'BLOCK', ...expiring }), 'garbage')
      ).not.toBeNull()
      expect(activeOverride(anOverride(expiring), 'garbage')).toBeNull()
    })
  })
})

describe('validateOverrideInput', () => {
  describe('given a valid request', () => {
    it('should return it normalised', () => {
      expect(validateOverrideInput(valid, NOW, KNOWN)).toEqual({
        ok: true,
        value: {
          skuId: '100',
          channel: 'MKB',
          action: 'BLOCK',
          note: 'supplier recall',
          expiresAt: '2026-12-01T00:00:00.000Z',
        },
      })
    })

    it.each<[unknown, string | null]>([
      [undefined, null],
      [null, null],
      ['', null],
      ['   ', null],
      ['2026-12-01', '2026-12-01T00:00:00.000Z'],
      ['2026-12-01T10:00Z', '2026-12-01T10:00:00.000Z'],
      ['2026-12-01T10:00:00-03:00', '2026-12-01T13:00:00.000Z'],
      ['2026-12-01T10:00:00.1234567Z', '2026-12-01T10:00:00.123Z'],
    ])('expiresAt %p should be stored as %p', (expiresAt, stored) => {
      expect(
        validateOverrideInput({ ...valid, expiresAt }, NOW, KNOWN)
      ).toMatchObject({
        ok: true,
        value: { expiresAt: stored },
      })
    })

    it('should accept a note of exactly 500 characters, counting emoji as one', () => {
      const note = '😀'.repeat(500)

      expect(validateOverrideInput({ ...valid, note }, NOW, KNOWN).ok).toBe(
        true
      )
    })

    it('should give the SKU id its canonical form', () => {
      expect(
        validateOverrideInput({ ...valid, skuId: 100 }, NOW, KNOWN)
      ).toMatchObject({
        ok: true,
        value: { skuId: '100' },
      })
    })
  })

  describe('given an invalid request', () => {
    it.each<[string, Partial<OverrideInput>, OverrideErrorCode]>([
      ['a SKU id with letters', { skuId: 'abc' }, 'INVALID_SKU_ID'],
      ['a zero SKU id', { skuId: '0' }, 'INVALID_SKU_ID'],
      ['no SKU id', { skuId: '' }, 'INVALID_SKU_ID'],
      [
        'a channel not among the affiliates',
        { channel: 'XYZ' },
        'UNKNOWN_CHANNEL',
      ],
      ['a lower-case channel', { channel: 'mkb' }, 'UNKNOWN_CHANNEL'],
      ['an unknown action', { action: 'HIDE' }, 'INVALID_ACTION'],
      ['an empty note', { note: '' }, 'NOTE_REQUIRED'],
      ['a blank note', { note: '   ' }, 'NOTE_REQUIRED'],
      ['no note', { note: undefined }, 'NOTE_REQUIRED'],
      ['a 501-character note', { note: 'x'.repeat(501) }, 'NOTE_TOO_LONG'],
      [
        'an expiry in the past',
        { expiresAt: '2026-11-01T00:00:00Z' },
        'EXPIRY_IN_PAST',
      ],
      ['an expiry exactly now', { expiresAt: NOW }, 'EXPIRY_IN_PAST'],
      ['an expiry in words', { expiresAt: 'tomorrow' }, 'INVALID_EXPIRY'],
      [
        'an expiry without zone',
        { expiresAt: '2026-12-01T10:00:00' },
        'INVALID_EXPIRY',
      ],
      [
        'an expiry on a day the month lacks',
        { expiresAt: '2027-02-30' },
        'INVALID_EXPIRY',
      ],
      ['an expiry as a number', { expiresAt: 1800000000000 }, 'INVALID_EXPIRY'],
    ])('%s should be refused with that code', (_, patch, code) => {
      expect(validateOverrideInput({ ...valid, ...patch }, NOW, KNOWN)).toEqual(
        {
          ok: false,
          errors: [expect.objectContaining({ code })],
        }
      )
    })

    it('should report every problem at once, by field', () => {
      expect(
        validateOverrideInput(
          {
            skuId: 'x',
            channel: 'XYZ',
            action: 'HIDE',
            note: '',
            expiresAt: 'soon',
          },
          NOW,
          KNOWN
        )
      ).toEqual({
        ok: false,
        errors: [
          { code: 'INVALID_SKU_ID', field: 'skuId' },
          { code: 'UNKNOWN_CHANNEL', field: 'channel' },
          { code: 'INVALID_ACTION', field: 'action' },
          { code: 'NOTE_REQUIRED', field: 'note' },
          { code: 'INVALID_EXPIRY', field: 'expiresAt' },
        ],
      })
    })
  })
})

describe('buildOverride', () => {
  it('should stamp the validated request with who and when', () => {
    const checked = validateOverrideInput(valid, NOW, KNOWN)

    if (!checked.ok) throw new Error('fixture should be valid')

    expect(buildOverride(checked.value, 'ops@example.com', NOW)).toEqual({
      action: 'BLOCK',
      note: 'supplier recall',
      by: 'ops@example.com',
      at: NOW,
      expiresAt: '2026-12-01T00:00:00.000Z',
    })
  })
})
