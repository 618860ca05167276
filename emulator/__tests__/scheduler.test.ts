import type { Emulator } from '../index'
import { untilNextMark } from '../apis/schedulerTasks'
import { AUTH, account, call, start, stubService } from './helpers'

/**
 * vtex.scheduler runs a `*\/N * * * *` task on the clock's N-minute marks (cron), so the app's
 * tick registered at install first runs within N minutes, at the next mark: what `npm start`
 * (the emulator in `cron` mode) shows an operator after an install.
 */
/** Registers an every-minute task of another app, as an app registers its own. */
const register = (emulator: Emulator, id: string) =>
  call(
    emulator,
    'PUT',
    account('/api/scheduler/master/vendor.other-app?version=4'),
    {
      headers: AUTH,
      body: {
        id,
        scheduler: { expression: '*/1 * * * *' },
        request: {
          uri: `https://master--marketplacea.myvtex.com/_v/other/${id}`,
          method: 'POST',
          headers: {},
        },
      },
    }
  )

/** Sets VTEX's clock `ms` before its next minute mark. */
const beforeMark = (emulator: Emulator, ms: number) => {
  emulator.emu.effects.config.clockOffsetMs =
    60_000 - (Date.now() % 60_000) - ms
}

describe('untilNextMark', () => {
  it.each([
    [
      '12:03:20 for a 10-minute task: 6 min 40 s, at 12:10',
      Date.UTC(2026, 11, 3, 12, 3, 20),
      10,
      400_000,
    ],
    [
      'exactly on a mark: a whole period',
      Date.UTC(2026, 11, 3, 12, 10, 0),
      10,
      600_000,
    ],
    [
      '12:59:59.5 for a 1-minute task: half a second',
      Date.UTC(2026, 11, 3, 12, 59, 59, 500),
      1,
      500,
    ],
  ])('should wait %s', (_, now, minutes, ms) => {
    expect(untilNextMark(now, minutes * 60_000)).toBe(ms)
  })
})

describe('given the emulator playing the scheduler on cron marks', () => {
  let emulator: Emulator
  let service: Awaited<ReturnType<typeof stubService>>

  beforeAll(async () => {
    service = await stubService()
    emulator = await start({ serviceUrl: service.url, scheduler: 'cron' })
  })

  afterAll(async () => {
    await emulator.close()
    await service.close()
  })

  it("should run a task registered 1.5 s before a minute mark of VTEX's clock at that mark, not a minute later", async () => {
    beforeMark(emulator, 1500)
    const registered = Date.now()
    const res = await register(emulator, 'soon')

    expect(res.status).toBe(200)
    const until = Date.now() + 10_000

    while (
      Date.now() < until &&
      !service.received.some((r) => r.url.endsWith('/_v/other/soon'))
    )
      await new Promise((r) => setTimeout(r, 50))

    const took = Date.now() - registered

    expect(service.received.some((r) => r.url.endsWith('/_v/other/soon'))).toBe(
      true
    )
    expect(took).toBeGreaterThanOrEqual(1000)
    expect(took).toBeLessThan(10_000)
  }, 20_000)
})

describe('given an emulator closed while a task waits for its mark', () => {
  it('should send nothing after its close', async () => {
    const service = await stubService()
    const emulator = await start({ serviceUrl: service.url, scheduler: 'cron' })

    // Time enough to register and close on a loaded machine before the mark, then past it.
    beforeMark(emulator, 2500)
    await register(emulator, 'closed')
    await emulator.close()
    await new Promise((r) => setTimeout(r, 3500))
    expect(service.received).toHaveLength(0)
    await service.close()
  })
})

describe("given the emulator's scheduler in manual mode (tests, benches, the e2e)", () => {
  it('should run nothing on its own, only when asked', async () => {
    const service = await stubService()
    const emulator = await start({
      serviceUrl: service.url,
      scheduler: 'manual',
    })

    try {
      beforeMark(emulator, 300)
      await register(emulator, 'quiet')
      await new Promise((r) => setTimeout(r, 1500))
      expect(service.received).toHaveLength(0)
      const run = await call(
        emulator,
        'POST',
        account('/api/scheduler/master/vendor.other-app/quiet/run'),
        { headers: AUTH }
      )

      expect(run.status).toBe(200)
      expect(service.received).toHaveLength(1)
    } finally {
      await emulator.close()
      await service.close()
    }
  })
})
