import { decide } from '../decide'
import { rulesChangedSince } from '../rulesChanged'
import { aChannel, anInput } from './builders'

const rules = (over: Parameters<typeof aChannel>[0] = {}) => {
  const { exposeAt, withdrawBelow, requirePrice, sellerAllow, sellerDeny } =
    aChannel(over)

  return { exposeAt, withdrawBelow, requirePrice, sellerAllow, sellerDeny }
}

describe('rulesChangedSince', () => {
  const made = decide(
    anInput({ channel: aChannel({ exposeAt: 1, withdrawBelow: 1 }) })
  ).trace

  it('should find nothing when the channel still has the rules the trace was made under', () => {
    expect(
      rulesChangedSince(made, rules({ exposeAt: 1, withdrawBelow: 1 }))
    ).toEqual([])
  })

  it('should name the thresholds that rose after the decision', () => {
    expect(
      rulesChangedSince(made, rules({ exposeAt: 3, withdrawBelow: 1 }))
    ).toEqual(['exposeAt'])
    expect(
      rulesChangedSince(made, rules({ exposeAt: 3, withdrawBelow: 2 }))
    ).toEqual(['exposeAt', 'withdrawBelow'])
  })

  it('should name the price requirement and the seller lists when they changed', () => {
    const now = {
      ...rules({ exposeAt: 1, withdrawBelow: 1 }),
      requirePrice: !rules().requirePrice,
      sellerDeny: ['sellerb'],
    }

    expect(rulesChangedSince(made, now)).toEqual(['requirePrice', 'sellerDeny'])
  })

  it('should compare seller lists as sets (order is not a change)', () => {
    const { trace } = decide(
      anInput({ channel: aChannel({ sellerAllow: ['sellera', 'sellerb'] }) })
    )

    expect(
      rulesChangedSince(trace, rules({ sellerAllow: ['sellerb', 'sellera'] }))
    ).toEqual([])
  })

  it('should say nothing of rules a SKU the catalog did not have never reached', () => {
    const { trace: missing } = decide(anInput({ sku: null }))

    expect(rulesChangedSince(missing, rules({ exposeAt: 50 }))).toEqual([])
  })

  it('should say nothing of an empty trace (a decision stored without one)', () => {
    expect(rulesChangedSince([], rules({ exposeAt: 50 }))).toEqual([])
  })
})
