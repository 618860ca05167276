/**
 * Until a full sweep has finished, the overview must not read its zeros as facts: `firstSweep`
 * through the real worker and the emulator, before, during and after the first full sweep.
 */
import type { Emulator } from '../support/emulator'
import { startSystem, stopSystem } from '../support/system'
import type { Worker } from '../support/worker'
import { graphql } from '../support/worker'
import { finished, freshAccount, startRun, SWEEP_ENV } from './reconcileSupport'

let emulator: Emulator
let worker: Worker

beforeAll(async () => {
  const system = await startSystem({ seed: 'none', env: SWEEP_ENV })

  emulator = system.emulator
  worker = system.worker
  await freshAccount(emulator, 8)
})

afterAll(() => stopSystem({ emulator, worker }))

const firstSweep = async () =>
  (
    await graphql<{
      firstSweep: { done: boolean; run: { id: string; state: string } | null }
    }>(worker, '{ firstSweep { done run { id state } } }')
  ).data?.firstSweep

it('says no full sweep has run, then which one finished, and a partial sweep does not count', async () => {
  expect(await firstSweep()).toEqual({ done: false, run: null })

  const partial = await startRun(worker, { statuses: ['ERROR'] })

  await finished(worker, partial.id)
  expect(await firstSweep()).toEqual({ done: false, run: null })

  const full = await startRun(worker)

  expect((await firstSweep())?.run?.id).toBe(full.id)
  await finished(worker, full.id)
  expect(await firstSweep()).toEqual({
    done: true,
    run: { id: full.id, state: 'DONE' },
  })

  const later = await startRun(worker, { statuses: ['ERROR'] })

  await finished(worker, later.id)
  expect((await firstSweep())?.done).toBe(true)
})
