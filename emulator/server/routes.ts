import { bindingRoutes } from '../apis/bindings'
import { dockRoutes } from '../apis/docks'
import { catalogRoutes } from '../apis/catalog'
import { checkoutRoutes } from '../apis/checkout'
import { fulfillmentRoutes } from '../apis/fulfillment'
import { appsRoutes, identityRoutes } from '../apis/identity'
import { logisticsRoutes } from '../apis/logistics'
import { logisticsConfigRoutes } from '../apis/logisticsConfig'
import { mailRoutes } from '../apis/mail'
import { masterdataRoutes } from '../apis/masterdata'
import { mdSearchRoutes } from '../apis/mdSearch'
import { policyRoutes } from '../apis/policies'
import { pricingRoutes } from '../apis/pricing'
import { reservationRoutes } from '../apis/reservations'
import { schedulerRoutes } from '../apis/scheduler'
import { sellerRoutes } from '../apis/sellers'
import { skuRoutes } from '../apis/skus'
import { taxonomyRoutes } from '../apis/taxonomy'
import { vbaseRoutes } from '../apis/vbase'
import type { Route } from './http'
import { compile } from './http'

/** Every emulated endpoint, most specific first within each API. */
export function allRoutes(): Route[] {
  return [
    ...policyRoutes,
    ...catalogRoutes,
    ...taxonomyRoutes,
    ...skuRoutes,
    ...sellerRoutes,
    ...bindingRoutes,
    ...logisticsRoutes,
    ...reservationRoutes,
    ...logisticsConfigRoutes,
    ...dockRoutes,
    ...pricingRoutes,
    ...fulfillmentRoutes,
    ...checkoutRoutes,
    ...masterdataRoutes,
    ...mdSearchRoutes,
    ...vbaseRoutes,
    ...identityRoutes,
    ...appsRoutes,
    ...schedulerRoutes,
    ...mailRoutes,
  ].map(compile)
}
