import React from 'react'
import { useIntl } from 'react-intl'
import { IconFailure, IconSuccess } from 'vtex.styleguide'

import { reasonMessages } from '../../shared/messages'
import type { RuleResult } from '../../shared/types'
import messages, { ruleMessages } from '../messages'
import { RuleDetails } from './RuleDetails'

const ruleLabel = (rule: string) =>
  rule in ruleMessages ? ruleMessages[rule as keyof typeof ruleMessages] : null

export function RuleTrace({ trace }: { trace: RuleResult[] }) {
  const intl = useIntl()

  return (
    <div>
      <h4 className="t-heading-6 mt4 mb2">
        {intl.formatMessage(messages.traceTitle)}
      </h4>
      <ol className="list pa0 ma0">
        {trace.map((result) => {
          const label = ruleLabel(result.rule)

          return (
            <li
              key={result.rule}
              className="pv3 bb b--muted-4"
              data-testid={`rule-${result.rule}`}
            >
              <div className="flex items-center mb2">
                <span
                  className={`mr2 ${result.passed ? 'c-success' : 'c-danger'}`}
                >
                  {result.passed ? (
                    <IconSuccess size={14} />
                  ) : (
                    <IconFailure size={14} />
                  )}
                </span>
                <span className="b">
                  {label ? intl.formatMessage(label) : result.rule}
                </span>
                <span className="ml2 c-muted-1 t-small">
                  {intl.formatMessage(
                    result.passed ? messages.passed : messages.failed
                  )}
                  {result.reason &&
                    ` · ${intl.formatMessage(reasonMessages[result.reason])}`}
                </span>
              </div>
              <RuleDetails rule={result.rule} details={result.details} />
            </li>
          )
        })}
      </ol>
    </div>
  )
}
