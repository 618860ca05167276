import type { SettingsInput } from '../../domain'
import type { EngineDeps } from '../shared/deps'
import { evaluate } from '../evaluation/engine'
import { startJob } from '../shared/jobs'
import { computePreview, preparePreview } from './preview'
import { countingDeps, newTally } from '../reconcile/counting'
import { claimPrune, pruneAudit } from '../reconcile/retention'
import { applySaved, hasWorkToApply } from './settingsApply'
import type { SavedSettings } from './settingsApply'

/** At most this many SKUs per bulk re-evaluation (the admin sends a page's selection). */
const MAX_REEVALUATE = 500
// A few at a time: the API budget is shared with events.
const REEVALUATE_AT_ONCE = 4

/** The settings review: refused input answers at once; the paging over decisions is a job. */
export async function startSettingsPreview(
  deps: EngineDeps,
  input: SettingsInput,
  actor: string | null
) {
  const prepared = await preparePreview(deps, input)

  return startJob(deps, 'SETTINGS_PREVIEW', actor, (report) =>
    computePreview(deps, prepared, (done, total) =>
      report.progress(done, total)
    )
  )
}

/** Re-evaluates the SKUs as the operator; the job's result counts the SKUs the catalog knows. */
export async function reevaluateMany(
  deps: EngineDeps,
  skuIds: string[],
  actor: string | null,
  progress: (done: number, total: number) => void = () => undefined
) {
  const ids = [...new Set(skuIds)].slice(0, MAX_REEVALUATE)
  let known = 0

  for (let i = 0; i < ids.length; i += REEVALUATE_AT_ONCE) {
    const results = await Promise.all(
      ids
        .slice(i, i + REEVALUATE_AT_ONCE)
        .map((id) => evaluate(deps, id, { cause: 'OPERATOR', actor }))
    )

    known += results.filter((r) => r.outcome !== 'UNKNOWN_SKU').length
    progress(Math.min(ids.length, i + REEVALUATE_AT_ONCE), ids.length)
  }

  return known
}

export function startReevaluateMany(
  deps: EngineDeps,
  skuIds: string[],
  actor: string | null
) {
  const total = Math.min(new Set(skuIds).size, MAX_REEVALUATE)

  return startJob(
    deps,
    'REEVALUATE',
    actor,
    (report) => reevaluateMany(deps, skuIds, actor, report.progress),
    total
  )
}

/**
 * The tick's audit retention, at most once a day across workers: the day is claimed in the
 * request, the deleting runs as a job (null: not due today).
 */
export async function startPruneIfDue(deps: EngineDeps) {
  if (!(await claimPrune(deps))) return null

  return startJob(deps, 'AUDIT_PRUNE', null, (report) =>
    pruneAudit(deps, undefined, (removed) => report.progress(removed, 0))
  )
}

/** What a settings save's apply job stores: its counts and its upstream calls by API. */
export interface SettingsApplyOutcome {
  decidedAgain: number
  failed: number
  calls: Record<string, number>
}

/**
 * A save's apply (deciding again, then the ENFORCE switch's catalog writes) as a job: the
 * admin opens it as it opens a sweep, its findings tagged with the job's id. Null when the save
 * changes nothing that applies (no job, no write).
 */
export async function startSettingsApply(
  deps: EngineDeps,
  save: SavedSettings
) {
  const { before, after, switched, actor } = save

  if (!hasWorkToApply(before, after, switched)) return null

  return startJob(
    deps,
    'SETTINGS_APPLY',
    actor,
    async (report): Promise<SettingsApplyOutcome> => {
      const tally = newTally()
      const result = await applySaved(
        countingDeps(deps, tally),
        save,
        report.id
      )

      return { ...result, calls: tally.calls }
    }
  )
}
