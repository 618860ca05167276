import { withTrace } from '../__fixtures__'
import {
  audit,
  detail,
  entry,
  onSkuOne,
  renderPage,
} from '../__fixtures__/skuDetail'
import { describeAuditDetails } from '../admin/skuDetail/auditDetails'

// SKU 1 on MKB, withheld with 2 units because product 12's buffer asks for 3 there.
const buffered = withTrace({
  status: 'WITHHELD',
  trace: [
    {
      __typename: 'RuleResult',
      rule: 'MARKETPLACE_STOCK',
      passed: false,
      reason: 'NO_MARKETPLACE_STOCK',
      details: JSON.stringify({
        salesChannel: '2',
        available: 2,
        threshold: 3,
        thresholdKind: 'exposeAt',
        exposeAt: 1,
        withdrawBelow: 1,
        thresholdsFrom: 'BUFFER',
        buffer: {
          id: 'PRODUCT-12-MKB',
          scope: 'PRODUCT',
          targetId: '12',
          channel: 'MKB',
          exposeAt: 3,
          withdrawBelow: 2,
          note: 'MKB sells faster than we restock',
        },
        buffersOutranked: ['PRODUCT-12-ALL'],
        warehouses: [],
      }),
    } as never,
  ],
})

describe('given a SKU whose decision on MKB used a stock buffer', () => {
  beforeEach(() => onSkuOne())

  describe('when its page opens', () => {
    it('should say on the channel which buffer applies and with what thresholds', async () => {
      const page = renderPage([detail([buffered]), audit([])])

      expect(await page.findByTestId('buffer-MKB')).toHaveTextContent(
        'Stock buffer PRODUCT-12-MKB: this SKU needs 3 units to be exposed here and is withdrawn below 2, instead of the channel thresholds.'
      )
    })

    it("should say in the trace the buffer's thresholds were used instead of the channel's, and what it outranked", async () => {
      const page = renderPage([detail([buffered]), audit([])])
      const stock = await page.findByTestId('trace-stock')

      expect(stock).toHaveTextContent(
        'needs 3 (to be exposed) · expose at 3, withdraw below 2'
      )
      expect(page.getByTestId('trace-buffer')).toHaveTextContent(
        'Stock buffer PRODUCT-12-MKB (product 12, MKB) was used instead of the channel thresholds (expose at 1, withdraw below 1).'
      )
      expect(page.getByTestId('trace-buffer')).toHaveTextContent(
        'Buffer note: MKB sells faster than we restock'
      )
      expect(page.getByTestId('trace-buffer')).toHaveTextContent(
        'It wins over PRODUCT-12-ALL'
      )
    })
  })

  describe('when the decision used the channel thresholds', () => {
    it('should mention no buffer', async () => {
      const page = renderPage([detail([withTrace()]), audit([])])

      await page.findByTestId('trace-stock')
      expect(page.queryByTestId('buffer-MKB')).toBeNull()
      expect(page.queryByTestId('trace-buffer')).toBeNull()
    })
  })

  describe('when a buffer was added since the decision', () => {
    it('should name the stock buffer among the rules that changed', async () => {
      const page = renderPage([
        detail([
          withTrace({
            rulesChanged: {
              __typename: 'RulesChanged',
              changed: ['buffer'],
              statusNow: 'WITHHELD',
              exposeAt: 3,
              withdrawBelow: 3,
              requirePrice: true,
            } as never,
          }),
        ]),
        audit([]),
      ])

      expect(await page.findByTestId('rules-changed-MKB')).toHaveTextContent(
        '(stock buffer)'
      )
    })
  })
})

describe('given audit entries of stock buffers', () => {
  it('should read a change as before, after and note', () => {
    expect(
      describeAuditDetails(
        'BUFFER_CHANGED',
        JSON.stringify({
          bufferId: 'PRODUCT-12-MKB',
          before: { exposeAt: 3, withdrawBelow: 2 },
          after: { exposeAt: 4, withdrawBelow: 4 },
          note: 'more',
        })
      ).lines
    ).toEqual([
      { message: 'bufferBefore', values: { exposeAt: 3, withdrawBelow: 2 } },
      { message: 'bufferAfter', values: { exposeAt: 4, withdrawBelow: 4 } },
      { message: 'note', values: { note: 'more' } },
    ])
  })

  it('should show the kind in the timeline', async () => {
    onSkuOne()
    const page = renderPage([
      detail([]),
      audit([
        entry('b1', 'BUFFER_CREATED', {
          fromStatus: null,
          toStatus: null,
          reasons: [],
          details: JSON.stringify({
            before: null,
            after: { exposeAt: 3, withdrawBelow: 3 },
            note: 'n',
          }),
        }),
      ]),
    ])

    const item = await page.findByTestId('audit-BUFFER_CREATED')

    expect(item).toHaveTextContent('Stock buffer added')
    expect(item).toHaveTextContent('After: expose at 3, withdraw below 3')
  })
})
