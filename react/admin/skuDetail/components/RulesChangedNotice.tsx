import React from 'react'
import { useIntl } from 'react-intl'

import { statusMessages } from '../../shared/messages'
import type { RulesChanged } from '../../shared/types'
import { rulesChangedMessages } from '../traceMessages'

/**
 * A decision keeps the trace it was made under until its SKU is evaluated again; a settings
 * change re-decides only the SKUs whose status it changes. So when the channel's rules differ
 * from the trace's, say so, and what the rules now give, rather than show old thresholds as rules.
 */
export function RulesChangedNotice({
  channel,
  status,
  rules,
}: {
  channel: string
  status: keyof typeof statusMessages
  rules: RulesChanged
}) {
  const intl = useIntl()
  const names = rules.changed
    .map((setting) =>
      setting in rulesChangedMessages
        ? intl.formatMessage(
            rulesChangedMessages[setting as keyof typeof rulesChangedMessages]
          )
        : setting
    )
    .join(', ')

  return (
    <div
      className="mt3 pa3 bg-warning--faded br2 t-small"
      data-testid={`rules-changed-${channel}`}
    >
      <p className="ma0 mb1">
        {intl.formatMessage(rulesChangedMessages.changed, {
          changed: names,
          exposeAt: rules.exposeAt,
          withdrawBelow: rules.withdrawBelow,
          requirePrice: String(rules.requirePrice),
        })}
      </p>
      {rules.statusNow && (
        <p className="ma0" data-testid={`rules-changed-status-${channel}`}>
          {intl.formatMessage(
            rules.statusNow === status
              ? rulesChangedMessages.same
              : rulesChangedMessages.differs,
            { status: intl.formatMessage(statusMessages[rules.statusNow]) }
          )}
        </p>
      )}
    </div>
  )
}
