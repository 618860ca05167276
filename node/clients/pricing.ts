import type { InstanceOptions, IOContext } from '@vtex/api'
import { ExternalClient } from '@vtex/api'

import { asApp } from './options'
import { upstream } from './resilience'
import type { PriceResponse } from '../typings/pricing'
import { nullOn404 } from './catalog'

/** Pricing API v2 on api.vtex.com/{account}: one read gives the prices of every trade policy. */
export class PricingClient extends ExternalClient {
  constructor(ctx: IOContext, options?: InstanceOptions) {
    super(`http://api.vtex.com/${ctx.account}`, ctx, asApp(ctx, options))
  }

  public async price(skuId: string): Promise<PriceResponse | null> {
    return upstream('pricing', () =>
      this.http.get<PriceResponse>(
        `/pricing/prices/${encodeURIComponent(skuId)}`,
        { metric: 'pricing-price' }
      )
    ).catch(nullOn404)
  }
}
