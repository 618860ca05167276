import { BUCKET_PRODUCTS, BUCKET_SKUS } from '../../shared/deps'
import { evaluate } from '../engine'
import { updateProduct } from '../../enforcement/productDocs'
import { demoWorld, fakeDeps, FakeDocs } from '../../shared/__tests__/fakes'

// A worker may serve several workspaces (and accounts): what it remembers of one must never
// stand for the other's, whose VBase documents share ids.
function tenant(workspace: string) {
  const docs = new FakeDocs()
  const fake = fakeDeps(demoWorld(), docs)

  fake.deps.tenant = { account: 'marketplacea', workspace }

  return { ...fake, docs }
}

describe('given the same SKU changing in master and in dev1 on one worker', () => {
  describe('when both events arrive at once', () => {
    it("should evaluate each workspace's SKU with its own reads and state, not join one evaluation", async () => {
      const master = tenant('master')
      const dev1 = tenant('dev1')

      const [a, b] = await Promise.all([
        evaluate(master.deps, '1', { cause: 'EVENT' }),
        evaluate(dev1.deps, '1', { cause: 'EVENT' }),
      ])

      expect([a.outcome, b.outcome]).toEqual(['EVALUATED', 'EVALUATED'])
      expect(master.calls.catalog).toEqual(['skuContext 1'])
      expect(dev1.calls.catalog).toEqual(['skuContext 1'])
      expect(master.docs.files.has(`${BUCKET_SKUS}/1`)).toBe(true)
      expect(dev1.docs.files.has(`${BUCKET_SKUS}/1`)).toBe(true)
    })
  })

  describe('when dev1 gets a change master already evaluated past', () => {
    it('should not take it for a duplicate dev1 has seen', async () => {
      const master = tenant('master')
      const dev1 = tenant('dev1')
      const changedAt = new Date(Date.now() - 60_000).toISOString()

      await evaluate(master.deps, '1', { cause: 'EVENT', changedAt })
      const again = await evaluate(dev1.deps, '1', {
        cause: 'EVENT',
        changedAt,
      })

      expect(again.outcome).toBe('EVALUATED')
      expect(dev1.calls.catalog).toEqual(['skuContext 1'])
    })
  })
})

describe("given master's VBase hanging on product 1's document", () => {
  describe("when dev1 updates its own product 1's document meanwhile", () => {
    it("should write it at once: one tenant's product never waits in line behind another's", async () => {
      const master = tenant('master')
      const dev1 = tenant('dev1')
      let release = () => {}
      const hung = new Promise<void>((resolve) => {
        release = resolve
      })

      const read = master.docs.read.bind(master.docs)

      master.docs.read = async <T>(
        bucket: string,
        path: string,
        empty: () => T
      ) => {
        await hung

        return read(bucket, path, empty)
      }

      const inMaster = updateProduct(master.deps, '1', (current) => current)
      const inDev1 = await Promise.race([
        updateProduct(dev1.deps, '1', (current) => current).then(() => 'done'),
        new Promise((r) => setTimeout(() => r('waiting'), 200)),
      ])

      release()
      await inMaster
      expect(inDev1).toBe('done')
      expect(dev1.docs.files.has(`${BUCKET_PRODUCTS}/1`)).toBe(true)
    })
  })
})
