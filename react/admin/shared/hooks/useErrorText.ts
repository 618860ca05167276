import { useIntl } from 'react-intl'
import type { ApolloError } from 'apollo-client'

import { errorCodes } from '../errors'
import { errorMessages } from '../messages'

/** Turns an Apollo error into the operator's language, one sentence per code. */
export function useErrorText() {
  const intl = useIntl()

  return (error: ApolloError | Error | null | undefined) =>
    errorCodes(error)
      .map((code) => intl.formatMessage(errorMessages[code]))
      .join(' ')
}
