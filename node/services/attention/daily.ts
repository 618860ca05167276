// One small point per channel and day: the exposed share the "share fell since the day before"
// condition compares with. Its own document in the tenant's VBase bucket (not the trends'), so
// the two can be merged later; the latest two days per channel are kept, so it stays tiny.
import { dayOf } from '../../domain/attention'
import type { EngineDeps } from '../shared/deps'
import { slot } from '../../memory/tenantMemory'
import { sharePointsStore } from '../shared/stores/attention'
import type { SharePoint, SharePoints } from '../shared/stores/attention'

const KEPT_PER_CHANNEL = 2

export async function readPoints(deps: Pick<EngineDeps, 'docs'>) {
  return (await sharePointsStore(deps.docs).read()).value
}

/** The exposed share of the latest point before `today` (null: none, or no SKU then). */
export function shareBefore(points: SharePoint[] | undefined, today: string) {
  const before = (points ?? []).filter((p) => p.day < today)
  const last = before[before.length - 1]

  return last && last.total > 0 ? last.exposed / last.total : null
}

/**
 * The day this process last found today's points written, per tenant: a shortcut over the
 * document's read. Safe to lose: the next tick reads the document once more.
 */
const WRITTEN = slot('attention-points-day', () => ({ day: '' }))

/**
 * Writes today's point of every channel, once a day: the first tick of the day that finds the
 * day missing writes it (a conditional write, so two workers write it once); later ticks cost
 * nothing in this process and one read in another. `counts` is called only when a write is due.
 */
export async function recordDailyPoints(
  deps: Pick<EngineDeps, 'docs' | 'memory' | 'now'>,
  counts: () => Promise<
    Array<{ channel: string; exposed: number; total: number }>
  >
): Promise<boolean> {
  const day = dayOf(deps.now())
  const own = deps.memory.get(WRITTEN)

  if (own.day === day) return false
  const current = await readPoints(deps)
  const channels = Object.keys(current.channels)

  if (
    channels.length > 0 &&
    channels.every((c) => current.channels[c].some((p) => p.day === day))
  ) {
    own.day = day

    return false
  }

  const today = await counts()
  const saved = await sharePointsStore(deps.docs).update((doc) => {
    if (today.every((t) => doc.channels[t.channel]?.some((p) => p.day === day)))
      return null
    const next: SharePoints = { channels: {} }

    // Channels gone from the account are dropped with the rewrite: the document stays bounded.
    for (const { channel, exposed, total } of today) {
      const kept = (doc.channels[channel] ?? []).filter((p) => p.day !== day)

      next.channels[channel] = [...kept, { day, exposed, total }]
        .sort((a, b) => a.day.localeCompare(b.day))
        .slice(-KEPT_PER_CHANNEL)
    }

    return next
  })

  own.day = day

  return saved !== null
}
