import { sellerOf } from '../../../clients/catalogShapes'
import { ProcessMemory } from '../../../memory/processMemory'
import { sellers } from '../sellers'

function catalogOf(rows: Array<{ SellerId: string; Name: string | null }>) {
  const catalog = {
    calls: 0,
    sellers: async () => {
      catalog.calls += 1

      return rows.map((row) =>
        sellerOf({ ...row, IsActive: row.Name !== null })
      )
    },
  }

  return catalog
}

describe('sellers', () => {
  let memory: ProcessMemory

  beforeEach(() => {
    memory = new ProcessMemory()
  })

  it('should leave out the marketplace itself and read the catalog once for several pickers', async () => {
    const catalog = catalogOf([
      { SellerId: '1', Name: 'Marketplace A' },
      { SellerId: 'sellera', Name: 'Seller A' },
      { SellerId: 'sellerb', Name: null },
    ])

    const [first, second] = await Promise.all([
      sellers(catalog, memory.account('marketplacea')),
      sellers(catalog, memory.account('marketplacea')),
    ])

    expect(first).toEqual([
      { id: 'sellera', name: 'Seller A', active: true },
      { id: 'sellerb', name: null, active: false },
    ])
    expect(second).toBe(first)
    expect(await sellers(catalog, memory.account('marketplacea'))).toBe(first)
    expect(catalog.calls).toBe(1)
  })

  describe('given account A listed its sellers a moment ago in this process', () => {
    describe('when account B asks for its own', () => {
      it("should read B's catalog and never answer with A's seller names", async () => {
        const a = catalogOf([{ SellerId: 'sellera', Name: 'Seller of A' }])
        const b = catalogOf([{ SellerId: 'sellerz', Name: 'Seller of B' }])

        await sellers(a, memory.account('marketplacea'))
        const seen = await sellers(b, memory.account('othermarket'))

        expect(seen).toEqual([
          { id: 'sellerz', name: 'Seller of B', active: true },
        ])
        expect(b.calls).toBe(1)
        expect(await sellers(a, memory.account('marketplacea'))).toEqual([
          { id: 'sellera', name: 'Seller of A', active: true },
        ])
        expect(a.calls).toBe(1)
      })
    })
  })
})
