// The broadcaster notifies every SKU's change, and most of a marketplace's catalog is its own:
// SKUs with no third-party seller, which the app never governs. An event reads the SKU's state,
// then its context, before any lease: a SKU that has no decision and is still not the app's
// costs those two reads and no write (it used to cost a lease and its release). Any other SKU
// goes on to its lease over the state read here, and its evaluation reuses the context when
// nobody wrote the SKU in between. The price: two workers notified of one SKU at once each read
// its context, where the lease used to let only one of them. An event that will not read the
// context (it says only the stock or the price moved, and the state keeps the inputs its
// decisions were made on) goes to the lease with the state alone.
import type { Versioned } from '../../clients/stateDocs'
import { isGoverned } from '../../domain'
import type { EngineDeps } from '../shared/deps'
import { lastCommitted } from './lease'
import type { EarlyContext } from './round'
import type { SkuState } from './state'
import { leaseHeld } from './state'
import { skuStore } from '../shared/stores/states'

export type ContextFirst =
  | {
      settled: 'UNKNOWN_SKU' | 'NOT_GOVERNED'
      tradePolicies: string[] | null
      readAt: string
    }
  | { first: Versioned<SkuState>; early?: EarlyContext }

export async function contextFirst(
  deps: EngineDeps,
  skuId: string,
  /** The change is older than the state's inputs: the lease says so without the context. */
  seen: (state: SkuState) => boolean,
  /** The evaluation of this state reads the SKU context again (else it reuses the stored one). */
  readsContext: (state: SkuState) => boolean = () => true
): Promise<ContextFirst> {
  const stored = () => skuStore(deps.docs).read(skuId)

  const cached = lastCommitted(deps, skuId)
  let first = cached ?? (await stored())
  const at = deps.now()

  // Seen, or another worker's to evaluate: the lease settles it without the context.
  if (first.etag && seen(first.value)) return { first }
  if (leaseHeld(first.value, at.getTime())) return { first }
  if (!readsContext(first.value)) return { first }
  let context

  try {
    context = await deps.catalog.skuContext(skuId)
  } catch (error) {
    // The evaluation records the failure under the lease, as if it had read the context itself.
    return {
      first,
      early: {
        at,
        context: null,
        error: error instanceof Error ? error : new Error(String(error)),
      },
    }
  }

  const notOurs = context === null || !isGoverned(context.sku)

  // Settling writes nothing, so it must not rest on this process's memory of the state: another
  // worker may have decided the SKU since.
  if (notOurs && cached && idle(first.value, at)) first = await stored()
  if (notOurs && idle(first.value, at))
    return {
      settled: context === null ? 'UNKNOWN_SKU' : 'NOT_GOVERNED',
      tradePolicies: context?.tradePolicies ?? null,
      readAt: at.toISOString(),
    }

  return { first, early: { at, context } }
}

/** No decision to drop, and nobody evaluating it or owed an evaluation. */
function idle(state: SkuState, at: Date) {
  return (
    Object.keys(state.decisions).length === 0 &&
    !state.dirty &&
    !leaseHeld(state, at.getTime())
  )
}
