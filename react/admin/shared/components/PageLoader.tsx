import React from 'react'
import type { ReactNode } from 'react'
import { useIntl } from 'react-intl'
import { Button, EmptyState, Spinner } from 'vtex.styleguide'

import { useErrorText } from '../hooks/useErrorText'
import { loaderMessages } from '../messages'

interface Props {
  loading: boolean
  error?: Error | null
  empty?: boolean
  emptyText?: ReactNode
  onRetry?: () => void
  children: ReactNode
}

/** The one place that renders loading, error and empty states; children only get data. */
export function PageLoader({
  loading,
  error,
  empty = false,
  emptyText,
  onRetry,
  children,
}: Props) {
  const intl = useIntl()
  const errorText = useErrorText()

  if (loading) {
    return (
      <div
        className="flex justify-center items-center pa8"
        role="status"
        aria-live="polite"
        data-testid="page-loading"
      >
        <Spinner />
        <span className="ml3 c-muted-1">
          {intl.formatMessage(loaderMessages.loading)}
        </span>
      </div>
    )
  }

  if (error) {
    return (
      <div data-testid="page-error" role="alert">
        <EmptyState title={intl.formatMessage(loaderMessages.errorTitle)}>
          <p>{errorText(error)}</p>
          {onRetry && (
            <div className="pt5">
              <Button
                variation="secondary"
                size="small"
                onClick={() => onRetry()}
              >
                {intl.formatMessage(loaderMessages.retry)}
              </Button>
            </div>
          )}
        </EmptyState>
      </div>
    )
  }

  if (empty) {
    return (
      <div data-testid="page-empty">
        <EmptyState
          title={emptyText ?? intl.formatMessage(loaderMessages.empty)}
        />
      </div>
    )
  }

  return <>{children}</>
}
