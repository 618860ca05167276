import React from 'react'
import { useIntl } from 'react-intl'
import { Button, ButtonPlain } from 'vtex.styleguide'

import type { Job } from '../../shared/jobs'
import messages from '../matchingMessages'
import { MAX_MATCHING } from '../hooks/useMatchingOverride'

interface Props {
  /** Rows selected on this page (every one of them, or this bar is not offered). */
  pageCount: number
  /** The filter's total. */
  total: number
  allMatching: boolean
  onSelectAll: () => void
  onClear: () => void
  progress: Job['progress'] | null
  /** A job that stopped before its end: it can be resumed. */
  stopped: Job | null
  busy: boolean
  onResume: () => void
}

/** "Select all N matching rows", as mail clients offer it, and the job it starts while it runs. */
export function MatchingBar({
  pageCount,
  total,
  allMatching,
  onSelectAll,
  onClear,
  progress,
  stopped,
  busy,
  onResume,
}: Props) {
  const intl = useIntl()
  const offer = pageCount > 0 && total > pageCount

  if (!offer && !allMatching && !progress && !stopped) return null

  return (
    <div
      className="flex flex-wrap items-center pa3 mb3 bg-muted-5 br2 t-small"
      data-testid="matching-bar"
      role="status"
    >
      {progress ? (
        <span data-testid="matching-progress">
          {intl.formatMessage(messages.running, progress)}
        </span>
      ) : allMatching ? (
        <>
          <span className="mr3" data-testid="matching-selected">
            {intl.formatMessage(messages.matchingSelected, { count: total })}
          </span>
          <ButtonPlain onClick={onClear} testId="matching-clear">
            {intl.formatMessage(messages.clearSelection)}
          </ButtonPlain>
        </>
      ) : offer ? (
        <>
          <span className="mr3">
            {intl.formatMessage(messages.pageSelected, { count: pageCount })}
          </span>
          {total <= MAX_MATCHING ? (
            <ButtonPlain onClick={onSelectAll} testId="select-matching">
              {intl.formatMessage(messages.selectMatching, { count: total })}
            </ButtonPlain>
          ) : (
            <span data-testid="matching-too-many">
              {intl.formatMessage(messages.matchingTooMany, {
                count: total,
                max: MAX_MATCHING,
              })}
            </span>
          )}
        </>
      ) : null}
      {stopped && !progress && (
        <div className="ml-auto">
          <Button
            size="small"
            variation="secondary"
            isLoading={busy}
            onClick={onResume}
            testId="matching-resume"
          >
            {intl.formatMessage(messages.resume)}
          </Button>
        </div>
      )}
    </div>
  )
}
