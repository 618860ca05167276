import type { AttentionFacts } from '../attention'
import {
  alertKey,
  attentionItems,
  dayOf,
  DEFAULT_LIMITS,
  validAlertEmails,
} from '../attention'

const NOW = new Date('2026-12-03T12:00:00.000Z')
const minutesAgo = (m: number) =>
  new Date(NOW.getTime() - m * 60_000).toISOString()

type Channel = AttentionFacts['channels'][number]
const channel = (over: Partial<Channel> = {}): Channel => ({
  id: 'MKB',
  errors: 0,
  lateWrites: 0,
  exposed: 50,
  total: 100,
  yesterdayShare: 0.5,
  activeKeys: 0,
  anyKeyUsed: false,
  oldestKeyAt: null,
  ...over,
})

const facts = (over: Partial<AttentionFacts> = {}): AttentionFacts => ({
  latestRun: null,
  lastTickAt: minutesAgo(5),
  lastTickOutcome: 'IDLE',
  channels: [channel()],
  ...over,
})

const codes = (f: AttentionFacts) =>
  attentionItems(f, NOW).map((i) => `${i.code}:${i.channel ?? '-'}:${i.count}`)

describe('attentionItems', () => {
  describe('given a healthy account', () => {
    it('should list nothing', () => {
      expect(codes(facts())).toEqual([])
    })
  })

  describe('given the sweeps and the scheduler', () => {
    const running = (waitingSince: string | null) => ({
      id: 'r1',
      finished: false,
      failed: false,
      waitingSince,
    })

    it.each<[string, Partial<AttentionFacts>, string[]]>([
      [
        'a run waiting 11 minutes',
        { latestRun: running(minutesAgo(11)) },
        ['SWEEP_STALLED:-:1'],
      ],
      [
        'a run waiting 10 minutes',
        { latestRun: running(minutesAgo(10)) },
        ['SWEEP_STALLED:-:1'],
      ],
      ['a run waiting 9 minutes', { latestRun: running(minutesAgo(9)) }, []],
      ['a run that is not waiting', { latestRun: running(null) }, []],
      [
        'a finished failed run',
        {
          latestRun: {
            id: 'r2',
            finished: true,
            failed: true,
            waitingSince: null,
          },
        },
        ['SWEEP_FAILING:-:1'],
      ],
      ['a failed tick', { lastTickOutcome: 'FAILED' }, ['SWEEP_FAILING:-:1']],
      [
        'no tick for 31 minutes',
        { lastTickAt: minutesAgo(31) },
        ['TICK_LATE:-:1'],
      ],
      [
        'no tick ever (fresh install)',
        { lastTickAt: null, lastTickOutcome: null },
        [],
      ],
    ])('%s', (_name, over, expected) => {
      expect(codes(facts(over))).toEqual(expected)
    })

    it('should link a stalled sweep to its run', () => {
      const [stalled] = attentionItems(
        facts({ latestRun: running(minutesAgo(20)) }),
        NOW
      )

      expect(stalled).toMatchObject({ page: 'RECONCILIATION', runId: 'r1' })
    })
  })

  describe('given a channel', () => {
    it.each<[string, Partial<Channel>, string[]]>([
      ['with SKUs in ERROR', { errors: 3 }, ['SKUS_IN_ERROR:MKB:3']],
      ['with late catalog writes', { lateWrites: 2 }, ['WRITES_LATE:MKB:2']],
      ['whose share fell 11 points', { exposed: 39 }, ['SHARE_DROP:MKB:11']],
      ['whose share fell exactly 10 points', { exposed: 40 }, []],
      ['whose share rose', { exposed: 90 }, []],
      [
        'with no point from yesterday',
        { exposed: 0, yesterdayShare: null },
        [],
      ],
      ['with no SKU today', { exposed: 0, total: 0 }, []],
      [
        'with a key never used for 2 days',
        { activeKeys: 1, oldestKeyAt: minutesAgo(48 * 60) },
        ['KEY_NEVER_USED:MKB:1'],
      ],
      [
        'with a key created an hour ago',
        { activeKeys: 1, oldestKeyAt: minutesAgo(60) },
        [],
      ],
      [
        'with an old key that was used',
        { activeKeys: 2, anyKeyUsed: true, oldestKeyAt: minutesAgo(48 * 60) },
        [],
      ],
    ])('%s', (_name, over, expected) => {
      expect(codes(facts({ channels: [channel(over)] }))).toEqual(expected)
    })

    it('should link SKUs in ERROR to the exposures filtered by ERROR on the channel', () => {
      const [errors] = attentionItems(
        facts({ channels: [channel({ errors: 1 })] }),
        NOW
      )

      expect(errors).toMatchObject({
        page: 'EXPOSURES',
        status: 'ERROR',
        channel: 'MKB',
      })
    })

    it('should take the threshold from the limits', () => {
      const items = attentionItems(
        facts({ channels: [channel({ exposed: 45 })] }),
        NOW,
        { ...DEFAULT_LIMITS, shareDrop: 0.02 }
      )

      expect(items.map((i) => i.code)).toEqual(['SHARE_DROP'])
    })
  })
})

describe('alertKey and dayOf', () => {
  it.each([
    [{ code: 'SHARE_DROP' as const, channel: 'MKB' }, 'SHARE_DROP:MKB'],
    [{ code: 'SWEEP_STALLED' as const, channel: null }, 'SWEEP_STALLED:-'],
  ])('%j should key as %s', (i, expected) => {
    expect(alertKey(i)).toBe(expected)
  })

  it('should count days in UTC', () => {
    expect(dayOf(new Date('2026-12-03T23:59:59.999Z'))).toBe('2026-12-03')
    expect(dayOf(new Date('2026-12-04T00:00:00.000Z'))).toBe('2026-12-04')
  })
})

describe('validAlertEmails', () => {
  it.each<[string[], ReturnType<typeof validAlertEmails>]>([
    [
      [' Ops@Example.com ', 'ops@example.com'],
      { ok: true, emails: ['ops@example.com'] },
    ],
    [[], { ok: true, emails: [] }],
    [
      ['no-at.example.com'],
      { ok: false, code: 'INVALID_EMAIL', value: 'no-at.example.com' },
    ],
    [['a@b'], { ok: false, code: 'INVALID_EMAIL', value: 'a@b' }],
    [['a b@c.com'], { ok: false, code: 'INVALID_EMAIL', value: 'a b@c.com' }],
    [
      Array.from({ length: 11 }, (_, i) => `ops${i}@example.com`),
      { ok: false, code: 'TOO_MANY_EMAILS' },
    ],
  ])('%j should give %j', (input, expected) => {
    expect(validAlertEmails(input)).toEqual(expected)
  })
})
