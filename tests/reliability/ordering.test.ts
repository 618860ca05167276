/**
 * Duplicate and out-of-order broadcaster events, and an operator's override racing an event for
 * the same SKU: the stored decisions converge to what fresh reads give, whatever the order, and the
 * audit trail tells the same story as the final state (a gap-free chain of status changes).
 */
import fc from 'fast-check'

import type { Emulator } from '../support/emulator'
import { control, emulatorFor } from '../support/emulator'
import type { Worker } from '../support/worker'
import { freePort, graphql, sendEvent, startWorker } from '../support/worker'
import {
  auditOf,
  chainProblems,
  fresh,
  setStock,
  statusChain,
  stored,
} from './support'

let emulator: Emulator
let worker: Worker

beforeAll(async () => {
  const port = await freePort()

  emulator = await emulatorFor(`http://127.0.0.1:${port}`)
  // The test delivers the events itself, in the order it chooses.
  await control(emulator, 'POST', '/events', { enabled: false })
  worker = await startWorker(emulator.url, port)
})

afterAll(async () => {
  await worker?.stop()
  await emulator?.close()
})

// Demo SKUs with a third-party seller, a price and a stock row in wh-a (sold on MKB when stocked).
const SKUS = ['2', '12', '22', '32', '42', '52']

// DateModified is when the change happened, as VTEX stamps it (the app skips an event older than
// its last read of the SKU: that read already saw the change).
const event = (skuId: string, at: Date) => ({
  IdSku: skuId,
  An: 'marketplacea',
  StockModified: true,
  DateModified: at.toISOString(),
})

describe('given stock changes whose events arrive duplicated and out of order', () => {
  it('should hold, for every SKU, the decision fresh reads give', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            sku: fc.constantFrom(...SKUS),
            quantity: fc.constantFrom(0, 1, 2, 5, 40),
          }),
          { minLength: 3, maxLength: 10 }
        ),
        fc.array(fc.nat(), { minLength: 0, maxLength: 8 }),
        fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
        async (writes, duplicates, keys) => {
          const events: Array<ReturnType<typeof event>> = []

          for (const w of writes) {
            await setStock(emulator, w.sku, w.quantity)
            events.push(event(w.sku, new Date()))
          }

          const delivered = [
            ...events,
            ...duplicates.map((d) => events[d % events.length]),
          ]

          const order = keys.take(delivered.length)
          const shuffled = [...delivered]
            .map((e, i) => ({ e, k: [...order][i] ?? 0 }))
            .sort((a, b) => a.k - b.k)
            .map(({ e }) => e)

          // Concurrently, as several IO replicas would receive them.
          const answers = await Promise.all(
            shuffled.map((e) => sendEvent(worker, e).then((r) => r.status))
          )

          expect(answers.every((s) => s === 204)).toBe(true)
          const touched = [...new Set(writes.map((w) => w.sku))]
          const after = await Promise.all(touched.map((s) => stored(worker, s)))
          const truth: Array<Awaited<ReturnType<typeof fresh>>> = []

          for (const s of touched) {
            truth.push(await fresh(worker, s))
          }

          expect(touched.map((s, i) => [s, after[i]])).toEqual(
            touched.map((s, i) => [s, truth[i]])
          )
        }
      ),
      { numRuns: 12, seed: 61 }
    )
  })

  it('should keep a gap-free audit chain ending at the current status for every SKU', async () => {
    for (const skuId of SKUS) {
      const current = (await stored(worker, skuId))?.status ?? null
      const chain = statusChain(await auditOf(worker, skuId), skuId, 'MKB')

      expect([skuId, chainProblems(chain, current)]).toEqual([skuId, []])
      expect(chain.length).toBeGreaterThan(0)
    }
  })
})

const OVERRIDE = `mutation ($i: OverrideInput!) { setOverride(input: $i) { status reasons } }`
const CLEAR = `mutation ($s: ID!) { clearOverride(skuId: $s, channel: "MKB") { status reasons } }`

describe("given an operator's override racing an event for the same SKU", () => {
  it.each([
    ['BLOCK while stock arrives', 'BLOCK', 40, 'WITHHELD'],
    ['ALLOW while stock leaves', 'ALLOW', 0, 'EXPOSED'],
  ] as const)(
    'when it is %s, should end in the override and an audit that agrees',
    async (_l, action, quantity, expected) => {
      const skuId = '72'

      await setStock(emulator, skuId, quantity === 0 ? 40 : 0)
      await sendEvent(worker, event(skuId, new Date()))
      await setStock(emulator, skuId, quantity)
      const changed = new Date()

      const [override] = await Promise.all([
        graphql(worker, OVERRIDE, {
          i: { skuId, channel: 'MKB', action, note: 'race test' },
        }),
        sendEvent(worker, event(skuId, changed)),
        sendEvent(worker, event(skuId, changed)),
      ])

      expect(override.errors).toBeUndefined()
      const final = await stored(worker, skuId)

      expect(final?.status).toBe(expected)
      expect(final).toEqual(await fresh(worker, skuId))
      const audit = await auditOf(worker, skuId)
      const chain = statusChain(audit, skuId, 'MKB')

      expect(chainProblems(chain, final?.status ?? null)).toEqual([])
      expect(
        audit.filter(
          (a) =>
            a.kind === 'OVERRIDE_SET' && a.reasons.includes(`MANUAL_${action}`)
        ).length
      ).toBeGreaterThan(0)
    }
  )
})

describe('given an operator clearing an override while an event for the same SKU arrives', () => {
  it("should end in the rules' decision and an audit that agrees", async () => {
    const skuId = '82'

    // The race is timing-dependent: a few rounds, each from a different starting point.
    for (let round = 0; round < 6; round++) {
      await setStock(emulator, skuId, round % 2 === 0 ? 40 : 0)
      const stocked = new Date()
      // The override itself races the stock change's (duplicated) event, as in the cases above.
      const [set] = await Promise.all([
        graphql(worker, OVERRIDE, {
          i: {
            skuId,
            channel: 'MKB',
            action: round % 2 === 0 ? 'BLOCK' : 'ALLOW',
            note: 'race test',
          },
        }),
        sendEvent(worker, event(skuId, stocked)),
        sendEvent(worker, event(skuId, stocked)),
      ])

      expect(set.errors).toBeUndefined()
      const changed = new Date()

      await Promise.all([
        graphql(worker, CLEAR, { s: skuId }),
        sendEvent(worker, event(skuId, changed)),
      ])
      const cleared = await stored(worker, skuId)

      expect([round, cleared]).toEqual([round, await fresh(worker, skuId)])
      expect(
        chainProblems(
          statusChain(await auditOf(worker, skuId), skuId, 'MKB'),
          cleared?.status ?? null
        )
      ).toEqual([])
    }
  })
})
