import React from 'react'
import type { ReactNode } from 'react'
import { useIntl } from 'react-intl'
import { Button, Spinner } from 'vtex.styleguide'

import { useErrorText } from '../hooks/useErrorText'
import { loaderMessages } from '../messages'

interface Props {
  loading: boolean
  error?: Error | null
  empty: boolean
  emptyText: ReactNode
  onRetry: () => void
  errorTestId: string
  emptyTestId: string
  children: ReactNode
}

/**
 * A list's loading, error and empty states inside a settings section: the compact sibling of
 * PageLoader, which fills a page.
 */
export function ListLoader({
  loading,
  error,
  empty,
  emptyText,
  onRetry,
  errorTestId,
  emptyTestId,
  children,
}: Props) {
  const intl = useIntl()
  const errorText = useErrorText()

  if (loading)
    return (
      <div className="flex items-center pv3" role="status" aria-live="polite">
        <Spinner size={20} />
        <span className="ml3 c-muted-1">
          {intl.formatMessage(loaderMessages.loading)}
        </span>
      </div>
    )

  if (error)
    return (
      <div className="pv3" role="alert" data-testid={errorTestId}>
        <p className="c-danger mt0">{errorText(error)}</p>
        <Button variation="secondary" size="small" onClick={() => onRetry()}>
          {intl.formatMessage(loaderMessages.retry)}
        </Button>
      </div>
    )

  if (empty)
    return (
      <p className="c-muted-1" data-testid={emptyTestId}>
        {emptyText}
      </p>
    )

  return <>{children}</>
}
