import React, { useState } from 'react'
import { useMutation, useQuery } from 'react-apollo'
import { useIntl } from 'react-intl'
import { Button, Textarea } from 'vtex.styleguide'

import { useErrorText } from '../../shared/hooks/useErrorText'
import { useToast } from '../../shared/hooks/useToast'
import ALERT_EMAILS from '../graphql/alertEmails.gql'
import SAVE_ALERT_EMAILS from '../graphql/saveAlertEmails.gql'
import {
  alertEmailsProblem,
  MAX_ALERT_EMAILS,
  parseEmails,
} from '../alertEmails'
import messages from '../alertMessages'

interface AlertEmailsData {
  settings: { cacheId: string; alertEmails: string[] }
}

/**
 * Where the attention e-mails go, saved at once (not with "Review and save": no SKU changes).
 * Its own query, so the settings form works when this one fails.
 */
export function AlertEmailsSection() {
  const intl = useIntl()
  const showToast = useToast()
  const errorText = useErrorText()
  const { data, error } = useQuery<AlertEmailsData>(ALERT_EMAILS)
  const [save, saving] = useMutation<{ saveAlertEmails: string[] }>(
    SAVE_ALERT_EMAILS
  )

  const stored = data?.settings.alertEmails ?? []
  const [text, setText] = useState<string | null>(null)

  const draft = text ?? stored.join('\n')
  const emails = parseEmails(draft)
  const problem = alertEmailsProblem(emails)

  const submit = async () => {
    try {
      await save({
        variables: { emails },
        refetchQueries: [{ query: ALERT_EMAILS }],
        awaitRefetchQueries: true,
      })
      // The stored list as the server saved it (trimmed, lower case, once each).
      setText(null)
      showToast(intl.formatMessage(messages.saved))
    } catch (e) {
      showToast(errorText(e as Error))
    }
  }

  return (
    <section
      className="mt7"
      aria-labelledby="alert-emails-title"
      data-testid="alert-emails"
    >
      <h2 id="alert-emails-title" className="t-heading-4 mb3">
        {intl.formatMessage(messages.title)}
      </h2>
      <p className="t-small c-muted-1 mt0 mb4">
        {intl.formatMessage(messages.help)}
      </p>
      {error && !data ? (
        <p className="t-small c-danger" role="alert">
          {intl.formatMessage(messages.loadError)}
        </p>
      ) : (
        <>
          <Textarea
            id="alert-emails"
            label={intl.formatMessage(messages.label)}
            value={draft}
            rows={3}
            onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) =>
              setText(e.target.value)
            }
            errorMessage={
              problem?.code === 'INVALID_EMAIL'
                ? intl.formatMessage(messages.invalid, { value: problem.value })
                : problem?.code === 'TOO_MANY_EMAILS'
                ? intl.formatMessage(messages.tooMany, {
                    max: MAX_ALERT_EMAILS,
                  })
                : undefined
            }
          />
          <div className="mt3">
            <Button
              size="small"
              variation="secondary"
              disabled={!data || !!problem || text === null}
              isLoading={saving.loading}
              onClick={submit}
            >
              {intl.formatMessage(messages.save)}
            </Button>
          </div>
        </>
      )}
    </section>
  )
}
