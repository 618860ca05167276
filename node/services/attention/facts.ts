// Gathers what the attention rules (domain/attention.ts) decide on, and counts what it costs:
// per channel 3 Master Data counts (ERROR, EXPOSED, all) and a key document read, one pending
// search per ENFORCE channel; account-wide the run index, the latest run, the schedule state and
// the daily points (VBase).
import type { AttentionFacts, AttentionLimits } from '../../domain/attention'
import { attentionItems, dayOf, DEFAULT_LIMITS } from '../../domain/attention'
import type { EngineDeps } from '../shared/deps'
import { countExposures } from '../operator/exposures'
import { listKeys } from '../feed/keys'
import { PENDING_GRACE_MS } from '../enforcement/pendingWrites'
import { channels as loadChannels } from '../shared/reference'
import { latestRunId, readRun } from '../reconcile/runs'
import { readScheduleState } from '../reconcile/schedule'
import { isFinished } from '../reconcile/types'
import { readPoints, shareBefore } from './daily'

type Deps = Pick<
  EngineDeps,
  'affiliates' | 'docs' | 'memory' | 'tenant' | 'projection' | 'now'
>

/** Catalog writes not done after this long are late (the 10 minutes). */
const WRITES_LATE_MS = 10 * 60_000

const positive = (value: string | undefined, fallback: number) => {
  const n = Number(value)

  return Number.isFinite(n) && n > 0 ? n : fallback
}

/** The limits, from the environment where tests shorten them (IO uses the defaults). */
function limitsFromEnv(env = process.env): AttentionLimits {
  return {
    ...DEFAULT_LIMITS,
    stallMs: positive(env.ATTENTION_STALL_MS, DEFAULT_LIMITS.stallMs),
  }
}

/** Each channel's exposed and total counts: also what the daily point records. */
export async function channelCounts(deps: Deps) {
  const list = await loadChannels(deps)

  return Promise.all(
    list.map(async (c) => {
      const [exposed, total] = await Promise.all([
        countExposures(deps, { channel: c.id, status: 'EXPOSED' }),
        countExposures(deps, { channel: c.id }),
      ])

      return { channel: c.id, exposed, total }
    })
  )
}

export async function attentionFacts(deps: Deps): Promise<AttentionFacts> {
  const now = deps.now()
  const [list, ids, schedule, points] = await Promise.all([
    loadChannels(deps),
    latestRunId(deps),
    readScheduleState(deps),
    readPoints(deps),
  ])

  const { run } = ids[0] ? await readRun(deps, ids[0]) : { run: null }
  // The tick settles pending writes older than PENDING_GRACE_MS: late is past that and 10 minutes.
  const before = new Date(
    now.getTime() - Math.max(WRITES_LATE_MS, PENDING_GRACE_MS)
  ).toISOString()

  const today = dayOf(now)
  const channels = await Promise.all(
    list.map(async (c) => {
      const [errors, exposed, total, late, keys] = await Promise.all([
        countExposures(deps, { channel: c.id, status: 'ERROR' }),
        countExposures(deps, { channel: c.id, status: 'EXPOSED' }),
        countExposures(deps, { channel: c.id }),
        c.mode === 'ENFORCE'
          ? deps.projection.pendingProducts([c.id], before, 100)
          : Promise.resolve([]),
        listKeys(deps, c.id),
      ])

      const active = keys.filter((k) => !k.revokedAt)

      return {
        id: c.id,
        errors,
        lateWrites: late.length,
        exposed,
        total,
        yesterdayShare: shareBefore(points.channels[c.id], today),
        activeKeys: active.length,
        anyKeyUsed: active.some((k) => !!k.firstUsedAt),
        oldestKeyAt:
          active
            .map((k) => k.createdAt)
            .sort((a, b) => a.localeCompare(b))[0] ?? null,
      }
    })
  )

  return {
    latestRun: run
      ? {
          id: run.id,
          finished: isFinished(run.state),
          failed: run.state === 'FAILED',
          waitingSince: run.waiting?.since ?? null,
        }
      : null,
    lastTickAt: schedule.lastTickAt ?? null,
    lastTickOutcome: schedule.lastTickOutcome ?? null,
    channels,
  }
}

export async function attention(deps: Deps, limits = limitsFromEnv()) {
  return attentionItems(await attentionFacts(deps), deps.now(), limits)
}
