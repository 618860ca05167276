import React from 'react'
import { GraphQLError } from 'graphql'
import { createIntl } from 'react-intl'
import { render } from '@vtex/test-tools/react'

import CHANNEL_TOLD from '../admin/skuDetail/graphql/channelTold.gql'
import SKU_DETAIL from '../admin/skuDetail/graphql/skuDetail.gql'
import { SkuDetailPage } from '../admin/skuDetail/components/SkuDetailPage'
import { formatDateTime } from '../admin/shared/format'
import { withTrace } from '../__fixtures__'
import {
  audit,
  detail,
  entry,
  onSkuOne,
  renderPage,
} from '../__fixtures__/skuDetail'

const formatNumber = (locale: string, n: number) =>
  createIntl({ locale }).formatNumber(n)

describe('given the SKU detail page', () => {
  beforeEach(() => onSkuOne())

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
        'this SKU has no marketplace stock'
      )
      expect(getByTestId('sync-MKB')).toHaveTextContent(
        'Observe mode: the product would be on trade policy 2.'
      )
      // MKB is in OBSERVE: nothing will be written, so nothing "will fix it".
      expect(getByTestId('sync-MKB')).toHaveTextContent(
        'Differs from the decision: in OBSERVE the app writes nothing'
      )
      expect(getByTestId('sync-MKB')).not.toHaveTextContent('will fix it')
      expect(getByTestId('sync-GGL')).toHaveTextContent(
        'The product is on trade policy 3.'
      )
      expect(await findByTestId('audit-STATUS_CHANGE')).toHaveTextContent(
        'by admin@marketplacea.example (operator)'
      )
    })
  })

  describe("when MKB's rules changed after the decision", () => {
    it('should say which, the rules now, and that the status stays, rather than show the old thresholds as the rules', async () => {
      const { findByTestId } = renderPage([
        detail([
          withTrace({
            status: 'WITHHELD',
            rulesChanged: {
              __typename: 'RulesChanged',
              changed: ['exposeAt', 'withdrawBelow'],
              statusNow: 'WITHHELD',
              exposeAt: 3,
              withdrawBelow: 2,
              requirePrice: true,
            } as never,
          }),
        ]),
        audit([]),
      ])

      const notice = await findByTestId('rules-changed-MKB')

      expect(notice).toHaveTextContent(
        'The channel’s rules changed after this decision (expose at, withdraw below)'
      )
      expect(notice).toHaveTextContent(
        'The rules now: expose at 3, withdraw below 2, price required.'
      )
      expect(await findByTestId('rules-changed-status-MKB')).toHaveTextContent(
        'the rules now give the same status (Withheld)'
      )
    })

    it('should say what the rules now would make it when that differs', async () => {
      const { findByTestId } = renderPage([
        detail([
          withTrace({
            status: 'WITHHELD',
            rulesChanged: {
              __typename: 'RulesChanged',
              changed: ['requirePrice'],
              statusNow: 'EXPOSED',
              exposeAt: 1,
              withdrawBelow: 1,
              requirePrice: false,
            } as never,
          }),
        ]),
        audit([]),
      ])

      expect(await findByTestId('rules-changed-MKB')).toHaveTextContent(
        '(price required)'
      )
      expect(await findByTestId('rules-changed-status-MKB')).toHaveTextContent(
        'the rules now would make it Exposed'
      )
    })

    it('should show no notice for a decision made under the rules now', async () => {
      const { findByTestId, queryByTestId } = renderPage([
        detail([withTrace()]),
        audit([]),
      ])

      await findByTestId('decision-MKB')
      expect(queryByTestId('rules-changed-MKB')).toBeNull()
    })
  })

  describe('when the audit trail has details', () => {
    const write = entry('w1', 'ENFORCEMENT_WRITE', {
      fromStatus: null,
      toStatus: null,
      reasons: [],
      details: JSON.stringify({
        change: 'DISSOCIATE',
        tradePolicy: '2',
        latencyMs: 1500,
      }),
    })

    const status = entry('s1', 'STATUS_CHANGE', {
      details: JSON.stringify({
        available: 12,
        changedAt: '2026-11-26T21:59:58.000Z',
      }),
    })

    it('should read a catalog write as a sentence with the trade policy and the latency', async () => {
      const { findByTestId } = renderPage([detail([]), audit([write])])
      const item = await findByTestId('audit-ENFORCEMENT_WRITE')
      const lines = item.querySelector('[data-testid="audit-details-lines"]')

      expect(lines).toHaveTextContent('Product taken off trade policy 2')
      expect(lines).toHaveTextContent('1,500 ms after the change')
    })

    it('should read a status change with the available units and when the change happened', async () => {
      const { findByTestId } = renderPage([detail([]), audit([status])])
      const item = await findByTestId('audit-STATUS_CHANGE')
      const when = formatDateTime(
        createIntl({ locale: 'en' }),
        '2026-11-26T21:59:58.000Z'
      )

      expect(
        Array.from(
          item.querySelectorAll('[data-testid="audit-details-lines"] li'),
          (li) => li.textContent
        )
      ).toEqual([
        'Available for the channel: 12 units',
        `Triggered by a change at ${when}`,
      ])
    })

    it('should keep the raw JSON only inside the closed Technical details disclosure', async () => {
      const { findByTestId } = renderPage([detail([]), audit([write])])
      const item = await findByTestId('audit-ENFORCEMENT_WRITE')
      const disclosure = item.querySelector('details') as HTMLDetailsElement

      expect(disclosure).not.toBeNull()
      expect(disclosure.open).toBe(false)
      expect(disclosure.querySelector('summary')).toHaveTextContent(
        'Technical details'
      )
      expect(disclosure.querySelector('pre')?.textContent).toBe(
        JSON.stringify(
          { change: 'DISSOCIATE', tradePolicy: '2', latencyMs: 1500 },
          null,
          2
        )
      )
      expect(item.querySelectorAll('pre')).toHaveLength(1)
      expect(
        item.querySelector('[data-testid="audit-details-lines"]')
      ).not.toHaveTextContent('latencyMs')
    })

    it('should fall back to the raw text, without crashing, when the details are not JSON', async () => {
      const { findByTestId, getByTestId } = renderPage([
        detail([]),
        audit([
          entry('s2', 'STATUS_CHANGE', { details: '{"available": 12' }),
          write,
        ]),
      ])

      const item = await findByTestId('audit-STATUS_CHANGE')

      expect(item.querySelector('details pre')?.textContent).toBe(
        '{"available": 12'
      )
      expect(
        item.querySelector('[data-testid="audit-details-lines"]')
      ).toBeNull()
      expect(getByTestId('audit-ENFORCEMENT_WRITE')).toHaveTextContent(
        'Product taken off trade policy 2'
      )
    })

    it('should show an override note as text, not as HTML', async () => {
      const { findByTestId } = renderPage([
        detail([]),
        audit([
          entry('o1', 'OVERRIDE_SET', {
            details: JSON.stringify({
              note: '<b>supplier</b> late',
              expiresAt: null,
            }),
          }),
        ]),
      ])

      const lines = (await findByTestId('audit-OVERRIDE_SET')).querySelector(
        '[data-testid="audit-details-lines"]'
      )

      expect(lines).toHaveTextContent('Note: <b>supplier</b> late')
      expect(lines?.querySelector('b')).toBeNull()
      expect(lines).not.toHaveTextContent('Expires')
    })

    it.each([
      ['pt', 'Produto retirado da política comercial 2', 'Detalhes técnicos'],
      [
        'es',
        'Producto quitado de la política comercial 2',
        'Detalles técnicos',
      ],
    ])(
      'should read the sentences in %s',
      async (locale, sentence, disclosure) => {
        const { findByTestId } = render(<SkuDetailPage />, {
          locale,
          graphql: { mocks: [detail([]), audit([write])], addTypename: true },
        })

        const item = await findByTestId('audit-ENFORCEMENT_WRITE')

        expect(item).toHaveTextContent(sentence)
        expect(item).toHaveTextContent(`${formatNumber(locale, 1500)} ms`)
        expect(item.querySelector('summary')).toHaveTextContent(disclosure)
      }
    )
  })
})
