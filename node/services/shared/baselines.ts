// A channel's baseline: the first sweep that decided every SKU on it. Before it finished, a SKU's
// first decision on the channel is where the channel starts, not a change: the sweep that makes
// it writes no audit entry (one per SKU × channel after an install, the largest cost of a first
// sweep), and the channel reads its starting point from the snapshot (feed/snapshot.ts) instead
// of the change feed. After it, a first decision is news (a new SKU, a new seller's offer) and
// is audited, so the change feed carries it.
import type { RunIndex } from '../reconcile/types'
import type { Docs } from './stores/docStore'
import { runIndexStore } from './stores/reconcile'

/** When each channel was baselined (absent: not yet). */
export type Baselines = (channel: string) => string | null

export function baselinesOf(index: RunIndex): Baselines {
  const own = index.baselines

  return (channel) => {
    if (own) return own[channel] ?? null

    // An index from before per-channel baselines: a full sweep that finished then decided every
    // channel there was; a channel added since is audited as before (the safe side).
    return index.fullDoneAt ?? null
  }
}

export async function readBaselines(docs: Docs): Promise<Baselines> {
  return baselinesOf((await runIndexStore(docs).read()).value)
}

/**
 * Records, once per channel, that a sweep of every SKU on these channels finished DONE at `at`.
 * An index without `baselines` keeps its older full sweep's answer for the channels it had.
 */
export async function markBaselined(
  docs: Docs,
  channels: string[],
  at: string
) {
  await runIndexStore(docs).update((index) => {
    const before = baselinesOf(index)
    const baselines = { ...(index.baselines ?? {}) }
    const missing = channels.filter((c) => !index.baselines?.[c])

    if (!missing.length) return null
    for (const channel of missing) baselines[channel] = before(channel) ?? at

    return { ...index, baselines }
  })
}
