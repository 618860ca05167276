import type { AuditEntry } from '../projection/audit'
import type { EngineDeps } from '../shared/deps'
import type { SweepDeps } from './types'

/** What one process's share of a run did, between two checkpoints. */
export interface Tally {
  calls: Record<string, number>
  statusChanges: number
  /** productId:channel -> the association a sweep write left in the catalog */
  written: Map<string, boolean>
  /** Writes made while evaluating (a status change moved the product), not by the drift check. */
  evaluateWrites: number
  checkWrites: number
  phase: 'EVALUATE' | 'CHECK'
}

export const newTally = (): Tally => ({
  calls: {},
  statusChanges: 0,
  written: new Map(),
  evaluateWrites: 0,
  checkWrites: 0,
  phase: 'EVALUATE',
})

// `update` is a read plus a write at least.
const WEIGHT: Record<string, number> = { update: 2 }

function counted<T extends object>(
  target: T,
  api: string,
  tally: Tally,
  onCall?: (method: string, args: unknown[]) => void
): T {
  return new Proxy(target, {
    get(t, prop, receiver) {
      const value = Reflect.get(t, prop, receiver)

      if (typeof value !== 'function') return value

      return (...args: unknown[]) => {
        const method = String(prop)

        tally.calls[api] = (tally.calls[api] ?? 0) + (WEIGHT[method] ?? 1)
        onCall?.(method, args)

        return (value as (...a: unknown[]) => unknown).apply(t, args)
      }
    },
  })
}

/**
 * The engine's deps as a sweep uses them: every client call is counted by upstream API (for
 * "calls per SKU"), and the audit entries the sweep writes tell what drift it found and fixed.
 */
export function countingDeps<D extends EngineDeps | SweepDeps>(
  deps: D,
  tally: Tally
): D {
  const onAudit = (method: string, args: unknown[]) => {
    if (method !== 'append') return
    const entry = args[0] as AuditEntry

    // A SKU's first decision (a first sweep after install, a new SKU) is not drift: nothing
    // stored disagreed with the catalog. A changed decision is (an event was missed).
    if (entry.kind === 'STATUS_CHANGE' && entry.fromStatus !== null)
      tally.statusChanges += 1
    if (
      entry.kind !== 'ENFORCEMENT_WRITE' ||
      !entry.productId ||
      !entry.channel
    )
      return
    const { change } = JSON.parse(entry.details ?? '{}') as {
      change?: string
    }

    tally.written.set(
      `${entry.productId}:${entry.channel}`,
      change === 'ASSOCIATE'
    )
    if (tally.phase === 'EVALUATE') tally.evaluateWrites += 1
    else tally.checkWrites += 1
  }

  return {
    ...deps,
    catalog: counted(deps.catalog, 'catalog', tally),
    logistics: counted(deps.logistics, 'logistics', tally),
    pricing: counted(deps.pricing, 'pricing', tally),
    affiliates: counted(deps.affiliates, 'logistics', tally),
    docs: counted(deps.docs, 'storage', tally),
    projection: counted(deps.projection, 'storage', tally),
    audit: counted(deps.audit, 'storage', tally, onAudit),
  }
}
