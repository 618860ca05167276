import { useIntl } from 'react-intl'
import type { ApolloError } from 'apollo-client'

import { sellerLabelWithId } from '../../shared/components/SellerName'
import { errorCodes, errorDetails } from '../../shared/errors'
import type { ErrorCode } from '../../shared/errors'
import { errorMessages } from '../../shared/messages'
import type { Seller } from '../../shared/types'
import messages from '../messages'

// The rules whose detail is a seller id ("SELLER_IN_BOTH_LISTS:sellerb" from the server).
const SELLER_CODES = new Set<ErrorCode>([
  'INVALID_SELLER_ID',
  'SELLER_IN_BOTH_LISTS',
])

/**
 * The settings rules' errors in the operator's language, from the form's own check or from the
 * server, naming each offending seller "Name (id)" when the seller list knows it, else by its id.
 */
export function useSettingsErrorText(sellers: Seller[] | undefined) {
  const intl = useIntl()

  const ruleText = (code: ErrorCode, sellerIds: string[] = []) => {
    const text = intl.formatMessage(errorMessages[code])

    if (!sellerIds.length) return text

    return intl.formatMessage(messages.sellerError, {
      error: text,
      count: sellerIds.length,
      sellers: sellerIds.map((id) => sellerLabelWithId(id, sellers)).join(', '),
    })
  }

  /** A refused preview or save: one sentence per code. */
  const errorText = (error: ApolloError | Error | null | undefined) =>
    errorCodes(error)
      .map((code) =>
        ruleText(code, SELLER_CODES.has(code) ? errorDetails(error, code) : [])
      )
      .join(' ')

  return { ruleText, errorText }
}
