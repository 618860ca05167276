import type { IntlShape } from 'react-intl'

import { triggerMessages } from './messages'

/** The operator's e-mail when one started the run; otherwise what did, in words (never the code). */
export function startedByText(
  intl: IntlShape,
  run: { startedBy: string | null; trigger: string }
): string {
  if (run.startedBy) return run.startedBy
  const known = triggerMessages[run.trigger as keyof typeof triggerMessages]

  return known ? intl.formatMessage(known) : '—'
}
