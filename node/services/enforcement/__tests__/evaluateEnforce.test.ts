import { BUCKET_PRODUCTS } from '../../shared/deps'
import { evaluateSku } from '../../evaluation/evaluate'
import type { ProductState } from '../../evaluation/state'
import { demoWorld, fakeDeps, FakeDocs } from '../../shared/__tests__/fakes'

const EVENT = { cause: 'EVENT' as const }

describe('given ENFORCE and the SKU context says which trade policies the product is on', () => {
  const stocked = (reserved: number) => [
    {
      warehouseId: 'wh-a',
      totalQuantity: 3,
      reservedQuantity: reserved,
      hasUnlimitedQuantity: false,
    },
  ]

  it('should write the association it says is missing without reading the association again', async () => {
    const world = demoWorld()
    const { deps, calls } = fakeDeps(world, new FakeDocs(), {
      modes: { MKB: 'ENFORCE' },
    })

    world.inventory['1'] = stocked(0)
    await evaluateSku(deps, '1', EVENT)

    expect(calls.catalog).toEqual(['skuContext 1', 'associate 10 2'])
    expect(world.associations['10']).toEqual(['1', '2'])
  })

  it('should confirm with a read, and still associate, when a lagging context says the product is already on the channel', async () => {
    const world = demoWorld()
    const { deps, calls } = fakeDeps(world, new FakeDocs(), {
      modes: { MKB: 'ENFORCE' },
    })

    world.inventory['1'] = stocked(0)
    world.staleContext = { '10': ['1', '2'] }
    await evaluateSku(deps, '1', EVENT)

    expect(calls.catalog).toEqual([
      'skuContext 1',
      'productTradePolicies 10',
      'associate 10 2',
    ])
    expect(world.associations['10']).toEqual(['1', '2'])
  })

  it('should never skip a withdrawal because a lagging context says the product is already off the channel', async () => {
    const world = demoWorld()
    const { deps } = fakeDeps(world, new FakeDocs(), {
      modes: { MKB: 'ENFORCE' },
    })

    world.inventory['1'] = stocked(0)
    await evaluateSku(deps, '1', EVENT)
    await evaluateSku(deps, '2', EVENT)
    expect(world.associations['10']).toEqual(['1', '2'])

    world.inventory['1'] = stocked(3)
    world.staleContext = { '10': ['1'] }
    await evaluateSku(deps, '1', EVENT)

    expect(world.associations['10']).toEqual(['1'])
  })
})

describe('given OBSERVE, the product projection that counts pending changes', () => {
  it('should be written only when a channel gets or loses a pending change', async () => {
    const world = demoWorld()
    const { deps, products } = fakeDeps(world, new FakeDocs())

    // Withheld everywhere and off both trade policies: nothing pending, nothing written.
    await evaluateSku(deps, '1', EVENT)
    expect([...products.keys()]).toEqual([])

    world.inventory['1'] = [
      {
        warehouseId: 'wh-a',
        totalQuantity: 3,
        reservedQuantity: 0,
        hasUnlimitedQuantity: false,
      },
    ]
    await evaluateSku(deps, '1', { ...EVENT, changedAt: null })
    expect([...products.entries()]).toEqual([
      ['10-MKB', expect.objectContaining({ desired: true, associated: false })],
    ])

    world.inventory['1'] = []
    await evaluateSku(deps, '1', { ...EVENT, changedAt: null })
    expect(products.get('10-MKB')).toEqual(
      expect.objectContaining({ desired: false, associated: false })
    )
  })
})

describe('given a product last planned when its pending changes had one document per channel', () => {
  it('should write its pending change again in the one-document shape on its next plan, though the change itself did not move', async () => {
    const world = demoWorld()
    const docs = new FakeDocs()
    const { deps, products } = fakeDeps(world, docs)

    world.inventory['1'] = [
      {
        warehouseId: 'wh-a',
        totalQuantity: 3,
        reservedQuantity: 0,
        hasUnlimitedQuantity: false,
      },
    ]
    await evaluateSku(deps, '1', EVENT)
    expect([...products.keys()]).toEqual(['10-MKB'])

    // The same plan as stored by the build before the shape changed (no `pendingDocs`), whose
    // documents the reads no longer see.
    const stored = await docs.read<ProductState>(BUCKET_PRODUCTS, '10', () => {
      throw new Error('no product document')
    })

    const { pendingDocs, ...older } = stored.value

    expect(pendingDocs).toBe(2)
    await docs.write(BUCKET_PRODUCTS, '10', older, stored.etag)
    products.clear()

    // Sibling 2 is evaluated: the product's pending change is still "would expose".
    await evaluateSku(deps, '2', EVENT)
    expect([...products.entries()]).toEqual([
      ['10-MKB', expect.objectContaining({ desired: true, associated: false })],
    ])
  })
})

describe('given every SKU of a product notified at once, as VTEX does when the product changes', () => {
  it("should update the product's document one SKU after the other in this process, with no refused write and no read", async () => {
    const world = demoWorld()
    const docs = new FakeDocs()
    const { deps } = fakeDeps(world, docs, { modes: { MKB: 'ENFORCE' } })

    world.inventory['1'] = [
      {
        warehouseId: 'wh-a',
        totalQuantity: 3,
        reservedQuantity: 0,
        hasUnlimitedQuantity: false,
      },
    ]
    await Promise.all(['1', '2'].map((id) => evaluateSku(deps, id, EVENT)))

    const product = await docs.read<ProductState>(BUCKET_PRODUCTS, '10', () => {
      throw new Error('no product document')
    })

    expect(
      Object.keys(product.value.skus).sort((a, b) => a.localeCompare(b))
    ).toEqual(['1', '2'])
    expect(world.associations['10']).toEqual(['1', '2'])
    // The read just above is the only one of the product's document.
    expect(docs.reads[BUCKET_PRODUCTS]).toBe(1)
  })
})

describe('given a product whose first evaluated SKU is withheld while an unevaluated sibling is exposed', () => {
  it('should not withdraw the product: it evaluates the sibling first, and writes nothing', async () => {
    const world = demoWorld()
    const { deps, calls } = fakeDeps(world, new FakeDocs(), {
      modes: { MKB: 'ENFORCE' },
    })

    world.associations['10'] = ['1', '2']
    world.inventory['2'] = [
      {
        warehouseId: 'wh-a',
        totalQuantity: 5,
        reservedQuantity: 0,
        hasUnlimitedQuantity: false,
      },
    ]

    const first = await evaluateSku(deps, '1', EVENT)

    expect(first.decisions.find((d) => d.channel === 'MKB')?.status).toBe(
      'WITHHELD'
    )
    // The sibling is evaluated in the background; wait for its read.
    for (let i = 0; i < 100 && !calls.catalog.includes('skuContext 2'); i++) {
      await new Promise((r) => setTimeout(r, 10))
    }

    await new Promise((r) => setTimeout(r, 100))
    expect(calls.catalog).toContain('productSkuIds 10')
    expect(
      calls.catalog.filter((c) => /^(associate|dissociate)/.test(c))
    ).toEqual([])
    expect(world.associations['10']).toEqual(['1', '2'])
  })

  it('should withdraw it once every SKU of the product is known and none is exposed', async () => {
    const world = demoWorld()
    const { deps, calls } = fakeDeps(world, new FakeDocs(), {
      modes: { MKB: 'ENFORCE' },
    })

    world.associations['10'] = ['1', '2']
    await evaluateSku(deps, '1', EVENT)
    for (
      let i = 0;
      i < 100 && !calls.catalog.includes('dissociate 10 2');
      i++
    ) {
      await new Promise((r) => setTimeout(r, 10))
    }

    expect(
      calls.catalog.filter((c) => /^(associate|dissociate)/.test(c))
    ).toEqual(['dissociate 10 2'])
  })
})
