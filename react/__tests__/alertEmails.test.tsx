import React from 'react'
import { fireEvent, render, wait } from '@vtex/test-tools/react'

import { setRuntime } from '../__fixtures__/runtime'
import { AlertEmailsSection } from '../admin/settings/components/AlertEmailsSection'
import ALERT_EMAILS from '../admin/settings/graphql/alertEmails.gql'
import SAVE_ALERT_EMAILS from '../admin/settings/graphql/saveAlertEmails.gql'

const stored = (alertEmails: string[]) => ({
  request: { query: ALERT_EMAILS },
  result: {
    data: {
      settings: { __typename: 'Settings', cacheId: 'settings', alertEmails },
    },
  },
})

describe('given the alert addresses in Settings', () => {
  beforeEach(() => setRuntime({}))

  describe('when addresses are stored', () => {
    it('should show them one per line', async () => {
      const { findByLabelText } = render(<AlertEmailsSection />, {
        graphql: { mocks: [stored(['a@example.com', 'b@example.com'])] },
      })

      expect(await findByLabelText('Send alerts to')).toHaveValue(
        'a@example.com\nb@example.com'
      )
    })
  })

  describe('when the operator types an address that is not one', () => {
    it('should say which, and not let it be saved', async () => {
      const { findByLabelText, getByText } = render(<AlertEmailsSection />, {
        graphql: { mocks: [stored([])] },
      })

      fireEvent.change(await findByLabelText('Send alerts to'), {
        target: { value: 'ops@example.com\nnot-an-address' },
      })
      expect(
        getByText('not-an-address is not an e-mail address.')
      ).toBeInTheDocument()
      expect(getByText('Save addresses').closest('button')).toBeDisabled()
    })
  })

  describe('when the operator saves valid addresses', () => {
    it('should send them, parsed, to saveAlertEmails', async () => {
      const saved = jest.fn(() => ({
        data: { saveAlertEmails: ['ops@example.com', 'cto@example.com'] },
      }))

      const { findByLabelText, getByText } = render(<AlertEmailsSection />, {
        graphql: {
          mocks: [
            stored([]),
            {
              request: {
                query: SAVE_ALERT_EMAILS,
                variables: { emails: ['ops@example.com', 'cto@example.com'] },
              },
              result: saved,
            },
            stored(['ops@example.com', 'cto@example.com']),
          ],
        },
      })

      fireEvent.change(await findByLabelText('Send alerts to'), {
        target: { value: ' ops@example.com, cto@example.com\n' },
      })
      fireEvent.click(getByText('Save addresses'))
      await wait(() => expect(saved).toHaveBeenCalled())
    })
  })
})
