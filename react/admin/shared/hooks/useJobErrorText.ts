import { useIntl } from 'react-intl'

import { jobErrorCode } from '../jobs'
import type { Job } from '../jobs'
import { errorMessages } from '../messages'

/** A FAILED job's error code in the operator's language. */
export function useJobErrorText() {
  const intl = useIntl()

  return (job: Job) => intl.formatMessage(errorMessages[jobErrorCode(job)])
}
