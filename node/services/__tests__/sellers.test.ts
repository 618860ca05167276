import { forgetSellers, sellers } from '../sellers'

describe('sellers', () => {
  beforeEach(() => forgetSellers())

  it('should leave out the marketplace itself and read the catalog once for several pickers', async () => {
    let calls = 0
    const catalog = {
      sellers: async () => {
        calls += 1

        return [
          { SellerId: '1', Name: 'Marketplace A', IsActive: true },
          { SellerId: 'sellera', Name: 'Seller A', IsActive: true },
          { SellerId: 'sellerb', Name: null, IsActive: false },
        ]
      },
    }

    const [first, second] = await Promise.all([
      sellers(catalog),
      sellers(catalog),
    ])

    expect(first).toEqual([
      { id: 'sellera', name: 'Seller A', active: true },
      { id: 'sellerb', name: null, active: false },
    ])
    expect(second).toBe(first)
    expect(await sellers(catalog)).toBe(first)
    expect(calls).toBe(1)
  })
})
