import type { RowFilter } from '../../projection/exposureQuery'
import { exposureWhere } from '../../projection/exposureQuery'
import { TenantMemory } from '../../../memory/tenantMemory'
import { FakeDocs } from '../../shared/__tests__/fakes'
import { createKey } from '../../feed/keys'
import type { AttentionTickDeps } from '../tick'
import { attentionTick } from '../tick'
import { attentionFacts } from '../facts'

const NOW = new Date('2026-12-03T10:00:00.000Z')
const silent = { info: () => {}, warn: () => {}, error: () => {} }

/** Counts per channel and status as Master Data would answer `status=… AND channel=…`. */
function world() {
  const docs = new FakeDocs()
  const totals: Record<string, number> = {
    'MKB:': 10,
    'MKB:EXPOSED': 4,
    'MKB:ERROR': 2,
    'GGL:': 5,
    'GGL:EXPOSED': 5,
  }

  const searches: string[] = []
  const pending: string[][] = []
  const projection = {
    // The adapter's named count, its `_where` as the adapter writes it.
    count: jest.fn(async (filter: RowFilter) => {
      const where = exposureWhere(filter) ?? ''

      searches.push(where)
      const channel = /channel="?(\w+)"?/.exec(where)?.[1] ?? ''
      const status = /status="?(\w+)"?/.exec(where)?.[1] ?? ''

      return totals[`${channel}:${status}`] ?? 0
    }),
    pendingProducts: jest.fn(async (channels: string[]) => {
      pending.push(channels)

      return channels.includes('MKB') ? ['p1', 'p2'] : []
    }),
  }

  const mail = {
    send: jest.fn(async () => {}),
    hasTemplate: jest.fn(async () => true),
    createTemplate: jest.fn(async () => {}),
  }

  const deps = {
    docs,
    memory: new TenantMemory(),
    now: () => NOW,
    log: silent,
    tenant: { account: 'marketplacea', workspace: 'master' },
    affiliates: {
      list: async () => [
        { id: 'MKB', name: 'Marketplace B', salesChannel: '2' },
        { id: 'GGL', name: 'Google', salesChannel: '3' },
      ],
    },
    projection,
    mail,
  } as unknown as AttentionTickDeps

  return { deps, docs, searches, pending, mail, projection }
}

describe('given the facts the attention rules decide on', () => {
  describe('when an ENFORCE channel has errors and late writes', () => {
    it('should count them per channel with three counts each and one pending search for ENFORCE', async () => {
      const w = world()

      await w.docs.write(
        'config',
        'settings.json',
        {
          channels: {
            MKB: {
              mode: 'ENFORCE',
              exposeAt: 1,
              withdrawBelow: 1,
              requirePrice: true,
              sellerAllow: [],
              sellerDeny: [],
            },
          },
          retentionDays: 90,
        },
        null
      )
      await createKey(
        { docs: w.docs, now: () => new Date('2026-12-01T00:00:00.000Z') },
        'GGL',
        null
      )

      const facts = await attentionFacts(w.deps)

      expect(facts.channels).toEqual([
        expect.objectContaining({
          id: 'MKB',
          errors: 2,
          exposed: 4,
          total: 10,
          lateWrites: 2,
          activeKeys: 0,
        }),
        expect.objectContaining({
          id: 'GGL',
          errors: 0,
          exposed: 5,
          total: 5,
          lateWrites: 0,
          activeKeys: 1,
          anyKeyUsed: false,
          oldestKeyAt: '2026-12-01T00:00:00.000Z',
        }),
      ])
      expect(w.searches).toHaveLength(6)
      expect(w.pending).toEqual([['MKB']])
    })
  })
})

describe('given the attention part of a tick', () => {
  describe('when no alert address is set', () => {
    it('should write the day’s points once and send nothing, and cost nothing on the next tick', async () => {
      const w = world()

      expect(await attentionTick(w.deps)).toEqual({ sent: [], wrote: true })
      const searches = w.searches.length
      const { writes } = w.docs
      const reads = { ...w.docs.reads }

      expect(searches).toBe(4)
      expect(await attentionTick(w.deps)).toEqual({ sent: [], wrote: false })
      expect(w.searches).toHaveLength(searches)
      expect(w.docs.writes).toBe(writes)
      // The settings document is read through the tenant's 5-second cache.
      expect(w.docs.reads).toEqual(reads)
      expect(w.mail.send).not.toHaveBeenCalled()
    })
  })

  describe('when addresses are set and a condition holds', () => {
    it('should e-mail it on the first tick only', async () => {
      const w = world()

      await w.docs.write(
        'config',
        'settings.json',
        { channels: {}, retentionDays: 90, alertEmails: ['ops@example.com'] },
        null
      )

      expect((await attentionTick(w.deps)).sent).toEqual(['SKUS_IN_ERROR:MKB'])
      expect((await attentionTick(w.deps)).sent).toEqual([])
      expect(w.mail.send).toHaveBeenCalledTimes(1)
    })
  })
})
