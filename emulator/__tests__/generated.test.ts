import type { Emulator } from '../index'
import { account, AUTH, call, start } from './helpers'

describe('given a generated seed of 100,000 SKUs', () => {
  let emulator: Emulator
  let seedMs = 0

  beforeAll(async () => {
    emulator = await start({ seed: 'none' })
    const res = await call(emulator, 'POST', '/_emulator/seed', {
      body: { kind: 'generated', skus: 100000, seed: 42 },
    })

    seedMs = res.json<{ ms: number }>().ms
  })
  afterAll(() => emulator.close())

  it('should build in a few seconds', () => {
    expect(emulator.state.skus.size).toBe(100000)
    expect(seedMs).toBeLessThan(5000)
  })

  it('should be deterministic for a given seed', async () => {
    const first = (
      await call(
        emulator,
        'GET',
        account('/api/catalog_system/pvt/sku/stockkeepingunitbyid/77777'),
        { headers: AUTH }
      )
    ).json()

    const other = await start({ seed: 'none' })

    try {
      await call(other, 'POST', '/_emulator/seed', {
        body: { kind: 'generated', skus: 100000, seed: 42 },
      })
      expect(
        (
          await call(
            other,
            'GET',
            account('/api/catalog_system/pvt/sku/stockkeepingunitbyid/77777'),
            { headers: AUTH }
          )
        ).json()
      ).toEqual(first)
    } finally {
      await other.close()
    }
  })

  it('should page the SKU ids and the trade-policy lists', async () => {
    const last = (
      await call(
        emulator,
        'GET',
        account(
          '/api/catalog_system/pvt/sku/stockkeepingunitids?page=100&pagesize=1000'
        ),
        { headers: AUTH }
      )
    ).json<number[]>()

    const sc2 = (
      await call(
        emulator,
        'GET',
        account(
          '/api/catalog_system/pvt/sku/stockkeepingunitidsbysaleschannel?sc=2&page=1&pageSize=1000'
        ),
        { headers: AUTH }
      )
    ).json<number[]>()

    expect(last).toHaveLength(1000)
    expect(last[999]).toBe(100000)
    expect(sc2.length).toBeGreaterThan(100)
  })
})
