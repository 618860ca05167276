/** The server's rule (node/domain/attention.ts validAlertEmails), so the form says it first. */
export const MAX_ALERT_EMAILS = 10
const EMAIL = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;".]+$/

/** The addresses typed, one per line or comma-separated, trimmed, empty entries dropped. */
export const parseEmails = (text: string) =>
  text
    .split(/[\n,;]+/)
    .map((e) => e.trim())
    .filter(Boolean)

export type AlertEmailsProblem = 'INVALID_EMAIL' | 'TOO_MANY_EMAILS'

export function alertEmailsProblem(
  emails: string[]
): { code: AlertEmailsProblem; value?: string } | null {
  const bad = emails.find((e) => e.length > 254 || !EMAIL.test(e.toLowerCase()))

  if (bad) return { code: 'INVALID_EMAIL', value: bad }
  if (new Set(emails.map((e) => e.toLowerCase())).size > MAX_ALERT_EMAILS)
    return { code: 'TOO_MANY_EMAILS' }

  return null
}
