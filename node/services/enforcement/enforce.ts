import { associationChange, desiredAssociation } from '../../domain'
import type { ChannelConfig, ExposureStatus } from '../../domain/types'
import { ConflictError } from '../../clients/stateDocs'
import type { EngineDeps } from '../shared/deps'
import { BUCKET_PRODUCTS } from '../shared/deps'
import type { EvaluateOptions } from '../evaluation/evaluateTypes'
import { LEASE_MS } from '../evaluation/lease'
import { channels as loadChannels } from '../shared/reference'
import type { ProductState } from '../evaluation/state'
import { emptyProductState } from '../evaluation/state'
import { pendingOf } from '../projection/projection'
import { recordWriteFailure } from '../reconcile/runAudit'
import { KeyedQueue } from '../shared/keyedQueue'
import { VersionCache } from '../shared/versionCache'
import { slot } from '../../memory/tenantMemory'
import { enforcementWrite } from '../projection/auditEntries'

let claims = 0

/**
 * When a failed catalog write is tried again (after a 5xx, a 429 past its retries, a timeout).
 * The first wait outlasts the client's 4 s timeout, so a timed-out write VTEX applied late is
 * seen by the retry's read instead of being written twice. The daily sweep is the backstop.
 */
export const WRITE_RETRY_MS = [5_000, 30_000, 120_000]

/**
 * Product documents this process wrote last, in the tenant's memory (5,000 for every tenant
 * together): the first guess of the next read-modify-write. Safe to lose: one more read.
 */
const PRODUCTS = slot(
  'product-documents',
  (pools) =>
    new VersionCache<ProductState>(
      pools.pool('product-documents', 5_000).map()
    ),
  (cache) => cache.clear()
)

/**
 * One read-modify-write of a product's document at a time in this process, per tenant: one
 * tenant's slow store must not hold another's product in line. Safe to lose: the writes are
 * conditional, so a queue dropped with its tenant costs at most a 412 and a read.
 */
const IN_LINE = slot('products-in-line', () => new KeyedQueue())

const productsOf = (deps: Pick<EngineDeps, 'memory'>) =>
  deps.memory.get(PRODUCTS)

const inLineOf = (deps: Pick<EngineDeps, 'memory'>) => deps.memory.get(IN_LINE)

/**
 * Product-level enforcement, in two steps. VTEX associates products, not SKUs, with trade
 * policies: a product belongs on a channel when at least one of its governed SKUs is EXPOSED
 * there. `planProduct` records a SKU's statuses in the product's VBase document (conditional
 * write) and, in the same write, claims the catalog write of each ENFORCE channel whose
 * association must change, so two workers never write it twice. `settleProduct` then reads the
 * association once, writes only what differs, and projects the product's state per channel.
 */
export interface ProductPlan {
  productId: string
  owner: string
  channels: ChannelConfig[]
  /** channel -> should the product be on the channel's trade policy (null: keep as is) */
  planned: Record<string, boolean | null>
  claims: Array<{ channel: ChannelConfig; to: boolean }>
  /** OBSERVE channels whose catalog association is not known yet */
  unknown: ChannelConfig[]
  product: ProductState
  /** Siblings whose status is unknown: evaluated before the product may be withdrawn. */
  evaluateFirst: string[]
  /** An ENFORCE withdrawal waits on knowing every SKU of the product. */
  needsSiblings: boolean
  /**
   * The product's trade policies as the SKU context just read them (null: not read). Saves the
   * association read: a write it says is needed is made at once (both writes are idempotent);
   * only "nothing to write" is confirmed by a read, so a stale context never skips a withdrawal.
   */
  observed: string[] | null
  /** What the document said before this plan, to project only what changed. */
  before: {
    planned: Record<string, boolean | null>
    applied: Record<string, boolean>
  }
}

export interface SkuUpdate {
  skuId: string
  statuses: Record<string, ExposureStatus>
  /** false: the SKU has no third-party seller (known, but not the app's to weigh) */
  governed?: boolean
}

export async function planProduct(
  deps: EngineDeps,
  productId: string,
  channels: ChannelConfig[],
  sku?: SkuUpdate,
  observed: string[] | null = null,
  /** The SKU was never evaluated: its product's document most likely does not exist yet. */
  firstOfSku = false
): Promise<ProductPlan | null> {
  const owner = `${deps.workerId}:p${++claims}`

  return inLineOf(deps).run(productId, () =>
    writePlan(deps, productId, owner, channels, sku, observed, firstOfSku)
  )
}

async function writePlan(
  deps: EngineDeps,
  productId: string,
  owner: string,
  channels: ChannelConfig[],
  sku: SkuUpdate | undefined,
  observed: string[] | null,
  firstOfSku: boolean
): Promise<ProductPlan | null> {
  for (let attempt = 0; attempt < 10; attempt++) {
    // First attempt: what this process wrote last, or (a SKU never seen) a creation; a wrong
    // guess costs one refused conditional write, then the document is read.
    const guess =
      attempt > 0
        ? undefined
        : productsOf(deps).get(productId) ??
          (firstOfSku
            ? { value: emptyProductState(productId), etag: null }
            : undefined)

    const { value, etag } =
      guess ??
      (await deps.docs.read<ProductState>(BUCKET_PRODUCTS, productId, () =>
        emptyProductState(productId)
      ))

    let siblings: string[] | undefined
    let plan = planOn(value, owner, channels, deps.now().getTime(), sku)

    if (plan.needsSiblings) {
      // Withdrawing a product needs every one of its SKUs known: read them (rare: only when a
      // withdrawal is planned on an ENFORCE channel).
      siblings = await deps.catalog.productSkuIds(productId)
      plan = planOn(value, owner, channels, deps.now().getTime(), sku, siblings)
    }

    if (plan.unknown.length > 0) {
      // OBSERVE needs the catalog's association once per product, to show what ENFORCE would
      // change: taken from the SKU context when there is one, else read, and stored in this
      // same conditional write.
      const current =
        observed ?? (await deps.catalog.productTradePolicies(productId))

      const applied = { ...value.applied }

      for (const channel of plan.unknown)
        applied[channel.id] = current.includes(channel.salesChannel)
      plan = planOn(
        { ...value, applied },
        owner,
        channels,
        deps.now().getTime(),
        sku,
        siblings
      )
    }

    try {
      const written = await deps.docs.write(
        BUCKET_PRODUCTS,
        productId,
        plan.product,
        etag
      )

      productsOf(deps).set(productId, plan.product, written)

      return { ...plan, observed }
    } catch (error) {
      productsOf(deps).delete(productId)
      if (!(error instanceof ConflictError)) throw error
    }
  }

  return null
}

/** The product's next state and the writes it needs, from its current document. Pure. */
function planOn(
  current: ProductState,
  owner: string,
  channels: ChannelConfig[],
  now: number,
  sku?: SkuUpdate,
  siblings?: string[]
): ProductPlan {
  const planned: Record<string, boolean | null> = { ...(current.planned ?? {}) }
  const next: ProductState = {
    ...current,
    skus: { ...current.skus },
    applying: { ...current.applying },
    planned,
  }

  const ungoverned = { ...(current.ungoverned ?? {}) }

  next.ungoverned = ungoverned
  if (sku && Object.keys(sku.statuses).length > 0) {
    next.skus[sku.skuId] = sku.statuses
    delete ungoverned[sku.skuId]
  } else if (sku) {
    delete next.skus[sku.skuId]
    if (sku.governed === false) ungoverned[sku.skuId] = true
  }

  const unknownSiblings = (siblings ?? []).filter(
    (id) => !next.skus[id] && !ungoverned[id]
  )

  const governed = Object.keys(next.skus).length > 0
  const plan: ProductPlan = {
    productId: current.productId,
    owner,
    channels,
    planned: {},
    claims: [],
    unknown: [],
    observed: null,
    evaluateFirst: [],
    needsSiblings: false,
    product: next,
    before: {
      planned: { ...(current.planned ?? {}) },
      applied: { ...current.applied },
    },
  }

  for (const channel of channels) {
    const statuses = Object.values(next.skus)
      .map((s) => s[channel.id])
      .filter((s): s is ExposureStatus => Boolean(s))

    // A product with no governed SKU left is not the app's to touch.
    const desired = governed ? desiredAssociation(statuses) : null

    plan.planned[channel.id] = desired
    planned[channel.id] = desired
    if (desired === null) continue
    if (channel.mode === 'OBSERVE') {
      if (next.applied[channel.id] === undefined) plan.unknown.push(channel)
      continue
    }

    if (next.applied[channel.id] === desired) continue
    if (desired === false && (!siblings || unknownSiblings.length > 0)) {
      // A sibling not evaluated yet may be EXPOSED: withdraw only once all are known.
      plan.needsSiblings = !siblings
      plan.evaluateFirst = unknownSiblings
      continue
    }

    const claim = next.applying[channel.id]

    if (claim && claim.until > now) continue
    next.applying[channel.id] = { owner, until: now + LEASE_MS, to: desired }
    plan.claims.push({ channel, to: desired })
  }

  return plan
}

/**
 * Writes the plan's claimed associations. Returns the product's trade policies as they are now,
 * where this settle knows them (the context it was given, then its own read and writes), or null
 * when it knows nothing newer than the plan: a caller checking drift must not trust a snapshot
 * that predates these writes.
 */
export async function settleProduct(
  deps: EngineDeps,
  plan: ProductPlan,
  options: EvaluateOptions,
  skuId: string | null,
  /** How many times this product's failed writes were tried again already. */
  attempt = 0
): Promise<string[] | null> {
  const known: Record<string, boolean> = { ...plan.product.applied }
  let failed = false

  recordBlocked(deps, plan)

  let read: Promise<string[]> | null = null
  const current = () =>
    (read = read ?? deps.catalog.productTradePolicies(plan.productId))

  for (const { channel, to } of plan.claims) {
    const seen = plan.observed?.includes(channel.salesChannel)
    const associated =
      plan.observed && seen !== to
        ? Boolean(seen)
        : (await current()).includes(channel.salesChannel)

    const written = await write(
      deps,
      plan,
      channel,
      to,
      associated,
      options,
      skuId
    )

    known[channel.id] = written.on
    failed = failed || written.failed
  }

  if (failed) retryLater(deps, plan.productId, attempt)

  if (plan.evaluateFirst.length > 0)
    evaluateSiblings(deps, plan.evaluateFirst, options)

  const base = read ? await read : plan.observed
  const after = base ? new Set(base) : null

  for (const { channel } of plan.claims) {
    const on = known[channel.id]

    if (after && on === true) after.add(channel.salesChannel)
    if (after && on === false) after.delete(channel.salesChannel)
  }

  // The projection only answers "which products have a pending change": write a channel's
  // document only when its pending change did (most products never have one, and cost nothing).
  const changed = plan.channels.filter(
    (c) =>
      pendingOf({
        desired: plan.before.planned[c.id] ?? null,
        associated: plan.before.applied[c.id] ?? null,
      }) !==
      pendingOf({
        desired: plan.planned[c.id] ?? null,
        associated: known[c.id] ?? null,
      })
  )

  await Promise.all(
    changed.map((channel) =>
      deps.projection.putProduct({
        productId: plan.productId,
        channel: channel.id,
        mode: channel.mode,
        desired: plan.planned[channel.id] ?? null,
        associated: known[channel.id] ?? null,
        updatedAt: deps.now().toISOString(),
      })
    )
  )

  return after ? [...after] : null
}

/**
 * An ENFORCE channel this workspace may not write ran as OBSERVE: say which writes it held back
 * and why, so an operator reading the logs of a linked workspace sees what master would do.
 */
function recordBlocked(deps: EngineDeps, plan: ProductPlan) {
  for (const channel of plan.channels) {
    const desired = plan.planned[channel.id]
    const associated = plan.product.applied[channel.id]

    if (
      channel.catalogWritesBlocked &&
      desired != null &&
      associated !== undefined &&
      associated !== desired
    ) {
      deps.log.info({
        message: 'enforce-write-blocked',
        reason: 'CATALOG_WRITES_OFF_IN_WORKSPACE',
        workspace: deps.tenant?.workspace,
        productId: plan.productId,
        channel: channel.id,
        change: associationChange(desired, associated),
      })
    }
  }
}

/** Brings one product's association in line with its SKUs' stored statuses (ENFORCE switch, sweeps). */
export async function enforceProduct(
  deps: EngineDeps,
  productId: string,
  channels: ChannelConfig[],
  options: EvaluateOptions,
  attempt = 0
) {
  const plan = await planProduct(deps, productId, channels)

  if (plan) await settleProduct(deps, plan, options, null, attempt)
}

/**
 * Settles the product again a little later, from its stored SKU statuses and the channels as
 * they are then (an operator may have switched one to OBSERVE meanwhile). In process memory:
 * after a restart, or once these tries are spent, the scheduler's tick settles it
 * (`pendingWrites.ts`).
 */
function retryLater(deps: EngineDeps, productId: string, attempt: number) {
  const delay = WRITE_RETRY_MS[attempt]

  if (delay === undefined) return
  setTimeout(() => {
    loadChannels(deps)
      .then((channels) =>
        enforceProduct(
          deps,
          productId,
          channels,
          { cause: 'SYSTEM', actor: null },
          attempt + 1
        )
      )
      .catch((error) =>
        deps.log.error({
          message: 'enforce-retry-failed',
          productId,
          attempt: attempt + 1,
          error: String(error),
        })
      )
  }, delay).unref()
}

/**
 * Performs one claimed write; returns the association the catalog has afterwards, and whether
 * the write failed (its claim is then released for a retry).
 */
async function write(
  deps: EngineDeps,
  plan: ProductPlan,
  channel: ChannelConfig,
  to: boolean,
  associated: boolean,
  options: EvaluateOptions,
  skuId: string | null
): Promise<{ on: boolean; failed: boolean }> {
  const change = associationChange(to, associated)
  let failed: unknown = null

  try {
    if (change === 'ASSOCIATE')
      await deps.catalog.associateProduct(plan.productId, channel.salesChannel)
    if (change === 'DISSOCIATE')
      await deps.catalog.dissociateProduct(plan.productId, channel.salesChannel)
  } catch (error) {
    failed = error
  }

  const updated = await updateProduct(deps, plan.productId, (current) => {
    if (current.applying[channel.id]?.owner !== plan.owner) return null
    const applying = { ...current.applying }

    delete applying[channel.id]

    // A failed write still says what the catalog has: that is what the projection shows as
    // the product's association, and what the retry's plan compares with to clear it.
    return failed
      ? {
          ...current,
          applying,
          applied: { ...current.applied, [channel.id]: associated },
        }
      : {
          ...current,
          applying,
          applied: { ...current.applied, [channel.id]: to },
          version: current.version + 1,
        }
  })

  if (failed) {
    // The claim is released and `applied` says what the catalog has: `retryLater` tries again.
    deps.log.error({
      message: 'enforce-write-failed',
      productId: plan.productId,
      channel: channel.id,
      error: String(failed),
    })
    // A run says what it could not write, and why (its detail lists it); elsewhere the log does.
    if (options.runId && change)
      await recordWriteFailure(deps, options, {
        productId: plan.productId,
        skuId,
        channel,
        change,
        error: failed,
      })

    return { on: associated, failed: true }
  }

  if (!change || !updated) return { on: to, failed: false }
  const at = deps.now()
  const latencyMs = options.changedAt
    ? Math.max(0, at.getTime() - Date.parse(options.changedAt))
    : null

  deps.log.info({
    message: 'enforce-write-done',
    productId: plan.productId,
    channel: channel.id,
    change,
  })
  await deps.audit.append(
    enforcementWrite({
      productId: plan.productId,
      channel: channel.id,
      version: updated.version,
      at: at.toISOString(),
      skuId,
      cause: options.cause,
      actor: options.actor ?? null,
      change,
      tradePolicy: channel.salesChannel,
      latencyMs,
      runId: options.runId,
    })
  )

  return { on: to, failed: false }
}

/**
 * Read-modify-write of a product document with optimistic concurrency, starting from the version
 * this process wrote last (usually the plan just written): no read unless someone else wrote it.
 */
export async function updateProduct(
  deps: Pick<EngineDeps, 'docs' | 'memory'>,
  productId: string,
  change: (current: ProductState) => ProductState | null
): Promise<ProductState | null> {
  return inLineOf(deps).run(productId, () => rewrite(deps, productId, change))
}

async function rewrite(
  deps: Pick<EngineDeps, 'docs' | 'memory'>,
  productId: string,
  change: (current: ProductState) => ProductState | null
): Promise<ProductState | null> {
  for (let attempt = 0; ; attempt++) {
    const cached = attempt === 0 ? productsOf(deps).get(productId) : undefined

    const { value, etag } =
      cached ??
      (await deps.docs.read<ProductState>(BUCKET_PRODUCTS, productId, () =>
        emptyProductState(productId)
      ))

    const next = change(value)

    // "Nothing to do" (e.g. the claim is no longer ours) is only true of the stored document:
    // a cached version may predate a write that made it so, or not.
    if (next === null && cached) continue
    if (next === null) return null
    try {
      const written = await deps.docs.write(
        BUCKET_PRODUCTS,
        productId,
        next,
        etag
      )

      productsOf(deps).set(productId, next, written)

      return next
    } catch (error) {
      productsOf(deps).delete(productId)
      if (!(error instanceof ConflictError) || attempt >= 9) throw error
    }
  }
}

/** Evaluates siblings nobody evaluated yet, so the product's withdrawal can be decided. */
function evaluateSiblings(
  deps: EngineDeps,
  skuIds: string[],
  options: EvaluateOptions
) {
  for (const skuId of skuIds.slice(0, 20)) {
    deps
      .evaluateSibling(deps, skuId, {
        cause: options.cause,
        actor: options.actor,
        recordInProduct: true,
      })
      .catch((error) =>
        deps.log.warn({
          message: 'enforce-sibling-failed',
          skuId,
          error: String(error),
        })
      )
  }
}
