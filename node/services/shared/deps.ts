import type { AffiliatesClient } from '../../clients/affiliates'
import type { CatalogClient } from '../../clients/catalog'
import type { LogisticsClient } from '../../clients/logistics'
import type { PricingClient } from '../../clients/pricing'
import type { StateDocs } from '../../clients/stateDocs'
import type { TenantMemory } from '../../memory/tenantMemory'
import type { AuditLog } from '../projection/audit'
import type { EvaluateOptions } from '../evaluation/evaluateTypes'
import type { Projection } from '../projection/projection'

export interface Log {
  info(entry: Record<string, unknown>): void
  warn(entry: Record<string, unknown>): void
  error(entry: Record<string, unknown>): void
}

/** What the engine's use-cases need, narrow enough that a test builds it in a few lines. */
export interface EngineDeps {
  catalog: Pick<
    CatalogClient,
    | 'skuContext'
    | 'productSkuIds'
    | 'productTradePolicies'
    | 'associateProduct'
    | 'dissociateProduct'
  >
  logistics: Pick<LogisticsClient, 'inventory' | 'warehouses' | 'docks'>
  pricing: Pick<PricingClient, 'price'>
  affiliates: Pick<AffiliatesClient, 'list'>
  docs: Pick<StateDocs, 'read' | 'write' | 'update'>
  projection: Pick<
    Projection,
    | 'putSku'
    | 'count'
    | 'find'
    | 'scan'
    | 'putProducts'
    | 'countPending'
    | 'pendingProducts'
    | 'pendingAssociations'
    | 'pendingPage'
  >
  audit: Pick<
    AuditLog,
    | 'append'
    | 'expire'
    | 'trail'
    | 'latestWrite'
    | 'writesSince'
    | 'ofRun'
    | 'ofKind'
    | 'olderThan'
  >
  now: () => Date
  log: Log
  /** Identifies this process in leases and write claims. */
  workerId: string
  /**
   * What this process keeps between requests for this tenant (account and workspace): caches,
   * evaluations running, retries and timers. Everything module code remembers is in a slot here.
   */
  memory: TenantMemory
  /**
   * Whose data this is: keys what the process caches, and outside master keeps ENFORCE from
   * writing the account-wide catalog. Absent only in unit tests (taken as master).
   */
  tenant?: { account: string; workspace: string }
  /**
   * How much later than a change's DateModified a read must start to have seen it (ms), from
   * VTEX's clock as measured for this account; absent: evaluate.ts's fixed SEEN_MARGIN_MS.
   */
  seenMarginMs?: () => number
  /**
   * Follow-up work enforcement starts and does not wait for: a withdrawal's siblings nobody
   * evaluated yet. The engine's `evaluate` (de-duplicated, retried), filled in where deps are
   * built, so enforce.ts need not import the engine that imports it. Called with the deps the
   * caller holds, so a copy with counted clients (a sweep's tally) counts the siblings too.
   */
  evaluateSibling: (
    deps: EngineDeps,
    skuId: string,
    options: EvaluateOptions
  ) => Promise<unknown>
}

export const BUCKET_SKUS = 'skus'
export const BUCKET_PRODUCTS = 'products'
export const BUCKET_CONFIG = 'config'
