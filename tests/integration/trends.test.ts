/**
 * The overview's trends through the real worker and the emulator: the scheduler's tick records
 * each channel's point of the day in VBase once a full sweep has finished, a second tick the same
 * day writes nothing, and the
 * `trends` query answers the point.
 */
import type { Emulator } from '../support/emulator'
import { emulatorFor, vtex } from '../support/emulator'
import type { Worker } from '../support/worker'
import { freePort, graphql, startWorker, waitFor } from '../support/worker'
import { finished, startRun, tickRoute } from './reconcileSupport'

const FILE =
  '/vbase/v2/marketplacea/master/buckets/marketplacea.marketplace-stock-gate/trends/files/channels/MKB'

let emulator: Emulator
let worker: Worker

beforeAll(async () => {
  const port = await freePort()

  emulator = await emulatorFor(`http://127.0.0.1:${port}`)
  worker = await startWorker(emulator.url, port, { FEED_SETTLE_MS: '0' })
})

afterAll(async () => {
  await worker?.stop()
  await emulator?.close()
})

interface Stored {
  points: Array<{ day: string; total: number; exposed: number }>
  marker?: string
}

const storedPoints = async () =>
  (await vtex(emulator, 'GET', FILE, undefined, 'infra.io.vtex.com'))
    .body as Stored | null

describe('given the demo account swept once and no trend recorded yet', () => {
  // Until a full sweep has finished, the tick records no point (its counts would be partial).
  beforeAll(async () => {
    const run = await startRun(worker)

    const done = await finished(worker, run.id)

    if (done.state !== 'DONE') throw new Error(`the sweep ended ${done.state}`)
  })

  describe("when the scheduler's tick runs", () => {
    it("should record today's point, answer it, and write nothing on a second tick the same day", async () => {
      await tickRoute(emulator, worker)
      const first = await waitFor('the day’s MKB point', async () => {
        const doc = await storedPoints()

        return doc?.points?.length ? doc : null
      })

      expect(first.points).toEqual([
        expect.objectContaining({
          day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
          total: expect.any(Number),
          exposed: expect.any(Number),
        }),
      ])
      // The swept catalog's counts, not the zeros of a workspace not decided yet.
      expect(first.points[0].total).toBeGreaterThan(0)

      // A mark the worker's own write would drop (it writes `{ points }` only).
      const marked = { ...first, marker: 'untouched' }

      expect(
        (await vtex(emulator, 'PUT', FILE, marked, 'infra.io.vtex.com')).status
      ).toBeLessThan(300)
      await tickRoute(emulator, worker)
      await new Promise((resolve) => setTimeout(resolve, 1500))
      expect(await storedPoints()).toEqual(marked)

      const res = await graphql<{
        trends: { days: number; points: Array<{ day: string }> }
      }>(worker, '{ trends(channel: "MKB", days: 90) { days points { day } } }')

      expect(res.data?.trends).toEqual({
        days: 90,
        points: [{ day: first.points[0].day }],
      })
    })
  })

  describe('when the query asks for another window or an unknown channel', () => {
    it.each([
      ['{ trends(channel: "MKB", days: 7) { days } }', 'INVALID_TREND_DAYS'],
      ['{ trends(channel: "ZZZ") { days } }', 'UNKNOWN_CHANNEL'],
    ])('%s should be refused with %s', async (query, message) => {
      const res = await graphql(worker, query)

      expect(res.errors?.map((e: { message: string }) => e.message)).toEqual([
        message,
      ])
    })
  })
})
