import { IOClients } from '@vtex/api'

import { AffiliatesClient } from './affiliates'
import { CatalogClient } from './catalog'
import { LicenseManagerClient, VtexIdClient } from './identity'
import { LogisticsClient } from './logistics'
import { PricingClient } from './pricing'
import { StateDocs } from './stateDocs'

export class Clients extends IOClients {
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

  public get vtexId() {
    return this.getOrSet('vtexId', VtexIdClient)
  }

  public get licenses() {
    return this.getOrSet('licenses', LicenseManagerClient)
  }
}
