import type { InstanceOptions, IOContext } from '@vtex/api'
import { IOClients } from '@vtex/api'

import type { ProcessMemory } from '../memory/processMemory'
import { AffiliatesClient } from './affiliates'
import { CatalogClient } from './catalog'
import { LicenseManagerClient, VtexIdClient } from './identity'
import { LogisticsClient } from './logistics'
import { MailClient } from './mail'
import { processMemoryOf } from './memory'
import { SchedulerClient } from './scheduler'
import { PricingClient } from './pricing'
import { StateDocs } from './stateDocs'

export class Clients extends IOClients {
  /** What the process keeps per tenant; each request's deps take its part (services/compose.ts). */
  public readonly memory: ProcessMemory

  constructor(options: Record<string, InstanceOptions>, ctx: IOContext) {
    super(options, ctx)
    this.memory = processMemoryOf(options.default)
  }

  public get catalog() {
    return this.getOrSet('catalog', CatalogClient)
  }

  public get logistics() {
    return this.getOrSet('logistics', LogisticsClient)
  }

  public get pricing() {
    return this.getOrSet('pricing', PricingClient)
  }

  public get affiliates() {
    return this.getOrSet('affiliates', AffiliatesClient)
  }

  public get stateDocs() {
    return this.getOrSet('stateDocs', StateDocs)
  }

  /** vtex.scheduler, with the short timeout node/index.ts gives it (a tick answers in 10 s). */
  public get scheduler() {
    return this.getOrSet('scheduler', SchedulerClient)
  }

  /** VTEX's mail service and Message Center templates (the attention e-mails). */
  public get mail() {
    return this.getOrSet('mail', MailClient)
  }

  public get vtexId() {
    return this.getOrSet('vtexId', VtexIdClient)
  }

  public get licenses() {
    return this.getOrSet('licenses', LicenseManagerClient)
  }
}
