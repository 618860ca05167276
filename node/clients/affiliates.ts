import type { InstanceOptions, IOContext } from '@vtex/api'
import { JanusClient } from '@vtex/api'

import { asApp } from './options'
import { accountMemoryOf } from './memory'
import { upstreamFor } from './resilience'
import type { Upstream } from './resilience'
import type { AffiliateResponse } from '../typings/fulfillment'

/** The marketplace's affiliates: each one is a channel bound to one trade policy. */
export class AffiliatesClient extends JanusClient {
  /** Budget and circuits of this client's account. */
  private get upstream(): Upstream {
    return upstreamFor(accountMemoryOf(this))
  }

  constructor(ctx: IOContext, options?: InstanceOptions) {
    super(ctx, asApp(ctx, options))
  }

  public async list(): Promise<AffiliateResponse[]> {
    return this.upstream('logistics', () =>
      this.http.get<AffiliateResponse[]>('/api/fulfillment/pvt/affiliates', {
        metric: 'affiliates-list',
      })
    )
  }
}
