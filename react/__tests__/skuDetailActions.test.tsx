import { flushPromises, act } from '@vtex/test-tools/react'
import { fireEvent, wait } from '@testing-library/react'
import { GraphQLError } from 'graphql'

import CLEAR_OVERRIDE from '../admin/skuDetail/graphql/clearOverride.gql'
import REEVALUATE from '../admin/skuDetail/graphql/reevaluate.gql'
import SET_OVERRIDE from '../admin/skuDetail/graphql/setOverride.gql'
import { withTrace } from '../__fixtures__'
import {
  audit,
  detail,
  entry,
  onSkuOne,
  renderPage,
} from '../__fixtures__/skuDetail'

describe('given the SKU detail page actions', () => {
  beforeEach(() => onSkuOne())

  describe('when the operator re-evaluates a channel', () => {
    it('should call reevaluate and update the card from the result', async () => {
      const { findByTestId, findByText, getByTestId } = renderPage([
        detail([withTrace()]),
        audit([]),
        {
          request: {
            query: REEVALUATE,
            variables: { skuId: '1', channel: 'MKB' },
          },
          result: {
            data: {
              reevaluate: [
                withTrace({ status: 'EXPOSED', reasons: [], available: 3 }),
              ],
            },
          },
        },
        audit([
          entry('a2', 'STATUS_CHANGE', { toStatus: 'EXPOSED', reasons: [] }),
        ]),
      ])

      fireEvent.click(await findByTestId('reevaluate-MKB'))
      expect(await findByText('SKU re-evaluated')).toBeInTheDocument()
      await wait(() =>
        expect(getByTestId('decision-MKB')).toHaveTextContent('Exposed')
      )
    })
  })

  describe('when the operator evaluates a SKU the catalog does not have', () => {
    it('should say it is not in the catalog, not that it was re-evaluated', async () => {
      const { findByTestId, findByText, queryByText } = renderPage([
        detail([]),
        audit([]),
        {
          request: { query: REEVALUATE, variables: { skuId: '1' } },
          result: { errors: [new GraphQLError('SKU_NOT_IN_CATALOG')] },
        },
      ])

      fireEvent.click(await findByTestId('evaluate-now'))
      expect(
        await findByText('This SKU is not in the catalog.')
      ).toBeInTheDocument()
      expect(queryByText('SKU re-evaluated')).toBeNull()
    })
  })

  describe('when the operator blocks a channel with a note', () => {
    it('should send setOverride, show a toast and the override on the card', async () => {
      const blocked = withTrace({
        reasons: ['MANUAL_BLOCK', 'NO_MARKETPLACE_STOCK'],
        override: {
          __typename: 'Override',
          action: 'BLOCK',
          note: 'recall',
          by: 'admin@x',
          at: '2026-11-26T22:10:00Z',
          expiresAt: null,
        } as never,
      })

      const { findByTestId, findByText, getByLabelText, getByText } =
        renderPage([
          detail([withTrace()]),
          audit([]),
          {
            request: {
              query: SET_OVERRIDE,
              variables: {
                input: {
                  skuId: '1',
                  channel: 'MKB',
                  action: 'BLOCK',
                  note: 'recall',
                  expiresAt: null,
                },
              },
            },
            result: { data: { setOverride: blocked } },
          },
          audit([entry('a3', 'OVERRIDE_SET')]),
        ])

      fireEvent.click(await findByTestId('override-open-MKB'))
      fireEvent.change(getByLabelText(/Note \(why\)/), {
        target: { value: '  recall ' },
      })
      await act(async () => {
        fireEvent.click(getByText('Save override'))
        await flushPromises()
      })

      expect(await findByText('Override saved')).toBeInTheDocument()
      expect(await findByTestId('override-MKB')).toHaveTextContent(
        'Blocked by hand by admin@x'
      )
      expect(await findByTestId('audit-OVERRIDE_SET')).toBeInTheDocument()
    })

    it('should refuse to save without a note', async () => {
      const { findByTestId, getByText, findByText } = renderPage([
        detail([withTrace()]),
        audit([]),
      ])

      fireEvent.click(await findByTestId('override-open-MKB'))
      fireEvent.click(getByText('Save override'))
      expect(await findByText('A note is required.')).toBeInTheDocument()
    })
  })

  describe('when the operator clears an override', () => {
    it('should call clearOverride and show the server error code as text when it fails', async () => {
      const overridden = withTrace({
        override: {
          __typename: 'Override',
          action: 'ALLOW',
          note: 'x',
          by: 'a',
          at: '2026-11-26T22:10:00Z',
          expiresAt: null,
        } as never,
      })

      const { findByTestId, findByText } = renderPage([
        detail([overridden]),
        audit([]),
        {
          request: {
            query: CLEAR_OVERRIDE,
            variables: { skuId: '1', channel: 'MKB' },
          },
          result: { errors: [new GraphQLError('UNKNOWN_CHANNEL')] },
        },
      ])

      fireEvent.click(await findByTestId('clear-override-MKB'))
      expect(await findByText('Unknown channel.')).toBeInTheDocument()
    })
  })
})
