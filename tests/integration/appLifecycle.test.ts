/**
 * The app's install and uninstall through the real worker and the emulator: IO's `apps`
 * `setup` event registers the reconciliation tick with vtex.scheduler, once however often it
 * comes; nothing else registers it; uninstalling sends no event, so the task's week-long lease
 * is what removes it.
 */
import { post } from '../../emulator/server/delivery'
import type { Emulator } from '../support/emulator'
import { control, emulatorFor, lifecycle, vtex } from '../support/emulator'
import type { Worker } from '../support/worker'
import { freePort, graphql, startWorker } from '../support/worker'

const APP = 'marketplacea.marketplace-stock-gate'
const DAY = 24 * 60 * 60_000

interface Task {
  id: string
  scheduler: { expression: string; endDate: string | null }
  request: { uri: string; headers: Record<string, string> }
}

let emulator: Emulator
let worker: Worker

beforeAll(async () => {
  const port = await freePort()

  emulator = await emulatorFor(`http://127.0.0.1:${port}`)
  worker = await startWorker(emulator.url, port)
})

afterAll(async () => {
  await worker?.stop()
  await emulator?.close()
})

const tasks = async () => {
  const res = await vtex(
    emulator,
    'GET',
    `/api/scheduler/master/${APP}?version=4`
  )

  expect(res.status).toBe(200)

  return res.body as Task[]
}

const runTick = async () =>
  (
    await vtex(
      emulator,
      'POST',
      `/api/scheduler/master/${APP}/stock-gate-reconcile-tick/run`
    )
  ).body

describe('given a worker whose app was not installed yet', () => {
  it('should register nothing on its own, whatever it is asked', async () => {
    await graphql(worker, '{ reconciliationSchedule { fullEveryHours } }')
    await vtex(
      emulator,
      'PUT',
      '/api/logistics/pvt/inventory/skus/1/warehouses/wh-a',
      { quantity: 3, unlimitedQuantity: false, leadTime: '00:00:00' }
    )
    await control(emulator, 'POST', '/events/flush')

    expect(await tasks()).toEqual([])
  })
})

describe('when the app is installed', () => {
  let first: Task

  it('should register exactly one task, every 10 minutes, for a week', async () => {
    const installed = await lifecycle(emulator, 'install')

    expect(installed.deliveries).toEqual([
      { handler: 'onAppInstalled', status: 204 },
    ])
    const list = await tasks()

    expect(list).toHaveLength(1)
    ;[first] = list
    expect(first.id).toBe('stock-gate-reconcile-tick')
    expect(first.scheduler.expression).toBe('*/10 * * * *')
    expect(first.request.uri).toBe(
      'https://master--marketplacea.myvtex.com/_v/marketplace-stock-gate/reconcile/tick'
    )
    expect(first.request.headers['x-stock-gate-tick']).toMatch(/^[\w-]{20,}$/)
    const endsIn = Date.parse(first.scheduler.endDate ?? '') - Date.now()

    expect(endsIn).toBeGreaterThan(7 * DAY - 60_000)
    expect(endsIn).toBeLessThanOrEqual(7 * DAY)
    // The scheduler's call passes the secret and is answered.
    expect(await runTick()).toEqual({ status: 200 })
  })

  it('should still have one task, with the same secret, after a second install (a restart, an update)', async () => {
    await worker.stop()
    worker = await startWorker(emulator.url, worker.port)
    const again = await lifecycle(emulator, 'install', { version: '0.2.0' })

    expect(again.deliveries).toEqual([
      { handler: 'onAppInstalled', status: 204 },
    ])
    const list = await tasks()

    expect(list).toHaveLength(1)
    expect(list[0].request.headers).toEqual(first.request.headers)
    expect(await runTick()).toEqual({ status: 200 })
  })

  it("should leave the task as it is on another app's setup event", async () => {
    const before = await tasks()
    const status = await post(
      `${worker.url}/marketplacea/master/_events`,
      {
        to: {
          id: 'vtex.availability-notify@1.14.1',
          registry: 'smartcheckout',
        },
      },
      {
        'x-event-handler-id': 'onAppInstalled',
        'x-event-key': 'setup',
        'x-event-sender': 'apps',
        'x-vtex-account': 'marketplacea',
        'x-vtex-workspace': 'master',
        'x-vtex-credential': 'emulator-app-token',
      }
    )

    expect(status).toBe(204)
    expect(await tasks()).toEqual(before)
  })
})

describe('when the app is uninstalled', () => {
  afterAll(() => control(emulator, 'POST', '/events', { clockOffsetMs: 0 }))

  it("should get 404 from the app's route until the task's lease ends, then have no task", async () => {
    const removed = await lifecycle(emulator, 'uninstall')

    // IO sends no event on uninstall.
    expect(removed.event).toBeNull()
    expect(await runTick()).toEqual({ status: 404 })
    expect(await tasks()).toHaveLength(1)

    // A week later on VTEX's clock, no tick has extended the lease: the task is gone.
    await control(emulator, 'POST', '/events', { clockOffsetMs: 7 * DAY })
    expect(await tasks()).toEqual([])
    expect(
      (
        await vtex(
          emulator,
          'POST',
          `/api/scheduler/master/${APP}/stock-gate-reconcile-tick/run`
        )
      ).status
    ).toBe(404)
  })
})
