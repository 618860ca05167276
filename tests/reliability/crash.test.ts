/**
 * A worker killed (SIGKILL) in the middle of enforcement: after a restart and a partial sweep of the
 * affected SKUs nothing is lost (every decision equals fresh reads, every product's association
 * matches its decisions) and nothing is applied twice (one catalog write per product that had to
 * change); the audit trail has no duplicate ids and no gaps.
 */
import type { Emulator } from '../support/emulator'
import { control, emulatorFor } from '../support/emulator'
import type { Worker } from '../support/worker'
import { freePort, sendEvent, startWorker, waitFor } from '../support/worker'
import {
  counters,
  finished,
  policies,
  salesPolicyWrites,
  setModes,
  startRun,
  SWEEP_ENV,
} from '../integration/reconcileSupport'
import type { AuditItem } from './support'
import {
  auditOf,
  chainProblems,
  fresh,
  productSkus,
  setStock,
  statusChain,
  stored,
} from './support'

let emulator: Emulator
let worker: Worker
let port: number

beforeAll(async () => {
  port = await freePort()
  emulator = await emulatorFor(`http://127.0.0.1:${port}`)
  await control(emulator, 'POST', '/events', { enabled: false })
  worker = await startWorker(emulator.url, port, SWEEP_ENV)
  await setModes(worker, 'ENFORCE')
})

afterAll(async () => {
  await worker?.stop()
  await emulator?.close()
})

// SKUs with stock in wh-a (sold on MKB when stocked): 20 units each in the demo seed.
const SKUS = Array.from({ length: 16 }, (_, i) => String(2 + i * 10))

describe('given a worker killed in the middle of enforcement', () => {
  it('should, after restart and a partial sweep, have lost nothing, applied nothing twice, and an audit without gaps or duplicates', async () => {
    // A known starting point: every SKU evaluated and enforced.
    await finished(worker, (await startRun(worker, { skuIds: SKUS })).id)
    const products = [
      ...new Set(
        (await Promise.all(SKUS.map((s) => stored(worker, s)))).map(
          (d) => d?.productId ?? ''
        )
      ),
    ]

    // Every trade policy each product is on (MKB's 2 and GGL's 3 both get written), taken once
    // the run's background work is done: a withdrawal waits on siblings evaluated after the run
    // answered, and its write must not land between this snapshot and the write count.
    const snapshot = async () => {
      const writes = salesPolicyWrites(await counters(emulator))
      const on = new Map(
        await Promise.all(
          products.map(async (p) => [p, await policies(emulator, p)] as const)
        )
      )

      await new Promise((r) => setTimeout(r, 500))

      return salesPolicyWrites(await counters(emulator)) === writes
        ? { on, writes }
        : null
    }

    let quiet = await snapshot()

    while (!quiet) quiet = await snapshot()
    const { on: before, writes: writesBefore } = quiet

    // Flip every SKU's stock, then deliver the events and kill the worker once it is enforcing.
    for (const [i, s] of SKUS.entries()) {
      const exposed = (await stored(worker, s))?.status === 'EXPOSED'

      await setStock(emulator, s, exposed ? 0 : 30 + i)
    }

    const logsAt = worker.logs.length
    const inFlight = SKUS.map((s) =>
      sendEvent(worker, { IdSku: s, StockModified: true }).catch(() => null)
    )

    await waitFor(
      'the first enforcement write',
      async () =>
        worker.logs
          .slice(logsAt)
          .some((l) => l.includes('"message":"enforce-write-done"')),
      20_000
    )
    worker.kill()
    await Promise.all(inFlight)

    worker = await startWorker(emulator.url, port, SWEEP_ENV)
    // The dead worker's leases on the SKUs and products run out (30 s), then the sweep repairs.
    await new Promise((r) => setTimeout(r, 31_000))
    const run = await finished(
      worker,
      (
        await startRun(worker, { skuIds: SKUS })
      ).id
    )

    expect(run.state).toBe('DONE')

    // Nothing lost: decisions are what fresh reads give, associations follow the decisions.
    const after = await Promise.all(SKUS.map((s) => stored(worker, s)))
    const rows = await Promise.all(
      products.map(async (p) => {
        const siblings = await productSkus(emulator, p)
        const decisions = await Promise.all(
          siblings.map((s) => stored(worker, s))
        )

        const now = await policies(emulator, p)

        return [
          p,
          now.includes('2'),
          decisions.some((d) => d?.status === 'EXPOSED'),
          now,
        ] as const
      })
    )

    expect(rows.map(([p, inCatalog]) => [p, inCatalog])).toEqual(
      rows.map(([p, , exposed]) => [p, exposed])
    )

    // Nothing applied twice: one catalog write per product × trade policy that had to change
    // (on any channel: a GGL withdrawal the killed worker made counts as much as MKB's).
    const flips = rows.flatMap(([p, , , now]) => {
      const was = before.get(p) ?? []

      return [
        ...now.filter((tp) => !was.includes(tp)),
        ...was.filter((tp) => !now.includes(tp)),
      ].map((tp) => `${p}:${tp}`)
    })

    expect(flips.filter((f) => f.endsWith(':2')).length).toBeGreaterThan(0)
    expect(salesPolicyWrites(await counters(emulator)) - writesBefore).toBe(
      flips.length
    )

    const truth: Array<Awaited<ReturnType<typeof fresh>>> = []

    for (const s of SKUS) {
      truth.push(await fresh(worker, s))
    }

    expect(SKUS.map((s, i) => [s, after[i]])).toEqual(
      SKUS.map((s, i) => [s, truth[i]])
    )

    // The audit: no id twice, and each SKU's status changes form a chain ending where it is.
    const audits: AuditItem[] = []

    for (const s of SKUS) {
      audits.push(...(await auditOf(worker, s)))
    }

    const own = audits.filter((a) => a.skuId !== null)
    const ids = own.map((a) => a.id)

    expect(ids.length - new Set(ids).size).toBe(0)
    expect(
      SKUS.map((s, i) => [
        s,
        chainProblems(statusChain(own, s, 'MKB'), after[i]?.status ?? null),
      ])
    ).toEqual(SKUS.map((s) => [s, []]))
  })
})
