import React from 'react'
import { useIntl } from 'react-intl'
import { Button } from 'vtex.styleguide'

import messages from '../messages'

interface Props {
  count: number
  busy: boolean
  /** A re-evaluation under way: SKUs done of how many. */
  progress?: { done: number; total: number } | null
  /** Absent when every matching row is selected: a re-evaluation takes a page's SKUs. */
  onReevaluate?: () => void
  onOverride: () => void
}

export function BulkBar({
  count,
  busy,
  progress,
  onReevaluate,
  onOverride,
}: Props) {
  const intl = useIntl()

  if (count === 0) return null

  return (
    <div
      className="flex items-center justify-between pa4 mb3 bg-action-secondary br2"
      data-testid="bulk-bar"
    >
      <span className="t-body">
        {intl.formatMessage(messages.selected, { count })}
        {progress && (
          <span className="ml3 c-muted-1" data-testid="bulk-progress">
            {intl.formatMessage(messages.reevaluating, progress)}
          </span>
        )}
      </span>
      <div className="flex">
        {onReevaluate && (
          <div className="mr3">
            <Button
              size="small"
              variation="secondary"
              isLoading={busy}
              onClick={onReevaluate}
              testId="bulk-reevaluate"
            >
              {intl.formatMessage(messages.bulkReevaluate)}
            </Button>
          </div>
        )}
        <Button
          size="small"
          variation="primary"
          disabled={busy}
          onClick={onOverride}
          testId="bulk-override"
        >
          {intl.formatMessage(messages.bulkOverride)}
        </Button>
      </div>
    </div>
  )
}
