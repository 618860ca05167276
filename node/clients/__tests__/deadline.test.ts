import { MAX_ATTEMPT_MS, timeLeft, withDeadline } from '../deadline'
import { TenantMemory } from '../../memory/tenantMemory'
import { DEFAULT_RETRY, upstreamFor, UpstreamError } from '../resilience'

let upstream = upstreamFor(new TenantMemory())

describe('a request deadline', () => {
  it('bounds what runs inside the request, and nothing outside', async () => {
    expect(timeLeft()).toBe(Infinity)
    await withDeadline(1000, async () => {
      expect(timeLeft()).toBeLessThanOrEqual(1000)
      expect(timeLeft()).toBeGreaterThan(900)
    })
  })

  it('lets background work started by the request run unbounded once it has answered', async () => {
    let later: Promise<number> = Promise.resolve(0)

    await withDeadline(50, async () => {
      later = new Promise((resolve) =>
        setTimeout(() => resolve(timeLeft()), 100)
      )
    })

    expect(await later).toBe(Infinity)
  })

  it('keeps the tighter of two nested deadlines', async () => {
    await withDeadline(100, () =>
      withDeadline(10_000, async () => {
        expect(timeLeft()).toBeLessThanOrEqual(100)
      })
    )
  })
})

describe('an upstream call inside a request', () => {
  const unavailable = () => {
    const calls: number[] = []

    return {
      calls,
      fn: async () => {
        calls.push(Date.now())
        throw Object.assign(new Error('503'), { response: { status: 503 } })
      },
    }
  }

  beforeEach(() => {
    upstream = upstreamFor(new TenantMemory())
  })

  it('retries a 5xx while another attempt fits before the deadline', async () => {
    const api = unavailable()

    await expect(upstream('pricing', api.fn)).rejects.toThrow(UpstreamError)
    expect(api.calls).toHaveLength(DEFAULT_RETRY.attempts)
  })

  it('gives up, with the same error, when another attempt would end past the deadline', async () => {
    const api = unavailable()

    await expect(
      withDeadline(MAX_ATTEMPT_MS + 50, () => upstream('pricing', api.fn))
    ).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', api: 'pricing' })
    expect(api.calls).toHaveLength(1)
  })
})
