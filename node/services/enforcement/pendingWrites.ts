// A catalog write VTEX refused is tried again from this process's memory (`retryLater` in
// enforce.ts: 5 s, 30 s, 2 min). A restart in that window, or refusals that outlast it, leave the
// product's change pending in its Master Data projection, and until now only the product's next
// event or the daily sweep settled it: up to a day of a product sold on a channel without the
// marketplace's stock, or held back with it. The scheduler's tick (every 10 minutes) settles
// those products from the projection, for one search when nothing is pending.
import type { EngineDeps } from '../shared/deps'
import { slot } from '../../memory/tenantMemory'
import { enforceProduct, WRITE_RETRY_MS } from './enforce'
import { channels as loadChannels } from '../shared/reference'

/** Younger pending changes may still be in flight, or in this or another process's retries. */
export const PENDING_GRACE_MS = 5 * 60_000
/** Products settled per tick at most: a backlog is spread over ticks within the API budget. */
const PENDING_PER_TICK = 50

export interface SettleOutcome {
  found: number
  /** Products whose settling threw (a storage error); a refused write is logged by writeAssociation.ts. */
  errors: number
}

export async function settlePendingWrites(
  deps: EngineDeps,
  graceMs = PENDING_GRACE_MS
): Promise<SettleOutcome> {
  const channels = await loadChannels(deps)
  const enforced = channels.filter((c) => c.mode === 'ENFORCE')

  if (enforced.length === 0) return { found: 0, errors: 0 }
  const before = new Date(deps.now().getTime() - graceMs).toISOString()
  const products = await deps.projection.pendingProducts(
    enforced.map((c) => c.id),
    before,
    PENDING_PER_TICK
  )

  let errors = 0

  // One at a time: a tick is background work and the events share its API budget.
  for (const productId of products) {
    try {
      await enforceProduct(deps, productId, channels, {
        options: { cause: 'SYSTEM', actor: null },
        // The next tick is the next try: no in-memory retries on top of it.
        attempt: WRITE_RETRY_MS.length,
      })
    } catch (error) {
      errors += 1
      deps.log.warn({
        message: 'settle-pending-failed',
        productId,
        error: String(error),
      })
    }
  }

  if (products.length > 0)
    deps.log.info({
      message: 'settle-pending-done',
      found: products.length,
      errors,
    })

  return { found: products.length, errors }
}

/**
 * Whether a settle is under way, in the tenant's memory: one account's slow settle must not make
 * every other account's tick skip its own. Safe to lose: the pending writes are in the product
 * documents, and the next tick settles them.
 */
const SETTLING = slot('settle-pending-writes', () => ({ running: false }))

/**
 * Settles in the background, one settle at a time per account and workspace: the scheduler's call
 * answers at once (IO gives a route 10 s) and a slow settle is never doubled by the next tick.
 */
export function settleInBackground(deps: EngineDeps, graceMs?: number) {
  const own = deps.memory.get(SETTLING)

  if (own.running) return
  own.running = true
  settlePendingWrites(deps, graceMs)
    .catch((error) =>
      deps.log.warn({
        message: 'settle-pending-failed',
        error: String(error),
      })
    )
    .finally(() => {
      own.running = false
    })
}
