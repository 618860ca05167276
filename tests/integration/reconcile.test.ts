/**
 * Reconciliation through the real worker and the emulator: drift fixed by one ENFORCE sweep and
 * none found by the next; a worker killed mid-sweep and another finishing it; 429s with
 * Retry-After slowing a sweep that still completes.
 */
import type { Emulator } from '../support/emulator'
import { control, emulatorFor, vtex } from '../support/emulator'
import type { Worker } from '../support/worker'
import { freePort, graphql, startWorker, waitFor } from '../support/worker'
import {
  changed,
  counters,
  decisions,
  expectRightAssociations,
  finished,
  firstExposedSku,
  freshAccount,
  runOf,
  salesPolicyWrites,
  setModes,
  snapshot,
  startRun,
  SWEEP_ENV,
  tickRoute,
} from './reconcileSupport'

let emulator: Emulator
let worker: Worker
let port: number

beforeAll(async () => {
  port = await freePort()
  emulator = await emulatorFor(`http://127.0.0.1:${port}`, 'none')
  worker = await startWorker(emulator.url, port, SWEEP_ENV)
})

afterAll(async () => {
  await worker?.stop()
  await emulator?.close()
})

describe('given an account seeded with drift and events switched off', () => {
  it('should fix every association with one ENFORCE full sweep, and the next sweep should find nothing', async () => {
    await freshAccount(emulator, 40)
    await setModes(worker, 'ENFORCE')
    const before = await snapshot(emulator)

    await control(emulator, 'POST', '/counters/reset')
    const first = await finished(worker, (await startRun(worker)).id)

    expect(first).toMatchObject({
      state: 'DONE',
      total: 40,
      done: 40,
      errors: [],
    })
    const afterFirst = await snapshot(emulator)
    const writes = salesPolicyWrites(await counters(emulator))

    expect(changed(before, afterFirst)).toBeGreaterThan(0)
    // At least one write per change; more only where the engine settles a product before its
    // sibling SKUs are known (reported: a first WITHHELD SKU dissociates, an EXPOSED sibling
    // re-associates). The kill test below compares writes with an uninterrupted run instead.
    expect(writes).toBeGreaterThanOrEqual(changed(before, afterFirst))
    expect(first.driftFound).toBeGreaterThan(0)

    expectRightAssociations(await decisions(worker), afterFirst)

    // More drift, by hand and with events off: every product taken off MKB's trade policy, one
    // whose SKUs are all withheld put on it, and the seller of an exposed SKU removed.
    const before2 = await decisions(worker)
    const withheld = [...before2].find(([, want]) => want.MKB === false)?.[0]
    const exposedSku = await firstExposedSku(worker)

    for (const [id, sc] of afterFirst) {
      if (sc.includes('2'))
        await vtex(
          emulator,
          'DELETE',
          `/api/catalog/pvt/product/${id}/salespolicy/2`
        )
    }

    expect(withheld).toBeDefined()
    await vtex(
      emulator,
      'POST',
      `/api/catalog/pvt/product/${withheld}/salespolicy/2`
    )
    const bindings = (
      await vtex(
        emulator,
        'GET',
        `/api/sku-binding/pvt/skusellers/${exposedSku}`
      )
    ).body as Array<{ SellerId: string; SellerSkuId: string }>

    for (const b of bindings)
      await vtex(
        emulator,
        'POST',
        `/api/sku-binding/pvt/skuseller/inactivate/${b.SellerId}/${b.SellerSkuId}`
      )

    const second = await finished(worker, (await startRun(worker)).id)

    expect(second).toMatchObject({ state: 'DONE', errors: [] })
    expect(second.driftFound).toBeGreaterThan(1)
    const exposure = await graphql<{
      exposure: { status: string; reasons: string[] }
    }>(
      worker,
      `{ exposure(skuId: "${exposedSku}", channel: "MKB") { status reasons } }`
    )

    expect(exposure.data?.exposure).toEqual({
      status: 'WITHHELD',
      reasons: ['SELLER_INACTIVE'],
    })
    expectRightAssociations(await decisions(worker), await snapshot(emulator))

    await control(emulator, 'POST', '/counters/reset')
    const third = await finished(worker, (await startRun(worker)).id)

    expect(third).toMatchObject({
      state: 'DONE',
      driftFound: 0,
      driftFixed: 0,
      errors: [],
    })
    const c = await counters(emulator)

    expect(salesPolicyWrites(c)).toBe(0)
    // Calls per SKU of a clean sweep, as the emulator counted them (all APIs).
    expect(c.total / 40).toBeLessThan(15)
  })
})

describe('given a sweep in progress', () => {
  it('should answer a second start with SWEEP_ALREADY_RUNNING and the running id', async () => {
    await freshAccount(emulator, 30)
    await setModes(worker, 'OBSERVE')
    const run = await startRun(worker)
    const again = await graphql(
      worker,
      'mutation { startReconciliation(scope: {}) { id } }'
    )

    expect(again.errors?.[0]?.message).toBe(`SWEEP_ALREADY_RUNNING:${run.id}`)
    await finished(worker, run.id)
  })
})

describe("given a filter from the admin's exposures table", () => {
  it('should sweep exactly the SKUs the filter matches, and say so in the run', async () => {
    await freshAccount(emulator, 30)
    await setModes(worker, 'OBSERVE')
    await finished(worker, (await startRun(worker)).id)

    const filter = { channel: 'MKB', reason: 'NO_MARKETPLACE_STOCK' }
    const matching = await graphql<{
      exposures: { total: number; items: Array<{ skuId: string }> }
    }>(
      worker,
      'query ($f: ExposureFilter) { exposures(filter: $f, pageSize: 100) { total items { skuId } } }',
      { f: filter }
    )

    const total = matching.data?.exposures.total ?? 0

    // A filter that matches some SKUs but not all, or the test proves nothing.
    expect(total).toBeGreaterThan(0)
    expect(total).toBeLessThan(30)

    const run = await finished(worker, (await startRun(worker, filter)).id)

    expect(run).toMatchObject({ state: 'DONE', total, done: total })
    const scope = await graphql<{
      reconciliation: { scope: { channel: string; reason: string } }
    }>(
      worker,
      'query ($id: ID) { reconciliation(id: $id) { scope { channel reason } } }',
      { id: run.id }
    )

    expect(scope.data?.reconciliation.scope).toEqual(filter)
  })
})

describe('given the worker is killed in the middle of a sweep', () => {
  it('should be finished by another worker with no SKU skipped and no change applied twice', async () => {
    // The same account swept without interruption: the writes and the end state to match.
    await freshAccount(emulator, 60)
    await setModes(worker, 'ENFORCE')
    await control(emulator, 'POST', '/counters/reset')
    await finished(worker, (await startRun(worker)).id)
    const expectedWrites = salesPolicyWrites(await counters(emulator))
    const expectedState = await snapshot(emulator)

    await freshAccount(emulator, 60)
    await setModes(worker, 'ENFORCE')
    await control(emulator, 'POST', '/counters/reset')
    // Slow the catalog so the kill lands mid-sweep.
    await control(emulator, 'POST', '/faults', {
      match: 'GET /api/catalog_system/pvt/sku/stockkeepingunitbyid/*',
      latencyMs: 60,
    })
    const { id } = await startRun(worker)

    await waitFor('sweep midway', async () => {
      const run = await runOf(worker, id)

      return run && run.done >= 12 && run.done < 45
    })
    worker.kill()
    await control(emulator, 'DELETE', '/faults')
    worker = await startWorker(emulator.url, port, SWEEP_ENV)
    // What vtex.scheduler calls in IO: the tick resumes the run once the dead worker's lock expired.
    const resumed = await waitFor(
      'resumed',
      async () => {
        const res = await tickRoute(emulator, worker)

        return res.outcome === 'RESUMED' ? res : null
      },
      15_000
    )

    expect(resumed.runId).toBe(id)
    const run = await finished(worker, id, 55_000)

    expect(run).toMatchObject({ state: 'DONE', total: 60, done: 60 })
    expect(salesPolicyWrites(await counters(emulator))).toBe(expectedWrites)
    expect(await snapshot(emulator)).toEqual(expectedState)
    // Nothing skipped: a check sweep finds no drift left.
    const check = await finished(worker, (await startRun(worker)).id)

    expect(check).toMatchObject({ driftFound: 0, driftFixed: 0 })
  }, 120_000)
})

describe('given the catalog answers 429 with Retry-After past 4 calls a second', () => {
  it('should slow down and complete, and the counters should show the limit respected', async () => {
    await freshAccount(emulator, 20)
    await setModes(worker, 'OBSERVE')
    await control(emulator, 'POST', '/counters/reset')
    await control(emulator, 'POST', '/ratelimit', {
      api: 'catalog',
      perSecond: 4,
    })
    const started = Date.now()
    const run = await finished(worker, (await startRun(worker)).id, 55_000)
    const seconds = (Date.now() - started) / 1000

    await control(emulator, 'POST', '/ratelimit', {
      api: 'catalog',
      perSecond: 0,
    })
    expect(run).toMatchObject({ state: 'DONE', done: 20, errors: [] })
    const c = await counters(emulator)
    const served = Object.entries(c.statuses)
      .filter(([k]) => k.startsWith('catalog 2'))
      .reduce((n, [, v]) => n + v, 0)

    // The emulator's bucket served at most its rate (plus one burst) over the sweep.
    expect(served).toBeLessThanOrEqual(4 * seconds + 4)
  }, 90_000)
})
