import React from 'react'
import { fireEvent, render } from '@vtex/test-tools/react'
import { GraphQLError } from 'graphql'
import type { MockedResponse } from '@apollo/react-testing'

import { setRuntime } from '../__fixtures__/runtime'
import { AttentionList } from '../admin/overview/components/AttentionList'
import ATTENTION from '../admin/overview/graphql/attention.gql'

const item = (partial: Record<string, unknown>) => ({
  __typename: 'AttentionItem',
  channel: null,
  count: 1,
  status: null,
  runId: null,
  ...partial,
})

const ITEMS = [
  item({
    cacheId: 'a-stalled',
    code: 'SWEEP_STALLED',
    page: 'RECONCILIATION',
    runId: 'r1',
  }),
  item({
    cacheId: 'a-errors',
    code: 'SKUS_IN_ERROR',
    channel: 'MKB',
    count: 3,
    page: 'EXPOSURES',
    status: 'ERROR',
  }),
  item({
    cacheId: 'a-drop',
    code: 'SHARE_DROP',
    channel: 'GGL',
    count: 40,
    page: 'EXPOSURES',
  }),
  item({
    cacheId: 'a-late',
    code: 'WRITES_LATE',
    channel: 'MKB',
    count: 2,
    page: 'PRODUCTS_TO_CHANGE',
  }),
  item({
    cacheId: 'a-key',
    code: 'KEY_NEVER_USED',
    channel: 'GGL',
    page: 'CHANNEL_KEYS',
  }),
]

const renderList = (mock: MockedResponse['result']) =>
  render(<AttentionList />, {
    graphql: {
      mocks: [{ request: { query: ATTENTION }, result: mock }],
      addTypename: true,
    },
  })

describe('given the attention list on the overview', () => {
  describe('when conditions need the operator', () => {
    it('should say each one with its counts, as a link to the page that shows it', async () => {
      const runtime = setRuntime({})
      const { findByTestId, getByText } = renderList({
        data: { attention: ITEMS },
      })

      const list = await findByTestId('attention')

      expect(list).toHaveTextContent('Needs your attention')
      const errors = getByText('MKB: 3 SKUs are in error')

      expect(errors.closest('a')).toHaveAttribute(
        'href',
        '/admin/app/marketplace-stock-gate/exposures?channel=MKB&status=ERROR'
      )
      expect(
        getByText(
          'GGL: the share of exposed SKUs fell by 40 points since yesterday'
        ).closest('a')
      ).toHaveAttribute(
        'href',
        '/admin/app/marketplace-stock-gate/exposures?channel=GGL'
      )
      expect(
        getByText(
          'MKB: 2 products’ catalog writes are not done after 10 minutes'
        ).closest('a')
      ).toHaveAttribute('href', '#channel-MKB')
      expect(
        getByText('GGL: its feed key was never used').closest('a')
      ).toHaveAttribute(
        'href',
        '/admin/app/marketplace-stock-gate/settings#feed-keys-title'
      )

      fireEvent.click(errors)
      expect(runtime.navigate).toHaveBeenCalledWith({
        to: '/admin/app/marketplace-stock-gate/exposures',
        query: 'channel=MKB&status=ERROR',
      })
      fireEvent.click(
        getByText('A sweep has waited on a VTEX API for 10 minutes or more')
      )
      expect(runtime.navigate).toHaveBeenLastCalledWith({
        to: '/admin/app/marketplace-stock-gate/reconciliation',
      })
    })

    it('should give every link its own name', async () => {
      const { findAllByRole } = renderList({ data: { attention: ITEMS } })
      const names = (await findAllByRole('link')).map((l) => l.textContent)

      expect(names).toHaveLength(ITEMS.length)
      expect(new Set(names).size).toBe(ITEMS.length)
    })
  })

  describe('when nothing needs the operator', () => {
    it('should say so', async () => {
      const { findByTestId } = renderList({ data: { attention: [] } })

      expect(await findByTestId('attention-none')).toHaveTextContent(
        'Nothing needs your attention.'
      )
    })
  })

  describe('when the query fails', () => {
    it('should say the list could not be loaded, without the backend text', async () => {
      const { findByTestId } = renderList({
        errors: [new GraphQLError('FORBIDDEN')],
      })

      const error = await findByTestId('attention-error')

      expect(error).toHaveTextContent(
        'What needs your attention could not be loaded.'
      )
      expect(error).not.toHaveTextContent('FORBIDDEN')
    })
  })

  describe('when it is loading', () => {
    it('should show nothing yet', () => {
      const { queryByTestId } = renderList({ data: { attention: [] } })

      expect(queryByTestId('attention')).toBeNull()
      expect(queryByTestId('attention-none')).toBeNull()
    })
  })
})
