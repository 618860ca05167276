import type {
  ClientsConfig,
  ParamsContext,
  RecorderState,
  ServiceContext,
} from '@vtex/api'
import { method, Service } from '@vtex/api'

import { Clients } from './clients'
import { MAX_ATTEMPT_MS } from './clients/deadline'
import type { MemoryOptions } from './clients/memory'
import { onAppInstalled } from './events/appSetup'
import { broadcasterNotification } from './events/broadcaster'
import { adminOnly } from './middlewares/admin'
import { errorHandler } from './middlewares/errors'
import { feed, feedAuth, snapshot } from './middlewares/feed'
import { reconcileTick } from './middlewares/reconcileTick'
import { skuExposures } from './middlewares/skuExposures'
import { guardResolvers } from './resolvers/guard'
import { mutations } from './resolvers/mutations'
import { operatorResolvers } from './resolvers/operatorContext'
import { queries } from './resolvers/queries'
import { ProcessMemory } from './memory/processMemory'

/**
 * Everything this process keeps between requests, per account and per workspace (bounded):
 * made here once and handed to every client in its options, and from there to the engine.
 */
const memory = new ProcessMemory()

const defaults: MemoryOptions = {
  retries: 0,
  timeout: MAX_ATTEMPT_MS,
  memoizable: false,
  memory,
}

const clients: ClientsConfig<Clients> = {
  implementation: Clients,
  options: {
    // memoizable: false: @vtex/api memoizes GETs per request by default, but a retry after a
    // conflicting write, or a second evaluation round, must read fresh state.
    // retries: 0: upstream() (clients/resilience.ts) is the one retry layer, and it knows the
    // request's deadline; @vtex/api's own retries would multiply its attempts past IO's timeout.
    default: defaults,
    // Registering or renewing the tick must leave the tick's own work time within IO's 10 s.
    scheduler: { timeout: 4000 },
  },
}

declare global {
  type Context = ServiceContext<Clients>
}

export default new Service<Clients, RecorderState, ParamsContext>({
  clients,
  events: { broadcasterNotification, onAppInstalled },
  routes: {
    skuExposures: method({ GET: [errorHandler, adminOnly, skuExposures] }),
    channelExposures: method({ GET: [errorHandler, feedAuth, feed] }),
    channelSnapshot: method({ GET: [errorHandler, feedAuth, snapshot] }),
    reconcileTick: method({ POST: [errorHandler, reconcileTick] }),
  },
  graphql: {
    // @auth (graphql/schema.graphql) is @vtex/api's own directive, registered by the runtime; it
    // runs first. Then the guard (request shape, ids, how much work) before anything is looked up.
    resolvers: {
      Query: guardResolvers('Query', operatorResolvers(queries)),
      Mutation: guardResolvers('Mutation', operatorResolvers(mutations)),
    },
  },
})
