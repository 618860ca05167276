import { GraphQLError } from 'graphql'

import CHANNEL_TOLD from '../admin/skuDetail/graphql/channelTold.gql'
import SKU_DETAIL from '../admin/skuDetail/graphql/skuDetail.gql'
import { withTrace } from '../__fixtures__'
import {
  audit,
  detail,
  entry,
  onSkuOne,
  renderPage,
} from '../__fixtures__/skuDetail'

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
})
