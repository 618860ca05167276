import type { InstanceOptions, IOContext } from '@vtex/api'

import type { ProcessMemory } from '../memory/processMemory'
import type { TenantMemory } from '../memory/tenantMemory'

/**
 * Client options carry the process memory (node/index.ts puts it in the clients' default
 * options), so a client finds its account's budget, circuits and clock without a module-level
 * variable. @vtex/api hands every client these options, its own clients (Master Data) included.
 */
export interface MemoryOptions extends InstanceOptions {
  memory?: ProcessMemory
}

export function processMemoryOf(options?: InstanceOptions): ProcessMemory {
  const { memory } = (options ?? {}) as MemoryOptions

  // A client built without it would keep its account's budget nowhere: a wiring bug, said at once.
  if (!memory) throw new Error('client-without-memory')

  return memory
}

/** The memory of the client's account (budgets, circuits, VTEX's clock are an account's). */
export function accountMemory(
  ctx: IOContext,
  options?: InstanceOptions
): TenantMemory {
  return processMemoryOf(options).account(ctx.account)
}

/** The same, for a client @vtex/api built (it keeps its context and options). */
export function accountMemoryOf(client: object): TenantMemory {
  const { context, options } = client as {
    context?: IOContext
    options?: InstanceOptions
  }

  return processMemoryOf(options).account(context?.account ?? '')
}
