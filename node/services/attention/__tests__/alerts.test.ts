import type { AttentionItem } from '../../../domain/attention'
import { TenantMemory } from '../../../memory/tenantMemory'
import { FakeDocs } from '../../shared/__tests__/fakes'
import type { AlertDeps } from '../alerts'
import { claimToday, linkOf, sendAlerts } from '../alerts'
import { recordDailyPoints, readPoints, shareBefore } from '../daily'
import { ALERT_TEMPLATE } from '../template'

const silent = { info: () => {}, warn: () => {}, error: () => {} }

function world(now = new Date('2026-12-03T10:00:00.000Z')) {
  const docs = new FakeDocs()
  const clock = { now }

  type Sent = { templateName: string; jsonData: Record<string, unknown> }
  const state = { sent: [] as Sent[], templates: [] as string[], failSends: 0 }
  const mail = {
    state,
    hasTemplate: jest.fn(async (name: string) =>
      state.templates.includes(name)
    ),
    createTemplate: jest.fn(async (t: { Name: string }) => {
      state.templates.push(t.Name)
    }),
    send: jest.fn(async (m: Sent) => {
      if (state.failSends > 0) {
        state.failSends -= 1
        throw new Error('503')
      }

      state.sent.push(m)
    }),
  }

  const deps = (memory = new TenantMemory()): AlertDeps => ({
    docs,
    memory,
    now: () => clock.now,
    log: silent,
    mail,
    tenant: { account: 'marketplacea', workspace: 'master' },
  })

  return { docs, clock, mail, deps }
}

const stalled: AttentionItem = {
  code: 'SWEEP_STALLED',
  channel: null,
  count: 1,
  page: 'RECONCILIATION',
  status: null,
  runId: 'r1',
}

const drop: AttentionItem = {
  code: 'SHARE_DROP',
  channel: 'MKB',
  count: 40,
  page: 'EXPOSURES',
  status: null,
  runId: null,
}

describe('given the attention e-mails', () => {
  describe('when two conditions hold on two ticks of one day', () => {
    it('should send one e-mail per condition, once', async () => {
      const w = world()

      expect(
        await sendAlerts(w.deps(), [stalled, drop], ['ops@example.com'])
      ).toEqual(['SWEEP_STALLED:-', 'SHARE_DROP:MKB'])
      expect(
        await sendAlerts(w.deps(), [stalled, drop], ['ops@example.com'])
      ).toEqual([])
      expect(w.mail.state.sent).toHaveLength(2)
      expect(w.mail.state.sent[1]).toEqual({
        templateName: ALERT_TEMPLATE,
        jsonData: {
          to: 'ops@example.com',
          account: 'marketplacea',
          workspace: 'master',
          code: 'SHARE_DROP',
          channel: 'MKB',
          count: 40,
          link: '/admin/app/marketplace-stock-gate/exposures?channel=MKB',
        },
      })
    })
  })

  describe('when the day changes', () => {
    it('should send the same condition again', async () => {
      const w = world()

      await sendAlerts(w.deps(), [drop], ['ops@example.com'])
      w.clock.now = new Date('2026-12-04T00:00:01.000Z')
      expect(await sendAlerts(w.deps(), [drop], ['ops@example.com'])).toEqual([
        'SHARE_DROP:MKB',
      ])
      expect(w.mail.state.sent).toHaveLength(2)
    })
  })

  describe('when two workers claim at once', () => {
    it('should let only one of them claim each condition', async () => {
      const w = world()
      const [a, b] = await Promise.all([
        claimToday(w.deps(), ['SHARE_DROP:MKB', 'SWEEP_STALLED:-']),
        claimToday(w.deps(), ['SHARE_DROP:MKB', 'SWEEP_STALLED:-']),
      ])

      expect([...a, ...b].sort((x, y) => x.localeCompare(y))).toEqual([
        'SHARE_DROP:MKB',
        'SWEEP_STALLED:-',
      ])
    })
  })

  describe('when the mail service refuses', () => {
    it('should give the claim back, so the next tick sends it', async () => {
      const w = world()

      w.mail.state.failSends = 1
      expect(await sendAlerts(w.deps(), [drop], ['ops@example.com'])).toEqual(
        []
      )
      expect(await sendAlerts(w.deps(), [drop], ['ops@example.com'])).toEqual([
        'SHARE_DROP:MKB',
      ])
      expect(w.mail.state.sent).toHaveLength(1)
    })
  })

  describe('when Message Center lacks the template', () => {
    it('should create it once per process, and not when it exists', async () => {
      const w = world()
      const memory = new TenantMemory()

      await sendAlerts(w.deps(memory), [drop], ['ops@example.com'])
      await sendAlerts(w.deps(memory), [stalled], ['ops@example.com'])
      expect(w.mail.createTemplate).toHaveBeenCalledTimes(1)
      expect(w.mail.hasTemplate).toHaveBeenCalledTimes(1)
      await sendAlerts(
        w.deps(),
        [{ ...drop, channel: 'GGL' }],
        ['ops@example.com']
      )
      expect(w.mail.createTemplate).toHaveBeenCalledTimes(1)
    })
  })

  describe('when no address is set', () => {
    it('should neither claim nor send', async () => {
      const w = world()

      expect(await sendAlerts(w.deps(), [drop], [])).toEqual([])
      expect(w.docs.writes).toBe(0)
      expect(w.mail.send).not.toHaveBeenCalled()
    })
  })
})

describe('linkOf', () => {
  it.each<[AttentionItem, string]>([
    [stalled, '/admin/app/marketplace-stock-gate/reconciliation'],
    [
      { ...drop, code: 'SKUS_IN_ERROR', status: 'ERROR' },
      '/admin/app/marketplace-stock-gate/exposures?channel=MKB&status=ERROR',
    ],
    [
      { ...drop, code: 'WRITES_LATE', page: 'PRODUCTS_TO_CHANGE' },
      '/admin/app/marketplace-stock-gate#channel-MKB',
    ],
    [
      { ...drop, code: 'KEY_NEVER_USED', page: 'CHANNEL_KEYS' },
      '/admin/app/marketplace-stock-gate/settings#feed-keys-title',
    ],
  ])('%j should link to %s', (item, expected) => {
    expect(linkOf(item)).toBe(expected)
  })
})

describe('given the daily share points', () => {
  const counts = jest.fn(async () => [
    { channel: 'MKB', exposed: 8, total: 10 },
    { channel: 'GGL', exposed: 1, total: 4 },
  ])

  beforeEach(() => counts.mockClear())

  it('should write them once a day, whatever the ticks and workers', async () => {
    const w = world()

    expect(await recordDailyPoints(w.deps(), counts)).toBe(true)
    const memory = new TenantMemory()

    expect(await recordDailyPoints(w.deps(memory), counts)).toBe(false)
    expect(await recordDailyPoints(w.deps(memory), counts)).toBe(false)
    expect(counts).toHaveBeenCalledTimes(1)
    expect(w.docs.writes).toBe(1)
  })

  it('should keep two days per channel and compare with the day before', async () => {
    const w = world()

    for (const day of ['2026-12-01', '2026-12-02', '2026-12-03']) {
      w.clock.now = new Date(`${day}T00:05:00.000Z`)
      await recordDailyPoints(w.deps(), counts)
    }

    const points = await readPoints(w.deps())

    expect(points.channels.MKB.map((p) => p.day)).toEqual([
      '2026-12-02',
      '2026-12-03',
    ])
    expect(shareBefore(points.channels.MKB, '2026-12-03')).toBe(0.8)
    expect(shareBefore(points.channels.GGL, '2026-12-02')).toBeNull()
  })
})
