import { applySettingsInput, refusalCodes } from '../applySettings'
import {
  catalogWritesAllowed,
  channelConfig,
  defaultAppSettings,
  defaultChannelSettings,
} from '../settings'
import type { AppSettings } from '../settings'
import type {
  ChannelSettingsInput,
  SettingsErrorCode,
  SettingsInput,
} from '../settingsInput'
import { isAffiliateId } from '../ids'

const KNOWN = ['MKB', 'GGL']

function stored(): AppSettings {
  return {
    channels: {
      MKB: {
        mode: 'ENFORCE',
        exposeAt: 5,
        withdrawBelow: 3,
        requirePrice: true,
        sellerAllow: [],
        sellerDeny: ['sellerz'],
      },
    },
    retentionDays: 30,
  }
}

const mkb = (patch: Omit<ChannelSettingsInput, 'channel'>): SettingsInput => ({
  channels: [{ channel: 'MKB', ...patch }],
})

const manySellers = Array.from({ length: 501 }, (_, i) => `seller${i}`)

describe('defaults', () => {
  it('should observe, expose from one unit, require a price and list no seller', () => {
    expect(defaultChannelSettings()).toEqual({
      mode: 'OBSERVE',
      exposeAt: 1,
      withdrawBelow: 1,
      requirePrice: true,
      sellerAllow: [],
      sellerDeny: [],
    })
  })

  it('should hand out a fresh object each time', () => {
    const a = defaultChannelSettings()

    a.sellerAllow.push('x')
    expect(defaultChannelSettings().sellerAllow).toEqual([])
  })
})

describe('applySettingsInput', () => {
  describe('given invalid input', () => {
    it.each<[string, SettingsInput, SettingsErrorCode, string]>([
      [
        'an unknown channel',
        { channels: [{ channel: 'XYZ' }] },
        'UNKNOWN_CHANNEL',
        'channel',
      ],
      [
        'a channel listed twice',
        { channels: [{ channel: 'MKB' }, { channel: 'MKB' }] },
        'DUPLICATE_CHANNEL',
        'channel',
      ],
      ['a bad mode', mkb({ mode: 'LOUD' as never }), 'INVALID_MODE', 'mode'],
      [
        'a negative exposeAt',
        mkb({ exposeAt: -1 }),
        'NEGATIVE_THRESHOLD',
        'exposeAt',
      ],
      [
        'a negative withdrawBelow',
        mkb({ withdrawBelow: -2 }),
        'NEGATIVE_THRESHOLD',
        'withdrawBelow',
      ],
      [
        'exposeAt zero',
        mkb({ exposeAt: 0 }),
        'THRESHOLD_BELOW_ONE',
        'exposeAt',
      ],
      [
        'a fractional exposeAt',
        mkb({ exposeAt: 2.5 }),
        'THRESHOLD_NOT_INTEGER',
        'exposeAt',
      ],
      [
        'a NaN withdrawBelow',
        mkb({ withdrawBelow: NaN }),
        'THRESHOLD_NOT_INTEGER',
        'withdrawBelow',
      ],
      [
        'a string exposeAt',
        mkb({ exposeAt: '3' as never }),
        'THRESHOLD_NOT_INTEGER',
        'exposeAt',
      ],
      [
        'a huge exposeAt',
        mkb({ exposeAt: 1_000_001 }),
        'THRESHOLD_TOO_LARGE',
        'exposeAt',
      ],
      [
        'withdrawBelow above exposeAt',
        mkb({ exposeAt: 4, withdrawBelow: 5 }),
        'WITHDRAW_ABOVE_EXPOSE',
        'withdrawBelow',
      ],
      [
        'withdrawBelow above the stored exposeAt',
        mkb({ withdrawBelow: 6 }),
        'WITHDRAW_ABOVE_EXPOSE',
        'withdrawBelow',
      ],
      [
        'requirePrice not a boolean',
        mkb({ requirePrice: 'yes' as never }),
        'INVALID_REQUIRE_PRICE',
        'requirePrice',
      ],
      [
        'an empty seller id',
        mkb({ sellerAllow: [' '] }),
        'INVALID_SELLER_ID',
        'sellerAllow',
      ],
      [
        'the marketplace as a seller',
        mkb({ sellerDeny: ['1'] }),
        'INVALID_SELLER_ID',
        'sellerDeny',
      ],
      [
        'a seller id with a slash',
        mkb({ sellerAllow: ['a/b'] }),
        'INVALID_SELLER_ID',
        'sellerAllow',
      ],
      [
        'a seller list that is not a list',
        mkb({ sellerAllow: 'a' as never }),
        'INVALID_SELLER_ID',
        'sellerAllow',
      ],
      [
        'a seller in both lists',
        mkb({ sellerAllow: ['sellera'], sellerDeny: ['sellera'] }),
        'SELLER_IN_BOTH_LISTS',
        'sellerDeny',
      ],
      [
        'an allowed seller already stored as denied',
        mkb({ sellerAllow: ['sellerz'] }),
        'SELLER_IN_BOTH_LISTS',
        'sellerDeny',
      ],
      [
        '501 allowed sellers',
        mkb({ sellerAllow: manySellers }),
        'TOO_MANY_SELLERS',
        'sellerAllow',
      ],
      [
        'retention of zero days',
        { retentionDays: 0 },
        'INVALID_RETENTION',
        'retentionDays',
      ],
      [
        'retention over ten years',
        { retentionDays: 3651 },
        'INVALID_RETENTION',
        'retentionDays',
      ],
      [
        'fractional retention',
        { retentionDays: 1.5 },
        'INVALID_RETENTION',
        'retentionDays',
      ],
    ])(
      '%s should be refused with that code and apply nothing',
      (_, input, code, field) => {
        const current = stored()
        const snapshot = JSON.stringify(current)
        const result = applySettingsInput(current, input, KNOWN)

        expect(result.ok).toBe(false)
        expect(result).toMatchObject({
          errors: [expect.objectContaining({ code, field })],
        })
        expect(JSON.stringify(current)).toBe(snapshot)
      }
    )
  })

  describe('when several fields are wrong at once', () => {
    it('should report both thresholds when both are wrong', () => {
      expect(
        applySettingsInput(
          stored(),
          mkb({ exposeAt: 0, withdrawBelow: -1 }),
          KNOWN
        )
      ).toEqual({
        ok: false,
        errors: [
          { code: 'THRESHOLD_BELOW_ONE', channel: 'MKB', field: 'exposeAt' },
          {
            code: 'NEGATIVE_THRESHOLD',
            channel: 'MKB',
            field: 'withdrawBelow',
          },
        ],
      })
    })

    it('should report every error and apply not even the valid fields', () => {
      const result = applySettingsInput(
        stored(),
        {
          channels: [
            {
              channel: 'MKB',
              mode: 'ENFORCE',
              exposeAt: -1,
              sellerDeny: ['1'],
            },
            { channel: 'XYZ' },
            { channel: 'GGL', requirePrice: false },
          ],
          retentionDays: 0,
        },
        KNOWN
      )

      expect(result).toEqual({
        ok: false,
        errors: [
          { code: 'NEGATIVE_THRESHOLD', channel: 'MKB', field: 'exposeAt' },
          {
            code: 'INVALID_SELLER_ID',
            channel: 'MKB',
            field: 'sellerDeny',
            value: '1',
          },
          { code: 'UNKNOWN_CHANNEL', channel: 'XYZ', field: 'channel' },
          { code: 'INVALID_RETENTION', field: 'retentionDays' },
        ],
      })
    })
  })

  describe('given valid input', () => {
    it.each<
      [
        string,
        SettingsInput,
        Partial<ReturnType<typeof defaultChannelSettings>>
      ]
    >([
      ['switch to OBSERVE', mkb({ mode: 'OBSERVE' }), { mode: 'OBSERVE' }],
      [
        'raise exposeAt, keep withdrawBelow',
        mkb({ exposeAt: 9 }),
        { exposeAt: 9, withdrawBelow: 3 },
      ],
      [
        'lower exposeAt below withdrawBelow: withdrawBelow follows',
        mkb({ exposeAt: 2 }),
        { exposeAt: 2, withdrawBelow: 2 },
      ],
      [
        'lower exposeAt above withdrawBelow',
        mkb({ exposeAt: 4 }),
        { exposeAt: 4, withdrawBelow: 3 },
      ],
      [
        'set both',
        mkb({ exposeAt: 10, withdrawBelow: 10 }),
        { exposeAt: 10, withdrawBelow: 10 },
      ],
      [
        'largest threshold',
        mkb({ exposeAt: 1_000_000 }),
        { exposeAt: 1_000_000 },
      ],
      [
        'trim and de-duplicate sellers',
        mkb({ sellerAllow: [' sellera ', 'sellera', 'seller-b.2'] }),
        { sellerAllow: ['sellera', 'seller-b.2'] },
      ],
      ['clear the deny list', mkb({ sellerDeny: [] }), { sellerDeny: [] }],
      [
        'move a seller from deny to allow in one go',
        mkb({ sellerAllow: ['sellerz'], sellerDeny: [] }),
        { sellerAllow: ['sellerz'], sellerDeny: [] },
      ],
      [
        'null fields mean unchanged',
        mkb({ mode: null, exposeAt: null }),
        { mode: 'ENFORCE', exposeAt: 5 },
      ],
    ])('should %s', (_, input, expected) => {
      const result = applySettingsInput(stored(), input, KNOWN)

      expect(result.ok).toBe(true)
      expect(result.ok && result.settings.channels.MKB).toMatchObject(expected)
    })

    it('should give a new channel the defaults with withdrawBelow following exposeAt', () => {
      const result = applySettingsInput(
        defaultAppSettings(),
        { channels: [{ channel: 'GGL', exposeAt: 4 }] },
        KNOWN
      )

      expect(result.ok && result.settings.channels.GGL).toEqual({
        ...defaultChannelSettings(),
        exposeAt: 4,
        withdrawBelow: 4,
      })
    })

    it('should list each field that changed, and only those', () => {
      const result = applySettingsInput(
        stored(),
        {
          channels: [{ channel: 'MKB', mode: 'ENFORCE', exposeAt: 2 }],
          retentionDays: 60,
        },
        KNOWN
      )

      expect(result.ok && result.changes).toEqual([
        { channel: 'MKB', field: 'exposeAt', from: 5, to: 2 },
        { channel: 'MKB', field: 'withdrawBelow', from: 3, to: 2 },
        { channel: null, field: 'retentionDays', from: 30, to: 60 },
      ])
    })

    it('should keep channels the input does not name and not touch the current settings', () => {
      const current = stored()
      const snapshot = JSON.stringify(current)
      const result = applySettingsInput(
        current,
        { channels: [{ channel: 'GGL' }] },
        KNOWN
      )

      expect(result.ok && result.settings.channels.MKB).toEqual(
        current.channels.MKB
      )
      expect(result.ok && result.changes).toEqual([])
      expect(JSON.stringify(current)).toBe(snapshot)
    })

    it.each([1, 3650])(
      'should accept a retention of %i days',
      (retentionDays) => {
        expect(
          applySettingsInput(stored(), { retentionDays }, KNOWN)
        ).toMatchObject({
          ok: true,
          settings: { retentionDays },
        })
      }
    )
  })
})

describe('refusalCodes', () => {
  it('should name each seller in both lists and never echo a malformed id', () => {
    const result = applySettingsInput(
      defaultAppSettings(),
      {
        channels: [
          {
            channel: 'MKB',
            sellerAllow: ['sellera', 'sellerb'],
            sellerDeny: ['sellera', 'sellerb', 'a,b:c'],
          },
        ],
      },
      ['MKB']
    )

    expect(result.ok ? [] : refusalCodes(result.errors)).toEqual([
      'INVALID_SELLER_ID',
      'SELLER_IN_BOTH_LISTS:sellera',
      'SELLER_IN_BOTH_LISTS:sellerb',
    ])
  })
})

describe('channelConfig', () => {
  const affiliate = { id: 'GGL', name: 'Google', salesChannel: '3' }

  it('should give an affiliate without settings the defaults (OBSERVE)', () => {
    expect(channelConfig(affiliate, defaultAppSettings())).toEqual({
      id: 'GGL',
      name: 'Google',
      salesChannel: '3',
      ...defaultChannelSettings(),
    })
  })

  it('should use the stored settings of a configured affiliate', () => {
    expect(channelConfig({ ...affiliate, id: 'MKB' }, stored())).toMatchObject({
      id: 'MKB',
      mode: 'ENFORCE',
      exposeAt: 5,
      withdrawBelow: 3,
      sellerDeny: ['sellerz'],
    })
  })

  it('should complete a stored entry written before a field existed', () => {
    const old = {
      channels: { MKB: { mode: 'ENFORCE', exposeAt: 2 } },
      retentionDays: 30,
    }

    expect(
      channelConfig({ ...affiliate, id: 'MKB' }, old as unknown as AppSettings)
    ).toMatchObject({
      mode: 'ENFORCE',
      exposeAt: 2,
      withdrawBelow: 1,
      requirePrice: true,
      sellerAllow: [],
    })
  })

  it('should not share its lists with the settings', () => {
    const settings = stored()
    const config = channelConfig({ ...affiliate, id: 'MKB' }, settings)

    config.sellerDeny.push('other')
    expect(settings.channels.MKB.sellerDeny).toEqual(['sellerz'])
  })
})

describe('isAffiliateId', () => {
  it.each<[unknown, boolean]>([
    ['MKB', true],
    ['GGL', true],
    ['BBB', true],
    ['XYZ', true],
    ['mkb', false],
    ['MKA', false],
    ['EBC', false],
    ['MK', false],
    ['MKBB', false],
    ['MK1', false],
    ['', false],
    [123, false],
    [null, false],
  ])('%p should be %p', (id, expected) => {
    expect(isAffiliateId(id)).toBe(expected)
  })
})

describe('given catalog writes by workspace', () => {
  it.each([
    ['master, setting absent', 'master', undefined, true],
    ['master, setting off', 'master', false, true],
    ['no workspace known (unit tests)', undefined, undefined, true],
    ['dev1, setting absent', 'dev1', undefined, false],
    ['dev1, setting off', 'dev1', false, false],
    ['dev1, setting on', 'dev1', true, true],
  ])(
    'with %s, should allow writes: %s',
    (_label, workspace, setting, allowed) => {
      expect(
        catalogWritesAllowed(workspace, { workspaceCatalogWrites: setting })
      ).toBe(allowed)
    }
  )

  it.each([
    [{ workspaceCatalogWrites: true }, true, 1],
    [{ workspaceCatalogWrites: false }, false, 0],
    [{ workspaceCatalogWrites: null }, false, 0],
    [{}, false, 0],
  ])(
    'when the input is %p, should store %s and record %s change(s)',
    (input, kept, changes) => {
      const result = applySettingsInput(defaultAppSettings(), input, [])

      expect(result.ok && result.settings.workspaceCatalogWrites).toBe(kept)
      expect(result.ok && result.changes.length).toBe(changes)
    }
  )

  it('should refuse a value that is not a boolean', () => {
    const result = applySettingsInput(
      defaultAppSettings(),
      { workspaceCatalogWrites: 'yes' as unknown as boolean },
      []
    )

    expect(result).toEqual({
      ok: false,
      errors: [
        {
          code: 'INVALID_WORKSPACE_CATALOG_WRITES',
          field: 'workspaceCatalogWrites',
        },
      ],
    })
  })
})
