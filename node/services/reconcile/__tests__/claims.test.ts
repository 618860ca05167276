import { evaluateSku } from '../../evaluation/evaluate'
import { readRun } from '../runs'
import { settled, startSweep } from '../runner'
import type { SweepEnv } from '../types'
import {
  catalogWorld,
  FakeDocs,
  stock,
  sweepWorker,
  TUNING,
  writesOf,
} from './world'

describe("given a product whose catalog write a dead worker had claimed (a sweep's in-flight SKU)", () => {
  describe('when the resumed sweep finds the product drifted', () => {
    it.each([1, 2])(
      'should wait the claim out and fix the product, not leave it to the dead worker (concurrency %i)',
      async (concurrency) => {
        const world = catalogWorld(2)

        world.inventory['1'] = stock(5)
        const docs = new FakeDocs()
        const w = sweepWorker(world, docs, `wk-claimed-${concurrency}`)

        for (const id of ['1', '2']) {
          await evaluateSku(w.deps, id, { cause: 'EVENT' })
        }

        world.associations['100'] = ['1'] // off MKB although SKU 1 is EXPOSED there
        // The dead worker's claim, written as a worker writes it (a new version of the document).
        await docs.update<{ applying: Record<string, unknown> }>(
          'products',
          '100',
          () => ({ applying: {} }),
          (current) => ({
            ...current,
            applying: {
              ...current.applying,
              MKB: {
                owner: 'dead-worker:p1',
                until: w.clock.now + 30_000,
                to: true,
              },
            },
          })
        )
        w.calls.catalog.length = 0
        const sleeps: number[] = []
        const env: SweepEnv = {
          deps: w.deps,
          tuning: { ...TUNING, concurrency },
          sleep: async (ms) => {
            sleeps.push(ms)
            w.clock.now += ms
          },
        }

        const { id } = await startSweep(env, {}, 'ADMIN', null)

        await settled(w.deps)
        const { run } = await readRun(w.deps, id)

        expect(run).toMatchObject({ state: 'DONE', done: 2, errors: {} })
        // Checked again after 1, 2, 4, 8 and 16 s: the claim ran out after 30.
        expect(sleeps).toEqual([1000, 2000, 4000, 8000, 16_000])
        expect(writesOf(w.calls)).toEqual(['associate 100 2'])
        expect(run?.driftFound).toBe(1)
      }
    )
  })
})
