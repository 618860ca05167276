// What an operator must act on, from facts the services gathered: pure rules, codes and counts,
// each with where the admin shows it. No I/O; time is a parameter.

export type AttentionCode =
  | 'SWEEP_STALLED'
  | 'SWEEP_FAILING'
  | 'TICK_LATE'
  | 'SKUS_IN_ERROR'
  | 'WRITES_LATE'
  | 'SHARE_DROP'
  | 'KEY_NEVER_USED'

/** Where the admin shows a condition: the page, and the filter that narrows it. */
export type AttentionPage =
  | 'RECONCILIATION'
  | 'EXPOSURES'
  | 'PRODUCTS_TO_CHANGE'
  | 'CHANNEL_KEYS'

export interface AttentionItem {
  code: AttentionCode
  channel: string | null
  /** SKUs, products, keys or runs concerned; for SHARE_DROP the fall in percentage points. */
  count: number
  page: AttentionPage
  status: 'ERROR' | null
  runId: string | null
}

export interface AttentionFacts {
  latestRun: {
    id: string
    finished: boolean
    failed: boolean
    /** Since when the running sweep waits for a failing VTEX API (null: not waiting). */
    waitingSince: string | null
  } | null
  lastTickAt: string | null
  lastTickOutcome: string | null
  channels: Array<{
    id: string
    errors: number
    /** ENFORCE only: products whose catalog write is still pending past the grace. */
    lateWrites: number
    exposed: number
    total: number
    /** The exposed share of the last daily point before today (null: none). */
    yesterdayShare: number | null
    /** Active keys, and whether any was ever used; the oldest unused one's creation. */
    activeKeys: number
    anyKeyUsed: boolean
    oldestKeyAt: string | null
  }>
}

export interface AttentionLimits {
  /** A sweep waiting on an API this long is stalled. */
  stallMs: number
  /** The scheduler calls every 10 minutes; three calls missed is late. */
  tickLateMs: number
  /** A fall of the exposed share larger than this (0..1) since the day before. */
  shareDrop: number
  /** An unused key younger than this is still being set up by the channel. */
  keyGraceMs: number
}

export const DEFAULT_LIMITS: AttentionLimits = {
  stallMs: 10 * 60_000,
  tickLateMs: 30 * 60_000,
  shareDrop: 0.1,
  keyGraceMs: 24 * 3600_000,
}

const shareOf = (exposed: number, total: number) =>
  total > 0 ? exposed / total : null

const item = (
  code: AttentionCode,
  page: AttentionPage,
  count: number,
  extra: Partial<AttentionItem> = {}
): AttentionItem => ({
  code,
  channel: null,
  count,
  page,
  status: null,
  runId: null,
  ...extra,
})

const older = (iso: string | null, now: Date, ms: number) =>
  !!iso && now.getTime() - Date.parse(iso) >= ms

/** The conditions that hold, account-wide first, then per channel in the channels' order. */
export function attentionItems(
  facts: AttentionFacts,
  now: Date,
  limits: AttentionLimits = DEFAULT_LIMITS
): AttentionItem[] {
  const out: AttentionItem[] = []
  const run = facts.latestRun

  if (run && !run.finished && older(run.waitingSince, now, limits.stallMs))
    out.push(item('SWEEP_STALLED', 'RECONCILIATION', 1, { runId: run.id }))

  if (facts.lastTickOutcome === 'FAILED' || (run?.finished && run.failed))
    out.push(
      item('SWEEP_FAILING', 'RECONCILIATION', 1, { runId: run?.id ?? null })
    )

  // Never called yet is a fresh install: the first-sweep notice says so.
  if (older(facts.lastTickAt, now, limits.tickLateMs))
    out.push(item('TICK_LATE', 'RECONCILIATION', 1))

  for (const c of facts.channels) {
    const channel = c.id

    if (c.errors > 0)
      out.push(
        item('SKUS_IN_ERROR', 'EXPOSURES', c.errors, {
          channel,
          status: 'ERROR',
        })
      )

    if (c.lateWrites > 0)
      out.push(
        item('WRITES_LATE', 'PRODUCTS_TO_CHANGE', c.lateWrites, { channel })
      )

    const today = shareOf(c.exposed, c.total)

    if (
      today !== null &&
      c.yesterdayShare !== null &&
      c.yesterdayShare - today > limits.shareDrop
    )
      out.push(
        item(
          'SHARE_DROP',
          'EXPOSURES',
          Math.round((c.yesterdayShare - today) * 100),
          { channel }
        )
      )

    if (
      c.activeKeys > 0 &&
      !c.anyKeyUsed &&
      older(c.oldestKeyAt, now, limits.keyGraceMs)
    )
      out.push(
        item('KEY_NEVER_USED', 'CHANNEL_KEYS', c.activeKeys, { channel })
      )
  }

  return out
}

/** What the once-a-day rule keys a condition by: its code and channel. */
export const alertKey = (i: Pick<AttentionItem, 'code' | 'channel'>) =>
  `${i.code}:${i.channel ?? '-'}`

/** The UTC day of `now`, as the once-a-day rule counts days. */
export const dayOf = (now: Date) => now.toISOString().slice(0, 10)

const MAX_ALERT_EMAILS = 10

export type AlertEmailsError = 'INVALID_EMAIL' | 'TOO_MANY_EMAILS'

// Deliberately plain: one @, no spaces, a dot in the domain; the mail service is the judge of more.
const EMAIL = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;".]+$/

/** Trimmed, lower-cased, de-duplicated addresses, or the first reason they are refused. */
export function validAlertEmails(
  input: string[]
):
  | { ok: true; emails: string[] }
  | { ok: false; code: AlertEmailsError; value?: string } {
  const emails: string[] = []

  for (const raw of input) {
    const email = raw.trim().toLowerCase()

    if (email.length > 254 || !EMAIL.test(email))
      return { ok: false, code: 'INVALID_EMAIL', value: raw }
    if (!emails.includes(email)) emails.push(email)
  }

  if (emails.length > MAX_ALERT_EMAILS)
    return { ok: false, code: 'TOO_MANY_EMAILS' }

  return { ok: true, emails }
}
