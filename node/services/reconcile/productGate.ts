import { productOfDoc } from '../shared/stores/states'
import type { SkuContext } from '../../clients/catalogShapes'
import type { SweepDeps } from './types'

/** One SKU's hold on the products it works on. */
export class Holder {
  private readonly products = new Set<string>()
  private entering: Promise<void> | null = null
  private ended = false

  constructor(private readonly gate: ProductGate) {}

  public holds(productId: string) {
    return this.products.has(productId)
  }

  /**
   * Waits for the product, then holds it. A holder already in a product does not wait for
   * another (a SKU is in one product; never waiting while holding keeps the gate free of
   * deadlocks), and one that has ended (a background task outliving its SKU) holds nothing.
   */
  public async enter(productId: string) {
    if (this.ended || this.products.has(productId)) return
    if (this.entering) await this.entering
    if (this.ended || this.products.size > 0) return
    this.entering = this.gate.acquire(productId, this)
    await this.entering
    this.entering = null
    // Ended while it waited: hand the product on at once.
    if (this.ended) this.gate.release(productId, this)
    else this.products.add(productId)
  }

  /** Lets go of every product; `end` also for good. */
  public release(end = false) {
    this.ended = this.ended || end
    for (const productId of this.products) this.gate.release(productId, this)
    this.products.clear()
  }
}

/**
 * One SKU of the sweep at a time works on a product, as when SKUs were processed one by one.
 * Two siblings evaluated at once would race on the product's document (a refused conditional
 * write, a read and a write again, each time) and a drift check run between a sibling's stored
 * status and its catalog write would count, or fix, what that evaluation is already fixing.
 *
 * The sweep learns a SKU's product only from its evaluation: a SKU enters the product when its
 * SKU context names it, or at the latest when it first touches the product's document (before
 * that it has changed nothing of the product), and holds it through its drift check.
 */
export class ProductGate {
  private readonly held = new Map<
    string,
    { by: Holder; waiting: Array<{ by: Holder; go: () => void }> }
  >()

  public holder() {
    return new Holder(this)
  }

  /** `base` whose calls enter `holder` into the product they are about. */
  public deps(base: SweepDeps, holder: Holder): SweepDeps {
    const docs = intercept(base.docs, async (_method, args, call) => {
      const productId = productOfDoc(args[0], args[1])

      if (productId !== null) await holder.enter(productId)

      return call()
    })

    const catalog = intercept(
      base.catalog,
      async (_method, _args, call) => {
        const context = (await call()) as SkuContext | null

        if (context) await holder.enter(context.sku.productId)

        return context
      },
      ['skuContext']
    )

    return { ...base, docs, catalog }
  }

  /** @internal */
  public async acquire(productId: string, by: Holder) {
    const current = this.held.get(productId)

    if (!current) {
      this.held.set(productId, { by, waiting: [] })

      return
    }

    if (current.by === by) return
    await new Promise<void>((go) => current.waiting.push({ by, go }))
  }

  /** @internal */
  public release(productId: string, by: Holder) {
    const current = this.held.get(productId)

    if (current?.by !== by) return
    const next = current.waiting.shift()

    if (!next) {
      this.held.delete(productId)

      return
    }

    // Handed over in arrival order.
    this.held.set(productId, { by: next.by, waiting: current.waiting })
    next.go()
  }
}

/** `target` with `around` wrapped around its (async) methods, or only `only` of them. */
function intercept<T extends object>(
  target: T,
  around: (
    method: string,
    args: unknown[],
    call: () => Promise<unknown>
  ) => Promise<unknown>,
  only?: string[]
): T {
  return new Proxy(target, {
    get(t, prop, receiver) {
      const value = Reflect.get(t, prop, receiver)

      if (typeof value !== 'function') return value
      if (only && !only.includes(String(prop)))
        return (...args: unknown[]) =>
          (value as (...a: unknown[]) => unknown).apply(t, args)

      return (...args: unknown[]) =>
        around(String(prop), args, async () =>
          (value as (...a: unknown[]) => unknown).apply(t, args)
        )
    },
  })
}
