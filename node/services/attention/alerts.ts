// The attention conditions by e-mail, through VTEX's mail service and a Message Center template
// (as vtex-apps/availability-notify sends its mail): at most once per condition per day in this
// account and workspace, whichever worker ticks. Runs on the scheduler's tick, never in a request.
import type { MailClient } from '../../clients/mail'
import type { AttentionItem } from '../../domain/attention'
import { alertKey, dayOf } from '../../domain/attention'
import type { EngineDeps } from '../shared/deps'
import { slot } from '../../memory/tenantMemory'
import { ALERT_TEMPLATE, alertTemplate } from './template'
import { sentTodayStore } from '../shared/stores/attention'

export type AlertDeps = Pick<EngineDeps, 'docs' | 'memory' | 'now' | 'log'> & {
  mail: Pick<MailClient, 'send' | 'hasTemplate' | 'createTemplate'>
  tenant: { account: string; workspace: string }
}

/**
 * Claims today's e-mail for each condition not sent yet, with a conditional write: of two workers
 * ticking at once, one claims it and the other finds it claimed. Answers what this call claimed.
 */
export async function claimToday(
  deps: Pick<EngineDeps, 'docs' | 'now'>,
  keys: string[]
): Promise<string[]> {
  const day = dayOf(deps.now())
  let claimed: string[] = []

  await sentTodayStore(deps.docs).update((doc) => {
    const sent = doc.day === day ? doc.keys : []

    claimed = keys.filter((k) => !sent.includes(k))

    return claimed.length ? { day, keys: [...sent, ...claimed] } : null
  })

  return claimed
}

/** Gives a claim back when its e-mail could not be sent, so that the next tick tries again. */
async function release(deps: Pick<EngineDeps, 'docs' | 'now'>, key: string) {
  const day = dayOf(deps.now())

  await sentTodayStore(deps.docs).update((doc) =>
    doc.day === day && doc.keys.includes(key)
      ? { day, keys: doc.keys.filter((k) => k !== key) }
      : null
  )
}

/** Whether this process saw the template in Message Center (safe to lose: checked again). */
const TEMPLATE_READY = slot('attention-mail-template', () => ({ ready: false }))

/** Creates the app's template once if Message Center lacks it, as availability-notify does. */
export async function ensureTemplate(deps: AlertDeps) {
  const own = deps.memory.get(TEMPLATE_READY)

  if (own.ready) return
  if (!(await deps.mail.hasTemplate(ALERT_TEMPLATE)))
    await deps.mail.createTemplate(alertTemplate())
  own.ready = true
}

/** Sends one e-mail per condition not yet sent today; answers the keys sent. */
export async function sendAlerts(
  deps: AlertDeps,
  items: AttentionItem[],
  emails: string[]
): Promise<string[]> {
  if (emails.length === 0 || items.length === 0) return []
  const byKey = new Map(items.map((i) => [alertKey(i), i]))
  const claimed = await claimToday(deps, [...byKey.keys()])

  if (claimed.length === 0) return []
  const sent: string[] = []

  try {
    await ensureTemplate(deps)
  } catch (error) {
    deps.log.warn({
      message: 'attention-template-failed',
      error: String(error),
    })
    await Promise.all(
      claimed.map((k) => release(deps, k).catch(() => undefined))
    )

    return []
  }

  for (const key of claimed) {
    const i = byKey.get(key) as AttentionItem

    try {
      await deps.mail.send({
        templateName: ALERT_TEMPLATE,
        jsonData: {
          to: emails.join(','),
          account: deps.tenant.account,
          workspace: deps.tenant.workspace,
          code: i.code,
          channel: i.channel,
          count: i.count,
          link: linkOf(i),
        },
      })
      sent.push(key)
    } catch (error) {
      deps.log.warn({
        message: 'attention-mail-failed',
        key,
        error: String(error),
      })
      await release(deps, key).catch(() => undefined)
    }
  }

  if (sent.length) deps.log.info({ message: 'attention-mail-sent', keys: sent })

  return sent
}

/** The admin path that shows the condition (the admin's own routes, admin/routes.json). */
export function linkOf(i: AttentionItem): string {
  const base = '/admin/app/marketplace-stock-gate'
  const q = (params: Record<string, string | null>) =>
    Object.entries(params)
      .filter(([, v]) => v)
      .map(([k, v]) => `${k}=${encodeURIComponent(v as string)}`)
      .join('&')

  switch (i.page) {
    case 'RECONCILIATION':
      // The page shows the current run and the history: no run filter to pass.
      return `${base}/reconciliation`

    case 'EXPOSURES':
      return `${base}/exposures?${q({ channel: i.channel, status: i.status })}`

    case 'PRODUCTS_TO_CHANGE':
      return `${base}#channel-${i.channel ?? ''}`

    default:
      return `${base}/settings#feed-keys-title`
  }
}
