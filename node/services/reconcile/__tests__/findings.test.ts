import type { AuditEntry } from '../../projection/audit'
import { ofRunWhere } from '../../projection/auditQuery'
import type { RunEntriesFilter } from '../../projection/auditQuery'
import { runFindings } from '../runFindings'
import { readRun } from '../runs'
import { settled, startSweep } from '../runner'
import type { SweepEnv } from '../types'
import { catalogWorld, FakeDocs, stock, sweepWorker, TUNING } from './world'

const RUN = '20261126120000000-abcdef'
const byText = (a: unknown[], b: unknown[]) =>
  JSON.stringify(a).localeCompare(JSON.stringify(b))

describe('given an ENFORCE account decided by a first sweep', () => {
  describe('when 2 SKUs of 2 products gain stock unseen and the first catalog write is refused', () => {
    it("should tag exactly the sweep's 2 drifts, its write and its refused write with its id, and write nothing else", async () => {
      // Products 100 (SKUs 1, 2) and 101 (3, 4), on trade policy 1 only, no stock: all withheld.
      const world = catalogWorld(4)
      const w = sweepWorker(world, new FakeDocs(), 'wk-findings')
      const env: SweepEnv = {
        deps: w.deps,
        tuning: TUNING,
        sleep: async () => undefined,
      }

      const sweep = async () => {
        const from = w.auditWrites.length
        const { id } = await startSweep(env, {}, 'ADMIN', null)

        await settled(w.deps)
        const written = w.auditWrites
          .slice(from)
          .map((key) => w.audit.get(key) as AuditEntry)

        return { id, written, run: (await readRun(w.deps, id)).run }
      }

      const first = await sweep()

      // First decisions are not drift, nor changes: the first sweep is the channels' baseline
      // (shared/baselines.ts) and writes no status entry for them.
      expect(first.written.filter((e) => e.kind === 'STATUS_CHANGE')).toEqual(
        []
      )
      expect(first.written.filter((e) => e.runId)).toEqual([])

      world.inventory['1'] = stock(5)
      world.inventory['3'] = stock(5)
      world.failNext.push('associate')
      const second = await sweep()

      expect(second.run?.state).toBe('DONE')
      // Every audit write of the sweep is a finding: no write added per drifted SKU, none per
      // unchanged one; the refused write is the one entry the run adds.
      expect(world.associations['100']).toEqual(['1', '2'])
      expect(
        second.written
          .map((e) => [e.kind, e.skuId, e.productId, e.channel, e.runId])
          .sort(byText)
      ).toEqual(
        [
          ['ENFORCEMENT_FAILED', '1', '100', 'MKB', second.id],
          // The drift check finds product 100 still off MKB and writes it again, in the run.
          ['ENFORCEMENT_WRITE', null, '100', 'MKB', second.id],
          ['ENFORCEMENT_WRITE', '3', '101', 'MKB', second.id],
          ['STATUS_CHANGE', '1', '100', 'MKB', second.id],
          ['STATUS_CHANGE', '3', '101', 'MKB', second.id],
        ].sort(byText)
      )
      const refused = second.written.find(
        (e) => e.kind === 'ENFORCEMENT_FAILED'
      )

      expect(JSON.parse(refused?.details ?? '{}')).toEqual({
        change: 'ASSOCIATE',
        tradePolicy: '2',
        code: 'UPSTREAM_UNAVAILABLE',
      })
    })
  })
})

describe('given a SKU the sweep cannot read', () => {
  it('should record one failure for the run, with its code', async () => {
    const world = catalogWorld(2)
    const w = sweepWorker(world, new FakeDocs(), 'wk-failed', {
      MKB: 'OBSERVE',
      GGL: 'OBSERVE',
    })

    // The catalog fails SKU 1's context, and the sweep waits for no second attempt.
    world.failNext.push('skuContext')
    const env: SweepEnv = {
      deps: w.deps,
      tuning: { ...TUNING, rateLimitedAttempts: 1 },
      sleep: async () => undefined,
    }

    const { id } = await startSweep(env, {}, 'ADMIN', null)

    await settled(w.deps)
    const failures = [...w.audit.values()].filter(
      (e) => e.kind === 'EVALUATION_FAILED'
    )

    expect(failures).toEqual([
      expect.objectContaining({
        id: `1-f-${id}`,
        skuId: '1',
        runId: id,
        details: JSON.stringify({ code: 'UPSTREAM_UNAVAILABLE' }),
      }),
    ])
  })
})

describe("given a run's findings query", () => {
  const page = jest.fn(
    async (_where: string | undefined, p: number, size: number) => ({
      data: [],
      pagination: { total: 0, page: p, pageSize: size },
    })
  )

  // The audit adapter's named query, writing its `_where` as AuditLog does, over the search.
  const deps = {
    audit: {
      ofRun: (
        runId: string,
        filter: RunEntriesFilter,
        p: number,
        size: number
      ) => page(ofRunWhere(runId, filter), p, size),
    },
  }

  beforeEach(() => page.mockClear())

  it.each([
    [{}, `runId="${RUN}"`],
    [{ channel: 'MKB' }, `runId="${RUN}" AND channel="MKB"`],
    [{ kind: 'DRIFTED' as const }, `runId="${RUN}" AND kind="STATUS_CHANGE"`],
    [
      { kind: 'WRITTEN' as const },
      `runId="${RUN}" AND kind="ENFORCEMENT_WRITE"`,
    ],
    [
      { channel: 'GGL', kind: 'FAILED' as const },
      `runId="${RUN}" AND channel="GGL" AND (kind="ENFORCEMENT_FAILED" OR kind="EVALUATION_FAILED")`,
    ],
  ])('should search %j as %s, one page', async (filter, where) => {
    await runFindings(deps, RUN, filter, 2, 25)
    expect(page).toHaveBeenCalledWith(where, 2, 25)
  })

  it.each([
    ['runs/../x', 1, 'INVALID_RUN_ID'],
    ['20261126120000000-abcdef"', 1, 'INVALID_RUN_ID'],
    [RUN, 201, 'PAGE_BEYOND_SEARCH_WINDOW'],
  ])(
    'should refuse %s page %i with %s, searching nothing',
    async (id, p, code) => {
      expect(await runFindings(deps, id, {}, p, 50)).toBe(code)
      expect(page).not.toHaveBeenCalled()
    }
  )
})
