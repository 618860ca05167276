import { randomBytes } from 'crypto'

import type { Clients } from '../clients'
import { seenMargin } from '../domain/clock'
import { evaluate } from './evaluation/engine'
import { AuditLog } from './projection/audit'
import { ChannelSlots } from './projection/channelSlots'
import { Projection } from './projection/projection'
import type { EngineDeps, Log } from './shared/deps'

/**
 * The composition root: the one place that turns a request's clients into the narrow deps the
 * services take. Edges (events, middlewares, resolvers) call `depsOf`; services never see `ctx`.
 */

/** Identifies this worker process in leases and claims (replica + pid + random). */
const WORKER_ID = `${process.env.HOSTNAME ?? 'local'}-${
  process.pid
}-${randomBytes(3).toString('hex')}`

export function engineDeps(clients: Clients, log: Log): EngineDeps {
  const memory = clients.memory.workspace(
    clients.stateDocs.tenant.account,
    clients.stateDocs.tenant.workspace
  )

  return {
    catalog: clients.catalog,
    logistics: clients.logistics,
    pricing: clients.pricing,
    affiliates: clients.affiliates,
    docs: clients.stateDocs,
    projection: new Projection(
      clients.masterdata,
      new ChannelSlots(clients.stateDocs, memory)
    ),
    audit: new AuditLog(clients.masterdata),
    now: () => new Date(),
    log,
    workerId: WORKER_ID,
    tenant: clients.stateDocs.tenant,
    memory,
    seenMarginMs: () => seenMargin(clients.catalog.clock.behindMs(Date.now())),
    evaluateSibling: evaluate,
  }
}

/** What an event, route or resolver context has that the deps are built from. */
export interface RequestScope {
  clients: Clients
  vtex: { logger: Log }
}

/** The request's deps (built per call: they hold the request's clients and tenant). */
export const depsOf = (ctx: RequestScope) =>
  engineDeps(ctx.clients, ctx.vtex.logger)
