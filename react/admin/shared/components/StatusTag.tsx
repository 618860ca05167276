import React from 'react'
import { useIntl } from 'react-intl'
import { Tag } from 'vtex.styleguide'

import { reasonMessages, statusMessages } from '../messages'
import type { ExposureStatus, ReasonCode } from '../types'
import { TAG_COLORS } from '../tagColors'
import type { TagTone } from '../tagColors'

const TONE: Record<ExposureStatus, TagTone> = {
  EXPOSED: 'success',
  WITHHELD: 'warning',
  PENDING: 'neutral',
  ERROR: 'error',
}

export function StatusTag({ status }: { status: ExposureStatus }) {
  const intl = useIntl()

  return (
    <span data-testid={`status-${status}`}>
      <Tag size="small" {...TAG_COLORS[TONE[status]]}>
        {intl.formatMessage(statusMessages[status])}
      </Tag>
    </span>
  )
}

export function ReasonList({ reasons }: { reasons: ReasonCode[] }) {
  const intl = useIntl()

  if (!reasons.length) return <span className="c-muted-1">—</span>

  return (
    <span className="flex flex-wrap">
      {reasons.map((reason) => (
        <span key={reason} className="mr2 mb1" data-testid={`reason-${reason}`}>
          <Tag size="small" variation="low" {...TAG_COLORS.low}>
            {intl.formatMessage(reasonMessages[reason])}
          </Tag>
        </span>
      ))}
    </span>
  )
}
