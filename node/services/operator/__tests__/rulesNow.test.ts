import { decide } from '../../../domain'
import type { ExposureStatus } from '../../../domain/types'
import { aChannel, anInput } from '../../../domain/__tests__/builders'
import type { ExposureView } from '../exposures'
import { rulesChangedOf } from '../rulesNow'

const viewOf = (status: ExposureStatus): ExposureView => {
  const decision = decide(anInput({ channel: aChannel({ exposeAt: 1 }) }))

  return {
    id: '100-MKB',
    skuId: '100',
    productId: '10',
    channel: 'MKB',
    status,
    reasons: status === 'ERROR' ? ['UPSTREAM_ERROR'] : decision.reasons,
    available: decision.available,
    stockRank: decision.available,
    evaluatedAt: '2026-12-03T12:00:00.000Z',
    changedAt: '2026-12-03T12:00:00.000Z',
    skuName: null,
    productName: null,
    sellerIds: ['sellera'],
    brandId: null,
    brandName: null,
    categoryId: null,
    categoryIds: [],
    categoryPath: null,
    overrideAction: null,
    productAssociated: null,
    override: null,
    trace: decision.trace,
  }
}

describe('rulesChangedOf', () => {
  it('should give the status the rules now give to a decided SKU, hysteresis included', () => {
    // Exposed with 10 units: it stays while at least withdrawBelow, whatever exposeAt says.
    expect(
      rulesChangedOf(viewOf('EXPOSED'), aChannel({ exposeAt: 500 }))
    ).toMatchObject({ changed: ['exposeAt'], statusNow: 'EXPOSED' })
    expect(
      rulesChangedOf(
        viewOf('EXPOSED'),
        aChannel({ exposeAt: 500, withdrawBelow: 500 })
      )
    ).toMatchObject({
      changed: ['exposeAt', 'withdrawBelow'],
      statusNow: 'WITHHELD',
    })
  })

  it.each<ExposureStatus>(['ERROR', 'PENDING'])(
    'should give no status now to a %s decision, which read no facts to decide on',
    (status) => {
      expect(
        rulesChangedOf(viewOf(status), aChannel({ exposeAt: 500 }))
      ).toMatchObject({ changed: ['exposeAt'], statusNow: null })
    }
  )

  it('should say nothing when the rules are the ones it was made under, or the channel is gone', () => {
    expect(
      rulesChangedOf(viewOf('EXPOSED'), aChannel({ exposeAt: 1 }))
    ).toBeNull()
    expect(rulesChangedOf(viewOf('EXPOSED'), undefined)).toBeNull()
  })
})
