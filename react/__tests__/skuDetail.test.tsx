import React from 'react'
import { render, flushPromises, act } from '@vtex/test-tools/react'
import type { MockedResponse } from '@apollo/react-testing'
import { fireEvent, wait } from '@testing-library/react'
import { GraphQLError } from 'graphql'

import { setRuntime } from '../__fixtures__/runtime'
import { SkuDetailPage } from '../admin/skuDetail/components/SkuDetailPage'
import AUDIT_TRAIL from '../admin/skuDetail/graphql/auditTrail.gql'
import CHANNEL_TOLD from '../admin/skuDetail/graphql/channelTold.gql'
import CLEAR_OVERRIDE from '../admin/skuDetail/graphql/clearOverride.gql'
import REEVALUATE from '../admin/skuDetail/graphql/reevaluate.gql'
import SET_OVERRIDE from '../admin/skuDetail/graphql/setOverride.gql'
import SKU_DETAIL from '../admin/skuDetail/graphql/skuDetail.gql'
import { GGL, MKB, withTrace } from '../__fixtures__'

const detail = (exposures: unknown[]) => ({
  request: { query: SKU_DETAIL, variables: { skuId: '1' } },
  result: {
    data: {
      skuDetail: {
        __typename: 'SkuDetail',
        cacheId: 'sku-1',
        skuId: '1',
        productId: '1',
        skuName: 'Sneaker 1',
        productName: 'Sneaker 1',
        exposures,
      },
      channels: [MKB, GGL],
    },
  },
})

const entry = (
  id: string,
  kind: string,
  partial: Record<string, unknown> = {}
) => ({
  __typename: 'AuditEntry',
  cacheId: id,
  id,
  at: '2026-11-26T22:00:00.000Z',
  skuId: '1',
  productId: '1',
  channel: 'MKB',
  kind,
  cause: 'OPERATOR',
  actor: 'admin@marketplacea.example',
  fromStatus: null,
  toStatus: 'WITHHELD',
  reasons: ['NO_MARKETPLACE_STOCK'],
  details: '{}',
  ...partial,
})

const audit = (items: unknown[]) => ({
  request: {
    query: AUDIT_TRAIL,
    variables: { skuId: '1', page: 1, pageSize: 20 },
  },
  result: {
    data: {
      auditTrail: {
        __typename: 'AuditPage',
        items,
        page: 1,
        pageSize: 20,
        total: items.length,
      },
    },
  },
})

const renderPage = (mocks: MockedResponse[]) =>
  render(<SkuDetailPage />, { graphql: { mocks, addTypename: true } })

describe('given the SKU detail page', () => {
  beforeEach(() =>
    setRuntime({
      route: {
        id: 'admin.app.marketplace-stock-gate.sku',
        path: '/x',
        params: { skuId: '1' },
      },
    })
  )

  describe('when it is loading', () => {
    it('should show the loader', () => {
      expect(
        renderPage([detail([]), audit([])]).getByTestId('page-loading')
      ).toBeInTheDocument()
    })
  })

  describe('when the query fails', () => {
    it('should show the mapped error', async () => {
      const { findByTestId } = renderPage([
        {
          request: { query: SKU_DETAIL, variables: { skuId: '1' } },
          result: { errors: [new GraphQLError('FORBIDDEN')] },
        },
      ])

      expect(await findByTestId('page-error')).toHaveTextContent(
        'You do not have permission'
      )
    })
  })

  describe('when the SKU was never evaluated', () => {
    it('should offer to evaluate it', async () => {
      const { findByTestId } = renderPage([detail([]), audit([])])

      expect(await findByTestId('page-empty')).toHaveTextContent(
        'SKU 1 has not been evaluated yet.'
      )
      expect(await findByTestId('audit-empty')).toBeInTheDocument()
    })
  })

  describe('when the SKU has decisions', () => {
    it('should show each channel with its trace inputs, what the channel was told and the audit trail', async () => {
      const { findByTestId, getByTestId } = renderPage([
        detail([
          withTrace(),
          withTrace({
            channel: 'GGL',
            status: 'EXPOSED',
            reasons: [],
            productAssociated: true,
          }),
        ]),
        audit([entry('a1', 'STATUS_CHANGE')]),
        {
          request: {
            query: CHANNEL_TOLD,
            variables: { skuId: '1', channel: 'MKB' },
          },
          result: {
            data: {
              channelTold: {
                __typename: 'ChannelTold',
                cacheId: '1:MKB',
                skuId: '1',
                channel: 'MKB',
                productId: '1',
                status: 'WITHHELD',
                available: 0,
                decidedAt: '2026-11-26T22:00:00.000Z',
                productAssociated: true,
                associationSource: 'CATALOG_READ',
                associationAt: '2026-11-26T21:00:00.000Z',
                expectedView: 'LISTED_WITHOUT_STOCK',
                inSync: false,
              },
            },
          },
        },
      ])

      const mkb = await findByTestId('decision-MKB')

      expect(mkb).toHaveTextContent('Withheld')
      expect(mkb).toHaveTextContent('No marketplace stock')
      expect(
        getByTestId('decision-MKB').querySelector(
          '[data-testid="warehouse-wh-a"]'
        )
      ).toHaveTextContent('Warehouse A')
      expect(await findByTestId('told-view-MKB')).toHaveTextContent(
        'this SKU without marketplace stock'
      )
      expect(getByTestId('sync-MKB')).toHaveTextContent(
        'Observe mode: the product would be on trade policy 2.'
      )
      expect(getByTestId('sync-MKB')).toHaveTextContent(
        'Differs from the decision'
      )
      expect(getByTestId('sync-GGL')).toHaveTextContent(
        'The product is on trade policy 3.'
      )
      expect(await findByTestId('audit-STATUS_CHANGE')).toHaveTextContent(
        'by admin@marketplacea.example (operator)'
      )
    })
  })

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
