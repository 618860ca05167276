import type { InstanceOptions, IOContext } from '@vtex/api'
import { JanusClient } from '@vtex/api'

import { asApp } from './options'
import { upstream } from './resilience'
import type { AffiliateResponse } from '../typings/fulfillment'

/** The marketplace's affiliates: each one is a channel bound to one trade policy. */
export class AffiliatesClient extends JanusClient {
  constructor(ctx: IOContext, options?: InstanceOptions) {
    super(ctx, asApp(ctx, options))
  }

  public async list(): Promise<AffiliateResponse[]> {
    return upstream('logistics', () =>
      this.http.get<AffiliateResponse[]>('/api/fulfillment/pvt/affiliates', {
        metric: 'affiliates-list',
      })
    )
  }
}
