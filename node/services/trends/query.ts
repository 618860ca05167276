// What the overview's trend charts read: a channel's daily points within the window, and the
// drift found and fixed by each sweep that covered the channel (from the run documents: no
// storage of its own).
import {
  exposedShare,
  firstDayWithin,
  pointsWithin,
  runDay,
} from '../../domain/trends'
import type { TrendWindow } from '../../domain/trends'
import { slot } from '../../memory/tenantMemory'
import type { EngineDeps } from '../shared/deps'
import { readSettings } from '../shared/reference'
import { latestRunId, readRun } from '../reconcile/runs'
import { isFinished } from '../reconcile/types'
import { trendStore } from '../shared/stores/trends'

type Deps = Pick<EngineDeps, 'docs' | 'now' | 'memory'>

interface SweepDrift {
  runId: string
  at: string
  state: string
  driftFound: number
  driftFixed: number
  /** The channel the sweep was limited to; null: every channel. */
  channel: string | null
}

/**
 * Finished runs' drift, by run id, in the tenant's memory (2,000 for every tenant together): a
 * finished run never changes, so the overview's next load reads only the runs it has not seen.
 * Safe to lose: one more read of each.
 */
const FINISHED = slot('trend-sweeps', (pools) =>
  pools.pool('trend-sweeps', 2_000).map<SweepDrift>()
)

async function driftOf(deps: Deps, id: string): Promise<SweepDrift | null> {
  const cache = deps.memory.get(FINISHED)
  const hit = cache.get(id)

  if (hit) return hit
  const { run } = await readRun(deps, id)

  if (!run || !isFinished(run.state)) return null
  const drift = {
    runId: run.id,
    at: run.finishedAt ?? run.createdAt,
    state: run.state,
    driftFound: run.driftFound,
    driftFixed: run.driftFixed,
    channel: run.scope.channel ?? null,
  }

  cache.set(id, drift)

  return drift
}

/** The finished sweeps of the window that covered the channel, oldest first. */
async function sweepsWithin(deps: Deps, channel: string, from: string) {
  // A run's id says the day it was created: only the window's runs are read (at most the
  // index's 100, newest first), and each finished one once per process.
  const ids = (await latestRunId(deps)).filter((id) => runDay(id) >= from)
  const runs = await Promise.all(ids.map((id) => driftOf(deps, id)))

  return runs
    .filter(
      (run): run is SweepDrift =>
        run !== null && (!run.channel || run.channel === channel)
    )
    .map(({ channel: _, ...drift }) => drift)
    .reverse()
}

export async function channelTrends(
  deps: Deps,
  channel: string,
  days: TrendWindow
) {
  const now = deps.now()
  const [{ retentionDays }, { value: doc }] = await Promise.all([
    readSettings(deps),
    trendStore(deps.docs).read(channel),
  ])

  const from = firstDayWithin(now, Math.min(days, retentionDays))

  return {
    points: pointsWithin(doc, now, days, retentionDays).map((point) => ({
      ...point,
      exposedShare: exposedShare(point),
      byReason: Object.entries(point.byReason).map(([reason, count]) => ({
        reason,
        count,
      })),
    })),
    sweeps: await sweepsWithin(deps, channel, from),
  }
}
