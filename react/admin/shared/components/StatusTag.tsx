import React from 'react'
import { useIntl } from 'react-intl'
import { Tag } from 'vtex.styleguide'

import { reasonMessages, statusMessages } from '../messages'
import type { ExposureStatus, ReasonCode } from '../types'

// styleguide tags know success, warning and error; no type is the neutral grey.
const TAG_TYPE: Record<ExposureStatus, string | undefined> = {
  EXPOSED: 'success',
  WITHHELD: 'warning',
  PENDING: undefined,
  ERROR: 'error',
}

export function StatusTag({ status }: { status: ExposureStatus }) {
  const intl = useIntl()

  return (
    <span data-testid={`status-${status}`}>
      <Tag type={TAG_TYPE[status]} size="small">
        {intl.formatMessage(statusMessages[status])}
      </Tag>
    </span>
  )
}

export function ReasonList({ reasons }: { reasons: ReasonCode[] }) {
  const intl = useIntl()

  if (!reasons.length) return <span className="c-muted-2">—</span>

  return (
    <span className="flex flex-wrap">
      {reasons.map((reason) => (
        <span key={reason} className="mr2 mb1" data-testid={`reason-${reason}`}>
          <Tag size="small" variation="low">
            {intl.formatMessage(reasonMessages[reason])}
          </Tag>
        </span>
      ))}
    </span>
  )
}
