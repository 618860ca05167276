import type { IntlShape } from 'react-intl'

import { statusMessages } from '../../shared/messages'
import { upstreamCodeText } from '../../shared/upstreamCodes'
import messages from '../messages'
import type { RunFinding } from '../types'

/** What a finding says, in the operator's words (a failure's code becomes its reason). */
export function findingText(intl: IntlShape, f: RunFinding): string {
  const tradePolicy = f.tradePolicy ?? '—'
  const reason = upstreamCodeText(intl, f.code ?? 'UNEXPECTED_ERROR')

  if (f.kind === 'DRIFTED') {
    const status = (s: RunFinding['toStatus']) =>
      s ? intl.formatMessage(statusMessages[s]) : '—'

    return intl.formatMessage(messages.statusChange, {
      from: status(f.fromStatus),
      to: status(f.toStatus),
    })
  }

  if (f.kind === 'WRITTEN') {
    return intl.formatMessage(
      f.change === 'ASSOCIATE' ? messages.associated : messages.dissociated,
      { tradePolicy }
    )
  }

  if (!f.change)
    return intl.formatMessage(messages.evaluationFailed, { reason })

  return intl.formatMessage(
    f.change === 'ASSOCIATE'
      ? messages.associateFailed
      : messages.dissociateFailed,
    { tradePolicy, reason }
  )
}
