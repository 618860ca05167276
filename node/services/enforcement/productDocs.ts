import type { EngineDeps } from '../shared/deps'
import { compareAndSwap } from '../../clients/stateDocs'
import type { ProductState } from '../evaluation/state'
import { productStore } from '../shared/stores/states'
import { KeyedQueue } from '../shared/keyedQueue'
import { VersionCache } from '../shared/versionCache'
import { slot } from '../../memory/tenantMemory'

/**
 * Product documents this process wrote last, in the tenant's memory (5,000 for every tenant
 * together): the first guess of the next read-modify-write. Safe to lose: one more read.
 */
const PRODUCTS = slot(
  'product-documents',
  (pools) =>
    new VersionCache<ProductState>(
      pools.pool('product-documents', 5_000).map()
    ),
  (cache) => cache.clear()
)

/**
 * One read-modify-write of a product's document at a time in this process, per tenant: one
 * tenant's slow store must not hold another's product in line. Safe to lose: the writes are
 * conditional, so a queue dropped with its tenant costs at most a 412 and a read.
 */
const IN_LINE = slot('products-in-line', () => new KeyedQueue())

export const productsOf = (deps: Pick<EngineDeps, 'memory'>) =>
  deps.memory.get(PRODUCTS)

export const inLineOf = (deps: Pick<EngineDeps, 'memory'>) =>
  deps.memory.get(IN_LINE)

/**
 * Read-modify-write of a product document with optimistic concurrency, starting from the version
 * this process wrote last (usually the plan just written): no read unless someone else wrote it.
 */
export async function updateProduct(
  deps: Pick<EngineDeps, 'docs' | 'memory'>,
  productId: string,
  change: (current: ProductState) => ProductState | null
): Promise<ProductState | null> {
  return inLineOf(deps).run(productId, () => rewrite(deps, productId, change))
}

async function rewrite(
  deps: Pick<EngineDeps, 'docs' | 'memory'>,
  productId: string,
  change: (current: ProductState) => ProductState | null
): Promise<ProductState | null> {
  const products = productStore(deps.docs)

  return compareAndSwap<ProductState, ProductState | null>({
    read: () => products.read(productId),
    write: (product, etag) => products.write(productId, product, etag),
    guess: productsOf(deps).get(productId),
    attempts: 10,
    onWriteError: () => productsOf(deps).delete(productId),
    decide: ({ value }, guessed) => {
      const next = change(value)

      // "Nothing to do" (e.g. the claim is no longer ours) is only true of the stored document:
      // a cached version may predate a write that made it so, or not.
      if (next === null && guessed) return { kind: 'reread' }
      if (next === null) return { kind: 'done', answer: null }

      return {
        kind: 'write',
        value: next,
        written: (written) => {
          productsOf(deps).set(productId, next, written)

          return next
        },
      }
    },
  })
}
