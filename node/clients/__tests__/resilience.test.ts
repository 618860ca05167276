import { ProcessMemory } from '../../memory/processMemory'
import { upstreamFor } from '../resilience'

const ONE_TRY = {
  attempts: 1,
  baseDelayMs: 0,
  maxDelayMs: 0,
  maxRetryAfterMs: 10_000,
}

const httpError = (status: number, headers: Record<string, string> = {}) =>
  Object.assign(new Error(`HTTP ${status}`), { response: { status, headers } })

// On a shared pod one account's rate limits and failing upstreams are its own: VTEX limits each
// account, and the operator's budget is the account's.
describe('upstream calls of two accounts in one process', () => {
  let memory: ProcessMemory

  beforeEach(() => {
    memory = new ProcessMemory()
    jest.useFakeTimers()
  })

  afterEach(() => jest.useRealTimers())

  describe("given account A's catalog answered 429 with Retry-After: 5", () => {
    it("should pause A's catalog calls and let B's go through at once", async () => {
      const a = upstreamFor(memory.account('marketplacea'))
      const b = upstreamFor(memory.account('othermarket'))
      let tries = 0

      const limited = a('catalog', async () => {
        tries += 1
        if (tries === 1) throw httpError(429, { 'retry-after': '5' })

        return 'A'
      })

      await jest.advanceTimersByTimeAsync(0)
      const done: string[] = []
      const otherA = a('catalog', async () => 'A2').then((v) => done.push(v))
      const otherB = b('catalog', async () => 'B').then((v) => done.push(v))

      await jest.advanceTimersByTimeAsync(0)
      expect(done).toEqual(['B'])

      await jest.advanceTimersByTimeAsync(5_000)
      await Promise.all([limited, otherA, otherB])
      expect(done).toEqual(['B', 'A2'])
    })
  })

  describe("given account A's logistics circuit is open after repeated 503s", () => {
    it("should refuse A's calls while its probe runs and still call B's logistics", async () => {
      const a = upstreamFor(memory.account('marketplacea'))
      const b = upstreamFor(memory.account('othermarket'))

      for (let i = 0; i < 8; i++) {
        await expect(
          a(
            'logistics',
            async () => {
              throw httpError(503)
            },
            ONE_TRY
          )
        ).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' })
      }

      // A's probe hangs; a second call of A is refused meanwhile.
      const probe = a(
        'logistics',
        () => new Promise<never>(() => undefined),
        ONE_TRY
      )

      expect(probe).toBeInstanceOf(Promise)
      await expect(
        a('logistics', async () => 'A', ONE_TRY)
      ).rejects.toMatchObject({ code: 'CIRCUIT_OPEN' })

      await expect(b('logistics', async () => 'B', ONE_TRY)).resolves.toBe('B')
    })
  })
})
