/**
 * A catalog write VTEX refused, whose in-memory retries a restart lost: the scheduler's next tick
 * settles it from the product's pending change, with no event and no sweep, and the overview's
 * count of writes not done yet goes back to zero.
 */
import type { Emulator } from '../support/emulator'
import { control, vtex } from '../support/emulator'
import { startSystem, stopSystem } from '../support/system'
import type { Worker } from '../support/worker'
import { graphql, startWorker, waitFor } from '../support/worker'
import { policies, setModes } from '../integration/reconcileSupport'
import { auditOf, refuseSku1OnMkb } from './support'

// No grace: the test's pending change is a second old, not five minutes.
const ENV = { PENDING_WRITE_GRACE_MS: '1' }
const APP = 'marketplacea.marketplace-stock-gate'
let emulator: Emulator
let worker: Worker

beforeAll(async () => {
  const system = await startSystem({ env: ENV })

  emulator = system.emulator
  worker = system.worker
  await setModes(worker, 'ENFORCE')
})

afterAll(() => stopSystem({ emulator, worker }))

async function pendingOnMkb() {
  const res = await graphql<{
    exposureSummary: Array<{
      channel: { id: string }
      wouldExpose: number
      wouldWithdraw: number
    }>
  }>(worker, '{ exposureSummary { channel { id } wouldExpose wouldWithdraw } }')

  const mkb = res.data?.exposureSummary.find((s) => s.channel.id === 'MKB')

  return mkb && mkb.wouldExpose + mkb.wouldWithdraw
}

describe('given a refused catalog write and a worker restarted before its retries', () => {
  it('should settle it at the next scheduler tick, once VTEX accepts writes again', async () => {
    await refuseSku1OnMkb(emulator, worker)
    expect(await pendingOnMkb()).toBe(1)

    // The restart: the 5 s retry this worker scheduled dies with it.
    await worker.stop()
    await control(emulator, 'DELETE', '/faults')
    worker = await startWorker(emulator.url, worker.port, ENV)
    await new Promise((resolve) => setTimeout(resolve, 6_000))
    expect(await policies(emulator, '1')).not.toContain('2')

    // vtex.scheduler calls the tick the app registered on install (startSystem installs it).
    const run = await vtex(
      emulator,
      'POST',
      `/api/scheduler/master/${APP}/stock-gate-reconcile-tick/run`
    )

    expect(run.body).toEqual({ status: 200 })
    await waitFor('the settled write', async () =>
      (await policies(emulator, '1')).includes('2')
    )
    expect(await pendingOnMkb()).toBe(0)
    const writes = (await auditOf(worker, '1')).filter(
      (e) => e.kind === 'ENFORCEMENT_WRITE' && e.channel === 'MKB'
    )

    expect(writes.map((e) => e.cause)).toEqual(['SYSTEM'])
  }, 60_000)
})
