import { evaluationsIdle } from '../../evaluation/engine'
import { evaluateSku } from '../../evaluation/evaluate'
import { baselinesOf, readBaselines } from '../../shared/baselines'
import { readRun } from '../runs'
import { settled, startSweep } from '../runner'
import type { SweepEnv } from '../types'
import { catalogWorld, FakeDocs, stock, sweepWorker, TUNING } from './world'
import { sku } from '../../shared/__tests__/fakes'

const byText = (a: string, b: string) => a.localeCompare(b)
const envOf = (deps: SweepEnv['deps']): SweepEnv => ({
  deps,
  tuning: TUNING,
  sleep: async () => undefined,
})

async function sweep(env: SweepEnv, scope = {}) {
  const started = await startSweep(env, scope, 'ADMIN', 'admin@x')

  await settled(env.deps)
  await evaluationsIdle(env.deps)

  return (await readRun(env.deps, started.id)).run
}

const statusEntries = (w: ReturnType<typeof sweepWorker>) =>
  [...w.audit.values()].filter((e) => e.kind === 'STATUS_CHANGE')

describe('given an account where no sweep has finished yet', () => {
  const setup = () => {
    const world = catalogWorld(4)

    world.inventory['1'] = stock(5)
    const docs = new FakeDocs()
    const w = sweepWorker(world, docs, 'w1', { MKB: 'OBSERVE', GGL: 'OBSERVE' })

    return { world, docs, w, env: envOf(w.deps) }
  }

  it('should decide and project every SKU in the first full sweep without one status entry, and record the channels baselined', async () => {
    const { docs, w, env } = setup()

    expect((await sweep(env))?.state).toBe('DONE')
    expect(statusEntries(w)).toEqual([])
    expect(w.exposures.size).toBe(8)
    const baselines = await readBaselines(docs)

    expect(baselines('MKB')).toEqual(expect.any(String))
    expect(baselines('GGL')).toEqual(expect.any(String))
  })

  it('should audit what changes after the baseline, and a SKU first decided after it', async () => {
    const { world, w, env } = setup()

    await sweep(env)
    world.inventory['1'] = []
    world.skus['9'] = sku('9', '109', ['sellera'])
    world.associations['109'] = ['1']
    world.prices['9'] = { ...world.prices['1'], itemId: '9' }
    await sweep(env)

    const entries = statusEntries(w).map((e) => [
      e.skuId,
      e.channel,
      e.fromStatus,
    ])

    expect(entries).toEqual(
      expect.arrayContaining([
        ['1', 'MKB', 'EXPOSED'],
        ['9', 'MKB', null],
        ['9', 'GGL', null],
      ])
    )
    expect(entries).toHaveLength(3)
  })

  it("should audit an event's first decision, and baseline nothing on a filtered sweep", async () => {
    const { docs, w, env } = setup()

    await evaluateSku(w.deps, '1', { cause: 'EVENT' })
    expect(
      statusEntries(w)
        .map((e) => e.channel ?? '')
        .sort(byText)
    ).toEqual(['GGL', 'MKB'])
    await sweep(env, { statuses: ['ERROR'] })

    expect((await readBaselines(docs))('MKB')).toBeNull()
  })

  it('should baseline only the channel of a whole-channel sweep', async () => {
    const { docs, w, env } = setup()

    await sweep(env, { channel: 'MKB' })

    expect(statusEntries(w).filter((e) => e.channel === 'MKB')).toEqual([])
    const baselines = await readBaselines(docs)

    expect(baselines('MKB')).toEqual(expect.any(String))
    expect(baselines('GGL')).toBeNull()
  })
})

describe('given a run index from before per-channel baselines', () => {
  it("should take its finished full sweep as every channel's baseline, and none without one", () => {
    const at = '2026-11-01T00:00:00.000Z'

    expect(baselinesOf({ ids: [], fullDoneAt: at })('MKB')).toBe(at)
    expect(baselinesOf({ ids: [] })('MKB')).toBeNull()
    expect(
      baselinesOf({ ids: [], fullDoneAt: at, baselines: {} })('MKB')
    ).toBeNull()
  })
})
