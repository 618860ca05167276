// What every tick does for changes whose decision could not be stored (unsettled.ts): a worker
// that restarted, or gave up retrying, leaves them in the VBase index; the tick (every 10
// minutes) evaluates them, rather than leave them to the hourly ERROR sweep, which also reads
// the index.
import type { EngineDeps } from '../shared/deps'
import { slot } from '../../memory/tenantMemory'
import { evaluateSku } from './evaluate'
import { unsettledIds } from './unsettled'

/** Younger marks are still being retried by the process that made them. */
const UNSETTLED_GRACE_MS = 2 * 60_000
/** SKUs settled per tick at most: a backlog is spread over ticks within the API budget. */
const UNSETTLED_PER_TICK = 50

export async function settleUnsettled(deps: EngineDeps) {
  const ids = await unsettledIds(
    deps,
    UNSETTLED_PER_TICK,
    new Date(deps.now().getTime() - UNSETTLED_GRACE_MS).toISOString()
  )

  let errors = 0

  // One at a time: a tick is background work and the events share its API budget.
  for (const skuId of ids) {
    try {
      await evaluateSku(deps, skuId, { cause: 'SYSTEM', reproject: true })
    } catch (error) {
      errors += 1
      deps.log.warn({
        message: 'settle-unsettled-failed',
        skuId,
        error: String(error),
      })
    }
  }

  if (ids.length > 0)
    deps.log.info({
      message: 'settle-unsettled-done',
      found: ids.length,
      errors,
    })

  return { found: ids.length, errors }
}

/**
 * One settle at a time per account and workspace in this process; the tick answers at once.
 * Safe to lose: the marks it settles are durable, and the next tick starts it again.
 */
const SETTLING = slot('settle-unsettled', () => ({ running: false }))

export function settleUnsettledInBackground(deps: EngineDeps) {
  const own = deps.memory.get(SETTLING)

  if (own.running) return
  own.running = true
  settleUnsettled(deps)
    .catch((error) =>
      deps.log.warn({
        message: 'settle-unsettled-failed',
        error: String(error),
      })
    )
    .finally(() => {
      own.running = false
    })
}
