import { TenantMemory } from '../../memory/tenantMemory'
import { acquireBudget, configureBudget, TokenBucket } from '../budget'

describe('TokenBucket', () => {
  it('should hand tokens to queued event calls before sweep calls', async () => {
    let now = 0
    const bucket = new TokenBucket(1, () => now)
    const order: string[] = []

    await bucket.acquire('HIGH') // the one token of the burst
    const low = bucket.acquire('LOW').then(() => order.push('low'))
    const high = bucket.acquire('HIGH').then(() => order.push('high'))

    for (let t = 0; t < 4 && order.length < 2; t++) {
      now += 1000
      await jest.advanceTimersByTimeAsync(1000)
    }

    await Promise.all([low, high])
    expect(order).toEqual(['high', 'low'])
  })
})

describe('the total budget', () => {
  let account: TenantMemory

  beforeEach(() => {
    account = new TenantMemory()
  })

  it('should limit every API together to the total rate', async () => {
    configureBudget(account, { total: 10, catalog: 0, logistics: 0 })
    let granted = 0
    const calls = Array.from({ length: 15 }, (_, i) =>
      acquireBudget(account, i % 2 ? 'catalog' : 'logistics', 'HIGH').then(
        () => {
          granted += 1
        }
      )
    )

    await jest.advanceTimersByTimeAsync(0)
    // Without the total, both APIs being unlimited, all 15 would pass at once.
    expect(granted).toBeLessThanOrEqual(10)
    await jest.advanceTimersByTimeAsync(2000)
    await Promise.all(calls)
    expect(granted).toBe(15)
  })

  it('should not limit anything when it is 0', async () => {
    configureBudget(account, { total: 0, catalog: 0, logistics: 0 })
    await Promise.all(
      Array.from({ length: 500 }, () =>
        acquireBudget(account, 'catalog', 'LOW')
      )
    )
  })
})

beforeEach(() => jest.useFakeTimers())
afterEach(() => jest.useRealTimers())
