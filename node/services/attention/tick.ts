// What the scheduler's tick does for "what needs attention": today's daily share points (once a
// day) and, when Settings has addresses, the e-mails of conditions not sent yet today. Costs
// nothing more on a tick where the points are written and no address is set.
import type { EngineDeps } from '../shared/deps'
import { slot } from '../../memory/tenantMemory'
import { readSettings } from '../shared/reference'
import type { AlertDeps } from './alerts'
import { sendAlerts } from './alerts'
import { recordDailyPoints } from './daily'
import { attention, channelCounts } from './facts'

export type AttentionTickDeps = EngineDeps & AlertDeps

export async function attentionTick(deps: AttentionTickDeps) {
  // The alerts compare with the day before: they read the points before today's are written.
  const settings = await readSettings(deps)
  const emails = settings.alertEmails ?? []
  const sent = emails.length
    ? await sendAlerts(deps, await attention(deps), emails)
    : []

  const wrote = await recordDailyPoints(deps, () => channelCounts(deps))

  return { sent, wrote }
}

/**
 * One attention check at a time per account and workspace in this process; the tick answers at
 * once. Safe to lose: the points and what was sent are in VBase, and the next tick checks again.
 */
const CHECKING = slot('attention-tick', () => ({ running: false }))

export function attentionInBackground(deps: AttentionTickDeps) {
  const own = deps.memory.get(CHECKING)

  if (own.running) return
  own.running = true
  attentionTick(deps)
    .catch((error) =>
      deps.log.warn({ message: 'attention-tick-failed', error: String(error) })
    )
    .finally(() => {
      own.running = false
    })
}
