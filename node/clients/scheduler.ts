import type { InstanceOptions, IOContext } from '@vtex/api'
import { JanusClient } from '@vtex/api'

import { asApp } from './options'
import { accountMemoryOf } from './memory'
import { upstreamFor } from './resilience'
import type { Upstream } from './resilience'

/** A vtex.scheduler entry: a cron expression and the request it sends. */
export interface ScheduleEntry {
  id: string
  scheduler: { expression: string; endDate: string }
  request: {
    uri: string
    method: 'POST' | 'GET'
    headers: Record<string, string>
    body: Record<string, unknown> | null
  }
}

/** VTEX's scheduler (`/api/scheduler/{workspace}/{app}`, version 4): upserts by id. */
export class SchedulerClient extends JanusClient {
  /** Budget and circuits of this client's account. */
  private get upstream(): Upstream {
    return upstreamFor(accountMemoryOf(this))
  }

  constructor(ctx: IOContext, options?: InstanceOptions) {
    super(ctx, asApp(ctx, options))
  }

  public async upsert(appName: string, entry: ScheduleEntry): Promise<void> {
    await this.upstream('other', () =>
      this.http.put(
        `/api/scheduler/${this.context.workspace}/${appName}`,
        entry,
        { params: { version: 4 }, metric: 'scheduler-upsert' }
      )
    )
  }
}
