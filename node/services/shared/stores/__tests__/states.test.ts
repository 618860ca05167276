import { FakeDocs } from '../../__tests__/fakes'
import { productStore, skuStore } from '../states'

// The states were stored at `skus/<skuId>` and `products/<productId>` before the stores: a
// deployed app must keep reading and writing the very documents it already has.
describe('the SKU and product state stores', () => {
  it('a SKU state is the document at skus/<skuId>, the empty state when absent', async () => {
    const docs = new FakeDocs()
    const skus = skuStore(docs)

    const none = await skus.read('7')

    expect(none).toEqual({ value: skus.absent('7').value, etag: null })
    expect(none.value).toMatchObject({ skuId: '7', version: 0, lease: null })

    const etag = await skus.write('7', { ...none.value, version: 3 }, null)

    expect(docs.files.get('skus/7')).toEqual({
      value: expect.objectContaining({ skuId: '7', version: 3 }),
      etag,
    })
    expect(docs.reads).toEqual({ skus: 1 })
  })

  it('a product state is the document at products/<productId>; update is one read and one write', async () => {
    const docs = new FakeDocs()
    const products = productStore(docs)

    expect(products.absent('10')).toEqual({
      value: {
        productId: '10',
        version: 0,
        skus: {},
        applied: {},
        applying: {},
        // A product never stored has no pending documents of an older shape.
        pendingDocs: 2,
      },
      etag: null,
    })

    const updated = await products.update('10', (p) => ({
      ...p,
      applied: { abc: true },
    }))

    expect(updated?.applied).toEqual({ abc: true })
    expect(docs.files.get('products/10')?.value).toEqual(updated)
    expect(docs.reads).toEqual({ products: 1 })
    expect(docs.writes).toBe(1)
  })
})
