import { evaluationsIdle } from '../../evaluation/engine'
import { evaluateSku } from '../../evaluation/evaluate'
import { readRun } from '../runs'
import { saveSchedule } from '../schedule'
import { settled, startSweep, tick } from '../runner'
import { SweepError } from '../types'
import type { RunDoc, SweepEnv } from '../types'
import {
  catalogWorld,
  FakeDocs,
  stock,
  sweepWorker,
  TUNING,
  writesOf,
} from './world'
import { restart, sku } from '../../shared/__tests__/fakes'

const byText = (a: string, b: string) => a.localeCompare(b)
const noSleep = async (_ms: number) => undefined
const envOf = (deps: SweepEnv['deps'], sleep = noSleep): SweepEnv => ({
  deps,
  tuning: TUNING,
  sleep,
})

// A sweep's or an event's withdrawal evaluates the product's siblings in the background: a
// test counts calls only once those are done, or a late one lands in the next count.
// (`background: false` where a test hangs one of them on purpose.)
async function finished(
  env: SweepEnv,
  id: string,
  { background = true } = {}
): Promise<RunDoc> {
  await settled(env.deps)
  if (background) await evaluationsIdle(env.deps)
  const { run } = await readRun(env.deps, id)

  if (!run) throw new Error(`run ${id} not found`)

  return run
}

async function evaluateAll(deps: SweepEnv['deps'], ids: string[]) {
  for (const id of ids) {
    await evaluateSku(deps, id, { cause: 'EVENT' })
  }

  await evaluationsIdle(deps)
}

describe('given an account whose catalog drifted from the decisions both ways', () => {
  // SKUs 1-6 (products 100-102). 1 and 2 stocked in the warehouse that serves MKB (trade policy 2).
  const setup = async (modes?: Record<string, 'OBSERVE' | 'ENFORCE'>) => {
    const world = catalogWorld(6)

    world.inventory['1'] = stock(5)
    world.inventory['3'] = stock(5)
    const docs = new FakeDocs()
    const w = sweepWorker(world, docs, 'w1', modes)

    await evaluateAll(w.deps, ['1', '2', '3', '4', '5', '6'])
    // By hand: product 100 taken off MKB although SKU 1 is EXPOSED there; product 102 put on
    // GGL although nothing of it is; SKU 3's stock sold out with no event.
    world.associations['100'] = ['1']
    world.associations['102'] = ['1', '3']
    world.inventory['3'] = []
    w.calls.catalog.length = 0

    return { world, docs, w }
  }

  describe('when an admin starts a full sweep in ENFORCE mode', () => {
    it('should fix every association, and a second sweep should find nothing', async () => {
      const { world, w } = await setup()
      const env = envOf(w.deps)

      const started = await startSweep(env, {}, 'ADMIN', 'admin@x')

      expect(started.state).toBe('QUEUED')
      const run = await finished(env, started.id)

      expect(run).toMatchObject({
        state: 'DONE',
        total: 6,
        done: 6,
        errors: {},
      })
      expect(world.associations['100'].sort(byText)).toEqual(['1', '2'])
      expect(world.associations['101'].sort(byText)).toEqual(['1']) // SKU 3 sold out: withdrawn
      expect(world.associations['102']).toEqual(['1'])
      expect(writesOf(w.calls).sort(byText)).toEqual([
        'associate 100 2',
        'dissociate 101 2',
        'dissociate 102 3',
      ])
      expect(run.driftFound).toBe(4) // SKU 3's stale decision + three associations
      expect(run.driftFixed).toBe(4)
      // Bulk reads: two id pages (plus the empty one), one page per trade policy.
      expect(
        w.calls.catalog.filter((c) => c.startsWith('skuIds '))
      ).toHaveLength(2)
      expect(run.calls.catalog).toBeGreaterThan(0)

      w.calls.catalog.length = 0
      const again = await finished(
        env,
        (
          await startSweep(env, {}, 'ADMIN', null)
        ).id
      )

      expect(again).toMatchObject({
        state: 'DONE',
        driftFound: 0,
        driftFixed: 0,
      })
      expect(writesOf(w.calls)).toEqual([])
      // Nothing suspected: no per-product trade-policy read either.
      expect(
        w.calls.catalog.filter((c) => c.startsWith('productTradePolicies'))
      ).toEqual([])
    })
  })

  describe('when the channels are in OBSERVE mode', () => {
    it('should report the drift and write nothing to the catalog', async () => {
      const { w } = await setup({ MKB: 'OBSERVE', GGL: 'OBSERVE' })
      const env = envOf(w.deps)
      const run = await finished(
        env,
        (
          await startSweep(env, {}, 'ADMIN', null)
        ).id
      )

      expect(writesOf(w.calls)).toEqual([])
      // Product 101 was never put on MKB in OBSERVE, so SKU 3 selling out leaves it right.
      expect(run.driftFound).toBe(3)
      expect(run.driftFixed).toBe(1) // only the stale decision record
      // Counted from the SKU contexts the sweep read: nothing to correct, nothing read again.
      expect(
        w.calls.catalog.filter((c) => c.startsWith('productTradePolicies'))
      ).toEqual([])
    })
  })

  describe('when the sweep is limited to a list of SKUs', () => {
    it('should evaluate only those and read their product association one by one', async () => {
      const { world, w } = await setup()
      const env = envOf(w.deps)
      const run = await finished(
        env,
        (
          await startSweep(env, { skuIds: ['5', '6'] }, 'ADMIN', null)
        ).id
      )

      expect(run).toMatchObject({ state: 'DONE', total: 2, done: 2 })
      expect(w.calls.catalog.filter((c) => c.startsWith('skuContext'))).toEqual(
        ['skuContext 5', 'skuContext 6']
      )
      expect(world.associations['102']).toEqual(['1'])
      expect(world.associations['100']).toEqual(['1']) // out of scope: untouched
    })
  })
})

describe('given a sweep is running', () => {
  describe('when a second one is started, from this worker or another', () => {
    it('should answer SWEEP_ALREADY_RUNNING with the running id', async () => {
      const world = catalogWorld(8)
      const docs = new FakeDocs()
      const w1 = sweepWorker(world, docs, 'w1')
      const w2 = sweepWorker(world, docs, 'w2', undefined, w1.clock)
      const env1 = envOf(w1.deps)
      const first = await startSweep(env1, {}, 'ADMIN', null)

      await expect(
        startSweep(envOf(w2.deps), {}, 'ADMIN', null)
      ).rejects.toEqual(new SweepError('SWEEP_ALREADY_RUNNING', first.id))
      const error = await startSweep(env1, {}, 'ADMIN', null).catch((e) => e)

      expect(error).toMatchObject({ code: 'SWEEP_ALREADY_RUNNING' })
      expect((await finished(env1, first.id)).state).toBe('DONE')
      // Done: the lock is free at once.
      await expect(
        startSweep(envOf(w2.deps), {}, 'ADMIN', null)
      ).resolves.toMatchObject({
        state: 'QUEUED',
      })
      await settled(w2.deps)
    })
  })
})

describe('given a worker dies in the middle of a sweep', () => {
  describe('when another worker ticks after the lock expired', () => {
    it('should resume at the cursor, skip no SKU and write no change twice', async () => {
      const world = catalogWorld(10)

      for (const id of ['1', '4', '7', '9']) world.inventory[id] = stock(3)
      const docs = new FakeDocs()
      const w1 = sweepWorker(world, docs, 'w1')
      const w2 = sweepWorker(world, docs, 'w2', undefined, {
        now: w1.clock.now,
      })

      // w1 hangs forever on SKU 6, as a killed process would (later tests use other worker ids).
      const original = w1.deps.catalog.skuContext

      w1.deps.catalog.skuContext = (id) =>
        id === '6' ? new Promise(() => undefined) : original(id)
      const env1 = envOf(w1.deps)
      const started = await startSweep(env1, {}, 'ADMIN', null)

      for (
        let i = 0;
        i < 200 && !w1.calls.catalog.includes('skuContext 6');
        i++
      ) {
        await new Promise((r) => setImmediate(r))
      }

      const { run: midway } = await readRun(w1.deps, started.id)

      expect(midway?.done).toBe(4) // the checkpoint before SKU 5

      // Before the lock expires the run is busy; after it (and SKU 6's lease), w2 resumes.
      expect((await tick(envOf(w2.deps))).outcome).toBe('BUSY')
      w2.clock.now += 31_000
      expect(await tick(envOf(w2.deps))).toEqual({
        outcome: 'RESUMED',
        runId: started.id,
      })
      // w1's hung SKU 6 may have a sibling evaluation hung with it: that one never ends.
      const run = await finished(envOf(w2.deps), started.id, {
        background: false,
      })

      expect(run).toMatchObject({
        state: 'DONE',
        done: 10,
        total: 10,
        resumes: 0,
      })
      const evaluated = (calls: string[]) =>
        calls
          .filter((c) => c.startsWith('skuContext'))
          .map((c) => c.split(' ')[1])

      expect(evaluated(w2.calls.catalog)).toEqual([
        '5',
        '6',
        '7',
        '8',
        '9',
        '10',
      ])
      const all = new Set([
        ...evaluated(w1.calls.catalog),
        ...evaluated(w2.calls.catalog),
      ])

      expect(all.size).toBe(10)
      const writes = [...writesOf(w1.calls), ...writesOf(w2.calls)]

      expect(writes.sort(byText)).toEqual([
        'associate 100 2',
        'associate 101 2',
        'associate 103 2',
        'associate 104 2',
      ])
    })
  })
})

describe('given the catalog answers 429 with Retry-After', () => {
  describe('when a sweep reads a SKU', () => {
    it('should wait, retry the same SKU and complete with no error', async () => {
      const world = catalogWorld(3)
      const w = sweepWorker(world, new FakeDocs(), 'w3')
      const sleeps: number[] = []
      const original = w.deps.catalog.skuContext
      let limited = 2

      w.deps.catalog.skuContext = async (id) => {
        if (id === '2' && limited-- > 0)
          throw Object.assign(new Error('429'), {
            response: { status: 429, headers: { 'retry-after': '1' } },
          })

        return original(id)
      }

      const env = envOf(w.deps, async (ms) => {
        sleeps.push(ms)
      })

      const run = await finished(
        env,
        (
          await startSweep(env, {}, 'ADMIN', null)
        ).id
      )

      expect(run).toMatchObject({ state: 'DONE', done: 3, errors: {} })
      expect(sleeps).toHaveLength(2)
      expect(w.exposures.get('2-MKB')?.status).toBe('WITHHELD')
    })
  })
})

describe('given a SKU that waits longer than the lock lasts', () => {
  describe('when another worker ticks meanwhile', () => {
    it('should find the lock kept alive and leave the sweep to its worker', async () => {
      const realTime = {
        get now() {
          return Date.now()
        },
      }

      const world = catalogWorld(3)
      const docs = new FakeDocs()
      const w5 = sweepWorker(world, docs, 'w5', undefined, realTime)
      const w6 = sweepWorker(world, docs, 'w6', undefined, realTime)
      const original = w5.deps.catalog.skuContext
      let limited = 3

      w5.deps.catalog.skuContext = async (id) => {
        if (id === '2' && limited-- > 0)
          throw Object.assign(new Error('429'), {
            response: { status: 429, headers: { 'retry-after': '0' } },
          })

        return original(id)
      }

      const tuning = { ...TUNING, lockMs: 300 }
      const env5: SweepEnv = {
        deps: w5.deps,
        tuning,
        sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 400))),
      }

      // No scheduled sweep either: a tick may only resume, and must find nothing to resume.
      await saveSchedule(w6.deps, { fullEveryHours: 0, partialEveryMinutes: 0 })
      const started = await startSweep(env5, {}, 'ADMIN', null)
      const ticks: string[] = []
      const ticking = setInterval(() => {
        tick({ deps: w6.deps, tuning, sleep: noSleep })
          .then((t) => ticks.push(t.outcome))
          .catch(() => ticks.push('ERROR'))
      }, 100)

      const run = await finished(env5, started.id).finally(() =>
        clearInterval(ticking)
      )

      expect(run).toMatchObject({ state: 'DONE', done: 3, resumes: 0 })
      expect(ticks.length).toBeGreaterThan(5)
      expect(ticks.filter((t) => t !== 'BUSY' && t !== 'IDLE')).toEqual([])
      expect(w6.calls.catalog).toEqual([])
      await settled(w6.deps)
    })
  })
})

describe('given an admin cancels a running sweep', () => {
  it('should stop at the next checkpoint as CANCELLED and free the lock', async () => {
    const { cancelRun } = await import('../runs')
    const world = catalogWorld(12)
    const w = sweepWorker(world, new FakeDocs(), 'w4')
    const env = envOf(w.deps)
    const started = await startSweep(env, {}, 'ADMIN', null)

    await cancelRun(w.deps, started.id)
    const run = await finished(env, started.id)

    expect(run.state).toBe('CANCELLED')
    expect(run.done).toBeLessThan(12)
    await expect(startSweep(env, {}, 'ADMIN', null)).resolves.toBeDefined()
    await settled(env.deps)
  })
})

/** The ETag of every SKU state stored: a write changes it. */
const etags = (docs: FakeDocs) =>
  Object.fromEntries(
    [...docs.files.entries()]
      .filter(([key]) => key.startsWith('skus/'))
      .map(([key, file]) => [key, file.etag])
  )

describe('given a fresh account whose stocked SKUs are not on MKB yet', () => {
  // SKUs 1-4 (products 100, 101), all on trade policy 1 only; 1 and 3 stocked for MKB.
  const setup = (workerId: string) => {
    const world = catalogWorld(4)

    world.inventory['1'] = stock(5)
    world.inventory['3'] = stock(5)
    const docs = new FakeDocs()

    return { world, docs, w: sweepWorker(world, docs, workerId) }
  }

  describe('when the first full sweep evaluates them', () => {
    it('should put the product still missing on MKB once, trusting its own writes over the contexts it read before them', async () => {
      const { world, docs, w } = setup('fresh1')
      const env = envOf(w.deps)

      // SKU 4 has no third-party seller: known, never the app's to write.
      world.skus['4'] = sku('4', '101', [])

      // An event for SKU 2 before the sweep: SKU 2 is withheld, and the product's sibling SKU 1,
      // evaluated for it in the background, is exposed and puts product 100 on MKB.
      await evaluateAll(w.deps, ['2'])
      expect(writesOf(w.calls)).toEqual(['associate 100 2'])
      restart(w.deps)
      w.calls.catalog.length = 0
      const run = await finished(
        env,
        (
          await startSweep(env, {}, 'ADMIN', null)
        ).id
      )

      // Two first decisions (3 and 4) are not drift; product 101 missing from MKB is.
      expect(run).toMatchObject({
        state: 'DONE',
        done: 4,
        driftFound: 1,
        driftFixed: 1,
      })
      expect(writesOf(w.calls)).toEqual(['associate 101 2'])
      expect(world.associations['100'].sort(byText)).toEqual(['1', '2'])
      expect(world.associations['101'].sort(byText)).toEqual(['1', '2'])
      // (SKU 3's write evaluates its sibling 4 in the background while the sweep reaches it: who
      // reads SKU 4's state first is a race, so the first sweep's reads are not counted.)

      // A second sweep: the contexts agree with every decision, so the products are neither
      // read from the catalog nor from storage.
      // (After a restart: this process remembers no version.)
      restart(w.deps)
      const statesBefore = etags(docs)

      w.calls.catalog.length = 0
      const productDocReads = docs.reads.products ?? 0
      const skuReadsBefore = docs.reads.skus
      const again = await finished(
        env,
        (
          await startSweep(env, {}, 'ADMIN', null)
        ).id
      )

      expect(again).toMatchObject({ state: 'DONE', driftFound: 0 })
      expect(writesOf(w.calls)).toEqual([])
      expect(
        w.calls.catalog.filter((c) => c.startsWith('productTradePolicies'))
      ).toEqual([])
      expect((docs.reads.products ?? 0) - productDocReads).toBe(0)
      // Every SKU has a state now: each is read again, and none changed, so none is written.
      expect(docs.reads.skus - skuReadsBefore).toBe(4)
      expect(etags(docs)).toEqual(statesBefore)
    })
  })

  describe("when a SKU's context lags behind an association an event already wrote", () => {
    it('should confirm the drift with a read before correcting anything, and write nothing', async () => {
      const { world, docs, w } = setup('fresh2')

      await evaluateAll(w.deps, ['1', '2', '3', '4'])
      expect(world.associations['100'].sort(byText)).toEqual(['1', '2'])
      // The SKU context still reports product 100 off MKB.
      world.staleContext = { '100': ['1'] }
      w.calls.catalog.length = 0
      const env = envOf(w.deps)
      const run = await finished(
        env,
        (
          await startSweep(env, { skuIds: ['1', '2'] }, 'ADMIN', null)
        ).id
      )

      expect(run).toMatchObject({ state: 'DONE', driftFound: 0 })
      expect(
        w.calls.catalog.filter((c) => c.startsWith('productTradePolicies'))
      ).toEqual(['productTradePolicies 100'])
      expect(writesOf(w.calls)).toEqual([])
      // What the app believes the catalog holds was not rewritten from the stale context.
      const { value } = await docs.read<{ applied: Record<string, boolean> }>(
        'products',
        '100',
        () => ({ applied: {} })
      )

      expect(value.applied.MKB).toBe(true)
    })
  })

  describe("when a later sweep finds one SKU's stock sold out with no event", () => {
    it('should write only that SKU, from the inputs it read once, and withdraw its product', async () => {
      const { world, docs, w } = setup('fresh3')
      const env = envOf(w.deps)

      await finished(env, (await startSweep(env, {}, 'ADMIN', null)).id)
      world.inventory['3'] = []
      restart(w.deps)
      const before = etags(docs)

      w.calls.catalog.length = 0
      const run = await finished(
        env,
        (
          await startSweep(env, {}, 'ADMIN', null)
        ).id
      )

      expect(run).toMatchObject({ state: 'DONE', driftFound: 2 }) // SKU 3 on MKB, product 101
      const after = etags(docs)

      expect(
        Object.keys(after).filter((key) => after[key] !== before[key])
      ).toEqual(['skus/3'])
      expect(w.calls.catalog.filter((c) => c.startsWith('skuContext'))).toEqual(
        ['skuContext 1', 'skuContext 2', 'skuContext 3', 'skuContext 4']
      )
      expect(writesOf(w.calls)).toEqual(['dissociate 101 2'])
    })
  })
})
