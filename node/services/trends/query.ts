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
import type { EngineDeps } from '../deps'
import { readSettings } from '../reference'
import { latestRunId, readRun } from '../reconcile/runs'
import { isFinished } from '../reconcile/types'
import { trendStore } from './store'

type Deps = Pick<EngineDeps, 'docs' | 'now' | 'memory'>

/** The finished sweeps of the window that covered the channel, oldest first. */
async function sweepsWithin(deps: Deps, channel: string, from: string) {
  // A run's id says the day it was created: only the window's runs are read (at most the
  // index's 100, newest first).
  const ids = (await latestRunId(deps)).filter((id) => runDay(id) >= from)
  const runs = await Promise.all(ids.map((id) => readRun(deps, id)))

  return runs
    .map((r) => r.run)
    .filter(
      (run): run is NonNullable<typeof run> =>
        run !== null &&
        isFinished(run.state) &&
        (!run.scope.channel || run.scope.channel === channel)
    )
    .map((run) => ({
      runId: run.id,
      at: run.finishedAt ?? run.createdAt,
      state: run.state,
      driftFound: run.driftFound,
      driftFixed: run.driftFixed,
    }))
    .reverse()
}

export async function channelTrends(
  deps: Deps,
  channel: string,
  days: TrendWindow
) {
  const now = deps.now()
  const [{ retentionDays }, { doc }] = await Promise.all([
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
