import type { IntlShape } from 'react-intl'

import { upstreamMessages } from './messages'

type Known = keyof typeof upstreamMessages

/** A failed call's code in the operator's words; an unknown code reads as an unexpected error. */
export function upstreamCodeText(intl: IntlShape, code: string) {
  const http = /^UPSTREAM_HTTP_(\d{3})$/.exec(code)

  if (http) {
    return intl.formatMessage(upstreamMessages.UPSTREAM_HTTP, {
      status: http[1],
    })
  }

  return intl.formatMessage(
    code in upstreamMessages
      ? upstreamMessages[code as Known]
      : upstreamMessages.UNEXPECTED_ERROR
  )
}
