import { evaluateSku } from '../../evaluation/evaluate'
import * as drift from '../drift'
import * as processing from '../process'
import { newSweepContext, processSku } from '../process'
import { readRun } from '../runs'
import { settled, startSweep, tick } from '../runner'
import { newTally } from '../counting'
import type { RunDoc, SweepEnv } from '../types'
import {
  catalogWorld,
  FakeDocs,
  stock,
  sweepWorker,
  TUNING,
  writesOf,
} from './world'

const byText = (a: string, b: string) => a.localeCompare(b)
const later = (turns = 1) =>
  Array.from({ length: turns }).reduce<Promise<unknown>>(
    (p) => p.then(() => new Promise((r) => setImmediate(r))),
    Promise.resolve()
  )

const envOf = (deps: SweepEnv['deps'], concurrency: number): SweepEnv => ({
  deps,
  tuning: { ...TUNING, concurrency },
  sleep: async () => undefined,
})

const evaluated = (calls: string[]) =>
  calls.filter((c) => c.startsWith('skuContext')).map((c) => c.split(' ')[1])

beforeEach(() => {
  jest.restoreAllMocks()
})

async function finished(env: SweepEnv, id: string): Promise<RunDoc> {
  await settled(env.deps)
  const { run } = await readRun(env.deps, id)

  if (!run) throw new Error(`run ${id} not found`)

  return run
}

async function evaluateAll(deps: SweepEnv['deps'], ids: string[]) {
  for (const id of ids) {
    await evaluateSku(deps, id, { cause: 'EVENT' })
  }
}

/** Counts the SKUs the sweep has in flight at once (each skuContext read takes a few turns). */
function measureInFlight(w: ReturnType<typeof sweepWorker>) {
  const { skuContext } = w.deps.catalog
  const real = processing.processSku
  const seen = { now: 0, max: 0 }

  w.deps.catalog.skuContext = async (id) => {
    await later(3)

    return skuContext(id)
  }

  jest.spyOn(processing, 'processSku').mockImplementation(async (...args) => {
    seen.now += 1
    seen.max = Math.max(seen.max, seen.now)
    try {
      return await real(...args)
    } finally {
      seen.now -= 1
    }
  })

  return seen
}

describe('given an account whose catalog drifted both ways and a sweep of 4 SKUs at once', () => {
  // As in reconcile.test.ts: SKUs 1-6 (products 100-102); product 100 taken off MKB by hand,
  // product 102 put on GGL by hand, SKU 3's stock sold out with no event.
  const setup = async (workerId: string) => {
    const world = catalogWorld(6)

    world.inventory['1'] = stock(5)
    world.inventory['3'] = stock(5)
    const w = sweepWorker(world, new FakeDocs(), workerId)

    await evaluateAll(w.deps, ['1', '2', '3', '4', '5', '6'])
    world.associations['100'] = ['1']
    world.associations['102'] = ['1', '3']
    world.inventory['3'] = []
    w.calls.catalog.length = 0

    return { world, w }
  }

  it.each([1, 4])(
    'should fix and count the same drift as one at a time (concurrency %i)',
    async (concurrency) => {
      const { world, w } = await setup(`wc${concurrency}`)
      const inFlight = measureInFlight(w)
      const env = envOf(w.deps, concurrency)
      const run = await finished(
        env,
        (
          await startSweep(env, {}, 'ADMIN', null)
        ).id
      )

      expect(inFlight.max).toBe(concurrency)
      expect(run).toMatchObject({
        state: 'DONE',
        total: 6,
        done: 6,
        errors: {},
        driftFound: 4,
        driftFixed: 4,
      })
      expect(world.associations['100'].sort(byText)).toEqual(['1', '2'])
      expect(world.associations['101'].sort(byText)).toEqual(['1'])
      expect(world.associations['102']).toEqual(['1'])
      expect(writesOf(w.calls).sort(byText)).toEqual([
        'associate 100 2',
        'dissociate 101 2',
        'dissociate 102 3',
      ])
      expect(run.calls.catalog).toBeGreaterThan(0)
    }
  )
})

describe('given a fresh account whose products have two SKUs each', () => {
  describe('when a sweep evaluates 4 SKUs at once', () => {
    it('should work on each product with one SKU at a time: no refused product document write', async () => {
      const world = catalogWorld(12)

      for (const id of ['1', '4', '5', '9']) world.inventory[id] = stock(3)
      const docs = new FakeDocs()
      const w = sweepWorker(world, docs, 'wc-fresh')
      const inFlight = measureInFlight(w)
      const refused: string[] = []
      const { write } = docs

      docs.write = async <T>(
        bucket: string,
        path: string,
        value: T,
        etag: string | null
      ) =>
        write.call(docs, bucket, path, value, etag).catch((error) => {
          if (bucket === 'products') refused.push(path)
          throw error
        })

      const env = envOf(w.deps, 4)
      const run = await finished(
        env,
        (
          await startSweep(env, {}, 'ADMIN', null)
        ).id
      )

      expect(run).toMatchObject({ state: 'DONE', done: 12, errors: {} })
      expect(inFlight.max).toBe(4)
      expect(refused).toEqual([])
      expect(writesOf(w.calls).sort(byText)).toEqual([
        'associate 100 2',
        'associate 101 2',
        'associate 102 2',
        'associate 104 2',
      ])
    })
  })
})

describe('given a sweep of several SKUs at once and a worker that dies in the middle', () => {
  describe('when another worker resumes it after the lock expired', () => {
    it('should have persisted no cursor past an unfinished SKU and re-evaluate only the window', async () => {
      const world = catalogWorld(10)

      for (const id of ['1', '4', '7', '9']) world.inventory[id] = stock(3)
      const docs = new FakeDocs()
      const w1 = sweepWorker(world, docs, 'wc-dies')
      const w2 = sweepWorker(world, docs, 'wc-resumes', undefined, {
        now: w1.clock.now,
      })

      // Chunks of 4: [1-4] [5-8] [9-10]. w1 hangs forever on SKU 6 (chunk 1, index 1).
      const original = w1.deps.catalog.skuContext

      w1.deps.catalog.skuContext = (id) =>
        id === '6' ? new Promise(() => undefined) : original(id)
      // Every cursor w1 persists: are the SKUs before it all stored, does `done` agree?
      const cursors: string[] = []
      const wrong: string[] = []
      const { write } = docs

      docs.write = async <T>(
        bucket: string,
        path: string,
        value: T,
        etag: string | null
      ) => {
        const run = value as unknown as RunDoc

        if (path.startsWith('runs/') && run.cursor?.phase === 'PROCESS') {
          const before = run.cursor.chunk * TUNING.pageSize + run.cursor.index

          cursors.push(`${before}`)
          if (run.done !== Math.min(before, 10))
            wrong.push(`done ${run.done} at ${before}`)
          for (let id = 1; id <= Math.min(before, 10); id++)
            if (!w1.exposures.get(`${id}-MKB`))
              wrong.push(`cursor ${before} past unfinished ${id}`)
        }

        return write.call(docs, bucket, path, value, etag)
      }

      const env1 = envOf(w1.deps, 3)
      const started = await startSweep(env1, {}, 'ADMIN', null)

      for (
        let i = 0;
        i < 500 && !w1.calls.catalog.includes('skuContext 8');
        i++
      ) {
        await later()
      }

      await later(50)
      const { run: midway } = await readRun(w1.deps, started.id)

      // 5 finished, 7 and 8 finished past the cursor, 6 never: the cursor waits at 6, and the
      // window (6, 7, 8) is as far as w1 went.
      expect(midway).toMatchObject({
        done: 5,
        cursor: { phase: 'PROCESS', chunk: 1, index: 1 },
      })
      expect(evaluated(w1.calls.catalog)).not.toContain('9')
      expect(cursors.length).toBeGreaterThan(3)
      expect(wrong).toEqual([])

      w2.clock.now += 31_000
      expect(await tick(envOf(w2.deps, 3))).toEqual({
        outcome: 'RESUMED',
        runId: started.id,
      })
      const run = await finished(envOf(w2.deps, 3), started.id)

      expect(run).toMatchObject({ state: 'DONE', done: 10, total: 10 })
      // From the cursor on: 6, the window past it that w1 had finished (7, 8), then the rest.
      expect(evaluated(w2.calls.catalog).sort((a, b) => +a - +b)).toEqual([
        '6',
        '7',
        '8',
        '9',
        '10',
      ])
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

describe('given two SKUs of one product in flight at once', () => {
  const context = (w: ReturnType<typeof sweepWorker>) =>
    newSweepContext(w.deps, {
      deps: w.deps,
      channels: [],
      checked: [],
      associated: null,
      seen: new Set(),
      exposed: new Set(),
      tally: newTally(),
      options: { cause: 'SWEEP', actor: null },
    })

  describe('when the first one is still checking the product', () => {
    it('should finish the second only once that check has, and check the product once', async () => {
      const w = sweepWorker(catalogWorld(2), new FakeDocs(), 'wc-siblings')
      const env = envOf(w.deps, 2)
      const sweep = context(w)
      let release: () => void = () => undefined
      const checks: string[] = []

      jest
        .spyOn(drift, 'checkProduct')
        .mockImplementation(async (ctx, productId, skuId) => {
          // As the real one: once per product and run, then a slow catalog read.
          if (ctx.seen.has(productId)) return { found: 0, claimed: 0 }
          checks.push(`${productId} by ${skuId}`)
          ctx.seen.add(productId)
          await new Promise<void>((r) => {
            release = r
          })

          return { found: 1, claimed: 0 }
        })

      const order: string[] = []
      const first = processSku(env, sweep, '1').then((r) => {
        order.push('1')

        return r
      })

      const second = processSku(env, sweep, '2').then((r) => {
        order.push('2')

        return r
      })

      for (let i = 0; i < 200 && checks.length === 0; i++) {
        await later()
      }

      await later(50)
      expect(checks).toHaveLength(1)
      expect(order).toEqual([]) // the second waits for the product, held through the check
      release()
      const results = await Promise.all([first, second])

      expect(checks).toHaveLength(1)
      // The check's drift is counted once, by the SKU that ran it.
      expect(results.map((r) => r.driftFound).sort((a, b) => a - b)).toEqual([
        0, 1,
      ])
      expect(results.every((r) => r.errorCode === null)).toBe(true)
    })
  })

  describe("when a sibling's evaluation is still writing the product's new association", () => {
    it('should check the product after it, not count the drift it fixes, and write once', async () => {
      // Product 101 = SKUs 3 and 4. SKU 3 was exposed on MKB and sold out with no event: its
      // evaluation withdraws the product (slowly); SKU 4 changes nothing.
      const world = catalogWorld(4)

      world.inventory['3'] = stock(5)
      const w = sweepWorker(world, new FakeDocs(), 'wc-gate')

      await evaluateAll(w.deps, ['3', '4'])
      expect(world.associations['101'].sort(byText)).toEqual(['1', '2'])
      world.inventory['3'] = []
      const { dissociateProduct } = w.deps.catalog

      w.deps.catalog.dissociateProduct = async (pid, sc) => {
        await later(40)

        return dissociateProduct(pid, sc)
      }

      w.calls.catalog.length = 0
      const env = envOf(w.deps, 2)
      const run = await finished(
        env,
        (
          await startSweep(env, { skuIds: ['3', '4'] }, 'ADMIN', null)
        ).id
      )

      expect(writesOf(w.calls)).toEqual(['dissociate 101 2'])
      expect(world.associations['101']).toEqual(['1'])
      // SKU 3's status change and its write: nothing more (the check found the product right).
      expect(run).toMatchObject({
        state: 'DONE',
        done: 2,
        errors: {},
        driftFound: 2,
        driftFixed: 2,
      })
    })
  })
})
