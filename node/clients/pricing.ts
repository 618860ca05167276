import type { InstanceOptions, IOContext } from '@vtex/api'
import { ExternalClient } from '@vtex/api'

import { asApp } from './options'
import { accountMemoryOf } from './memory'
import { upstreamFor } from './resilience'
import type { Upstream } from './resilience'
import type { PriceResponse } from '../typings/pricing'
import { nullOn404 } from './catalog'

/** Pricing API v2 on api.vtex.com/{account}: one read gives the prices of every trade policy. */
export class PricingClient extends ExternalClient {
  /** Budget and circuits of this client's account. */
  private get upstream(): Upstream {
    return upstreamFor(accountMemoryOf(this))
  }

  constructor(ctx: IOContext, options?: InstanceOptions) {
    super(`http://api.vtex.com/${ctx.account}`, ctx, asApp(ctx, options))
  }

  public async price(skuId: string): Promise<PriceResponse | null> {
    return this.upstream('pricing', () =>
      this.http.get<PriceResponse>(
        `/pricing/prices/${encodeURIComponent(skuId)}`,
        { metric: 'pricing-price' }
      )
    ).catch(nullOn404)
  }
}
