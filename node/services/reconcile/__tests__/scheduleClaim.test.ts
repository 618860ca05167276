import * as runs from '../runs'
import { settled, tick } from '../runner'
import { readScheduleState } from '../schedule'
import type { SweepEnv } from '../types'
import { catalogWorld, FakeDocs, sweepWorker, TUNING } from './world'

const envOf = (deps: SweepEnv['deps']): SweepEnv => ({
  deps,
  tuning: TUNING,
  sleep: async () => undefined,
})

beforeEach(() => {
  jest.restoreAllMocks()
})

describe('given a scheduled full sweep that is due', () => {
  describe('when the run cannot be created (storage failing)', () => {
    it('should give its slot back, so the next tick starts it instead of a day later', async () => {
      const w = sweepWorker(catalogWorld(4), new FakeDocs(), 'w1')
      const env = envOf(w.deps)

      jest
        .spyOn(runs, 'createRun')
        .mockRejectedValueOnce(
          Object.assign(new Error('503'), { response: { status: 503 } })
        )

      await expect(tick(env)).rejects.toThrow('503')
      // The claim was given back: nothing says a full sweep started.
      expect((await readScheduleState(w.deps)).lastFullAt).toBeNull()

      w.clock.now += 10 * 60_000
      const next = await tick(env)

      expect(next.outcome).toBe('STARTED')
      await settled(w.deps)
      expect((await readScheduleState(w.deps)).lastFullAt).toBe(
        new Date(w.clock.now).toISOString()
      )
    })
  })
})
