import { skuContextOf } from '../../../clients/catalogShapes'
import { ProductGate } from '../productGate'

const flush = async () => {
  for (let i = 0; i < 10; i++) {
    await Promise.resolve()
  }
}

describe('given a product held by one SKU', () => {
  describe('when two more SKUs want it', () => {
    it('should hand it over in arrival order, one holder at a time', async () => {
      const gate = new ProductGate()
      const [a, b, c] = [gate.holder(), gate.holder(), gate.holder()]
      const order: string[] = []

      await a.enter('100')
      const bIn = b.enter('100').then(() => order.push('b'))
      const cIn = c.enter('100').then(() => order.push('c'))

      await flush()
      expect(order).toEqual([])
      await a.enter('100') // the holder itself does not wait
      a.release()
      await bIn
      await flush()
      expect(order).toEqual(['b'])
      expect(b.holds('100')).toBe(true)
      b.release(true)
      await cIn
      expect(order).toEqual(['b', 'c'])
    })
  })

  describe('when its holder wants a second product another SKU holds', () => {
    it('should not wait for it (a holder never waits: no deadlock)', async () => {
      const gate = new ProductGate()
      const [a, b] = [gate.holder(), gate.holder()]

      await a.enter('100')
      await b.enter('101')
      await a.enter('101')
      expect(a.holds('101')).toBe(false)
      await b.enter('100')
      expect(b.holds('100')).toBe(false)
    })
  })

  describe('when a SKU that ended was still waiting for it (a background task)', () => {
    it('should pass the product on at once', async () => {
      const gate = new ProductGate()
      const [a, late, next] = [gate.holder(), gate.holder(), gate.holder()]

      await a.enter('100')
      const lateIn = late.enter('100')

      late.release(true)
      const nextIn = next.enter('100')

      a.release(true)
      await lateIn
      await nextIn
      expect(late.holds('100')).toBe(false)
      expect(next.holds('100')).toBe(true)
    })
  })
})

describe('given the deps of a SKU going through the gate', () => {
  it('should enter the product its SKU context names, and the product whose document it touches', async () => {
    const gate = new ProductGate()
    const holder = gate.holder()
    const other = gate.holder()
    const base = {
      catalog: {
        skuContext: async () =>
          skuContextOf({ Id: 1, ProductId: 100, IsActive: true }),
      },
      docs: {
        read: async () => ({ value: null, etag: null }),
      },
    } as never

    const deps = gate.deps(base, holder)

    await deps.catalog.skuContext('1')
    expect(holder.holds('100')).toBe(true)
    holder.release()

    await gate.deps(base, other).docs.read('products', '200', () => null)
    expect(other.holds('200')).toBe(true)
    await gate.deps(base, other).docs.read('skus', '300', () => null)
    expect(other.holds('300')).toBe(false)
  })
})
