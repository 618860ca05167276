import type { ChannelConfig } from '../../domain/types'
import { compareAndSwap } from '../../clients/stateDocs'
import type { EngineDeps } from '../shared/deps'
import type { ProductState } from '../evaluation/state'
import { productStore } from '../shared/stores/states'
import { planOn } from './productPlan'
import type { ProductPlan, SkuUpdate } from './productPlan'
import { inLineOf, productsOf, updateProduct } from './productDocs'

let claims = 0

export interface PlanFor {
  /** The SKU whose statuses the plan records (none: the product's stored statuses alone). */
  sku?: SkuUpdate
  /** The product's trade policies as the SKU context just read them (null: not read). */
  observed?: string[] | null
  /** The SKU was never evaluated: its product's document most likely does not exist yet. */
  firstOfSku?: boolean
}

export async function planProduct(
  deps: EngineDeps,
  productId: string,
  channels: ChannelConfig[],
  { sku, observed = null, firstOfSku = false }: PlanFor = {}
): Promise<ProductPlan | null> {
  const owner = `${deps.workerId}:p${++claims}`

  return inLineOf(deps).run(productId, () =>
    writePlan(deps, { productId, owner, channels, sku, observed, firstOfSku })
  )
}

async function writePlan(
  deps: EngineDeps,
  {
    productId,
    owner,
    channels,
    sku,
    observed,
    firstOfSku,
  }: Required<Omit<PlanFor, 'sku'>> & {
    sku: SkuUpdate | undefined
    productId: string
    owner: string
    channels: ChannelConfig[]
  }
): Promise<ProductPlan | null> {
  const products = productStore(deps.docs)
  // First attempt: what this process wrote last, or (a SKU never seen) a creation.
  const guess =
    productsOf(deps).get(productId) ??
    (firstOfSku ? products.absent(productId) : undefined)

  return compareAndSwap<ProductState, ProductPlan | null>({
    read: () => products.read(productId),
    write: (product, etag) => products.write(productId, product, etag),
    guess,
    attempts: 10,
    onWriteError: () => productsOf(deps).delete(productId),
    exhausted: () => null,
    decide: async ({ value }) => {
      let siblings: string[] | undefined
      let plan = planOn(value, {
        owner,
        channels,
        now: deps.now().getTime(),
        sku,
      })

      if (plan.needsSiblings) {
        // Withdrawing a product needs every one of its SKUs known: read them (rare: only when a
        // withdrawal is planned on an ENFORCE channel).
        siblings = await deps.catalog.productSkuIds(productId)
        plan = planOn(value, {
          owner,
          channels,
          now: deps.now().getTime(),
          sku,
          siblings,
        })
      }

      if (plan.unknown.length > 0) {
        // OBSERVE needs the catalog's association once per product, to show what ENFORCE would
        // change: taken from the SKU context when there is one, else read, and stored in this
        // same conditional write.
        const current =
          observed ?? (await deps.catalog.productTradePolicies(productId))

        const applied = { ...value.applied }

        for (const channel of plan.unknown)
          applied[channel.id] = current.includes(channel.salesChannel)
        plan = planOn(
          { ...value, applied },
          { owner, channels, now: deps.now().getTime(), sku, siblings }
        )
      }

      return {
        kind: 'write',
        value: plan.product,
        written: (written) => {
          productsOf(deps).set(productId, plan.product, written)

          return { ...plan, observed }
        },
      }
    },
  })
}

/**
 * Best effort: give up the catalog writes a plan claimed for a decision that was not stored, so
 * the retry claims them at once instead of finding them held for LEASE_MS and writing nothing.
 */
export async function releaseClaims(deps: EngineDeps, plan: ProductPlan) {
  if (plan.claims.length === 0) return
  await updateProduct(deps, plan.productId, (current) => {
    const applying = Object.fromEntries(
      Object.entries(current.applying).filter(([, c]) => c.owner !== plan.owner)
    )

    return Object.keys(applying).length === Object.keys(current.applying).length
      ? null
      : { ...current, applying }
  }).catch((error) =>
    deps.log.warn({
      message: 'evaluate-claims-release-failed',
      productId: plan.productId,
      error: String(error),
    })
  )
}
