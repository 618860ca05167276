import { EntryPool } from './entryPool'
import { TenantMemory } from './tenantMemory'
import type { Pools } from './tenantMemory'
import { MAX_TENANTS, TenantLru } from './tenantLru'

/**
 * The process's memory of every tenant, bounded: made once by the service's entry point
 * (node/index.ts) and handed to clients (their options) and to the engine (its deps). Two scopes,
 * because VTEX keys two kinds of state differently:
 * - per account: API budgets, circuits, VTEX's clock, the schemas saved. Rate limits and the
 *   operator's budget are an account's, whatever the workspace.
 * - per account and workspace: what the engine caches and runs (reference data, recent reads,
 *   evaluations, retries, timers). A development workspace has its own settings and documents.
 * Tests make a new ProcessMemory instead of resetting module state.
 */
export class ProcessMemory implements Pools {
  private readonly accounts: TenantLru<TenantMemory>
  private readonly workspaces: TenantLru<TenantMemory>
  private readonly pools = new Map<string, EntryPool>()

  constructor(maxTenants = MAX_TENANTS) {
    const drop = (memory: TenantMemory) => memory.drop()
    const make = () => new TenantMemory(this)

    this.accounts = new TenantLru(make, maxTenants, drop)
    this.workspaces = new TenantLru(make, maxTenants, drop)
  }

  /** The bound every tenant's maps of one kind share (made on first use, fixed after). */
  public pool(name: string, capacity: number): EntryPool {
    let pool = this.pools.get(name)

    if (!pool) {
      pool = new EntryPool(capacity)
      this.pools.set(name, pool)
    }

    return pool
  }

  public account(account: string): TenantMemory {
    return this.accounts.get(account)
  }

  public workspace(account: string, workspace: string): TenantMemory {
    return this.workspaces.get(`${account}/${workspace}`)
  }

  /** How many tenants are kept, per scope. */
  public get size() {
    return { accounts: this.accounts.size, workspaces: this.workspaces.size }
  }

  /** Every workspace memory kept (for a process-wide idle wait). */
  public workspaceMemories() {
    return [...this.workspaces.values()]
  }

  /** Lets every tenant go, as the process's end does: timers are cancelled. */
  public clear() {
    this.accounts.clear()
    this.workspaces.clear()
  }
}
