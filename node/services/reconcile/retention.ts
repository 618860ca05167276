import type { AuditLog } from '../projection/audit'
import type { EngineDeps } from '../shared/deps'
import { readSettings } from '../shared/reference'
import { retentionStore } from '../shared/stores/config'

/** Deletes in flight at once. */
const BATCH = 100

/**
 * Deletes audit entries older than the retention (90 days by default), oldest first, at most
 * `maxEntries` per call so a large backlog is spread over several scheduled runs.
 */
export async function pruneAudit(
  deps: Pick<EngineDeps, 'docs' | 'now' | 'log' | 'memory'> & {
    audit: Pick<AuditLog, 'olderThan' | 'expire'>
  },
  maxEntries = 5000,
  progress: (removed: number) => void = () => undefined
) {
  const { retentionDays } = await readSettings(deps)
  const cutoff = new Date(
    deps.now().getTime() - retentionDays * 86_400_000
  ).toISOString()

  let removed = 0

  // One scroll over the expired entries (no re-search of page 1 after each batch of deletes,
  // which Master Data's asynchronous index could answer with entries already deleted).
  for await (const entries of deps.audit.olderThan(cutoff)) {
    const batch = entries.slice(0, maxEntries - removed)

    for (let i = 0; i < batch.length; i += BATCH) {
      await Promise.all(
        batch.slice(i, i + BATCH).map((entry) => deps.audit.expire(entry.id))
      )
    }

    removed += batch.length
    progress(removed)
    if (removed >= maxEntries) break
  }

  deps.log.info({ message: 'retention-prune-done', removed, cutoff })

  return { removed, cutoff }
}

const DAY_MS = 86_400_000

/**
 * Runs the audit retention at most once a day across every worker: the day's run is claimed with
 * a conditional write, so the scheduler's ticks on several replicas prune once.
 */
export async function pruneIfDue(
  deps: Pick<EngineDeps, 'docs' | 'now' | 'log' | 'memory'> & {
    audit: Pick<AuditLog, 'olderThan' | 'expire'>
  }
) {
  return (await claimPrune(deps)) ? pruneAudit(deps) : null
}

/** Claims today's pruning for this call; false when another worker (or tick) already did. */
export async function claimPrune(deps: Pick<EngineDeps, 'docs' | 'now'>) {
  const now = deps.now()
  const claimed = await retentionStore(deps.docs).update((state) =>
    state.lastAt && now.getTime() - Date.parse(state.lastAt) < DAY_MS
      ? null
      : { lastAt: now.toISOString() }
  )

  return claimed !== null
}
