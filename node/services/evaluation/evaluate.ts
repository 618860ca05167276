import { upstreamCode } from '../../clients/resilience'
import type { Versioned } from '../../clients/stateDocs'
import {
  ALL_PARTS,
  decisionChanged,
  isGoverned,
  partsToRead,
  readTimeOf,
} from '../../domain'
import type { EventChanges, ReadTimes } from '../../domain'
import { BASE_SEEN_MARGIN_MS } from '../../domain/clock'
import type { ChannelConfig } from '../../domain/types'
import type { AuditEntry } from '../projection/audit'
import { statusChange } from '../projection/auditEntries'
import type { EngineDeps } from '../shared/deps'
import type {
  EvaluateOptions,
  EvaluationResult,
  Outcome,
} from './evaluateTypes'
import { slot } from '../../memory/tenantMemory'
import {
  planProduct,
  settleProduct,
  updateProduct,
} from '../enforcement/enforce'
import type { ProductPlan } from '../enforcement/enforce'
import { acquireLease, commit, releaseAfterFailure } from './lease'
import type { Held } from './lease'
import { exposureId, rowChanged, toExposureDoc } from '../projection/projection'
import { channels as loadChannels } from '../shared/reference'
import { checkUnchanged } from './check'
import { contextFirst } from './contextFirst'
import { keepWithoutLease, mayKeepWithoutLease } from './keepStatus'
import { decideAll, readRound } from './round'
import type { EarlyContext, RoundInputs } from './round'
import type { SkuState, StoredDecision } from './state'
import { emptySkuState, reusableReadTimes } from './state'
import { indexUnsettled, markSettled } from './unsettled'

const MAX_ROUNDS = 3

/**
 * How long after a change's DateModified a read must have started to count as having seen it.
 * DateModified is VTEX's clock and the read time this worker's: the margin absorbs their skew
 * and the moment between VTEX stamping a change and serving it. Without it, a read a few
 * milliseconds too early would drop the change's event as a duplicate until the next sweep. Its
 * cost: a duplicate that arrives within the margin of its change is evaluated once more.
 * This is the margin with no skew measured; `deps.seenMarginMs` adds how far VTEX's clock is
 * behind (domain/clock.ts, clients/vtexClock.ts).
 */
export const SEEN_MARGIN_MS = BASE_SEEN_MARGIN_MS

interface RecentRead {
  /** When its inputs were all last read. */
  at: string
  /** When each was, when they are stored with the decisions. */
  times: ReadTimes | null
}

/**
 * skuId -> when this process last read its inputs, in the tenant's memory (50,000 for every
 * tenant together). Safe to lose: a duplicate event is then read once more.
 */
const RECENT_READS = slot(
  'recent-reads',
  (pools) => pools.pool('recent-reads', 50_000).map<RecentRead>(),
  (reads) => reads.clear()
)

function remember(
  deps: Pick<EngineDeps, 'memory'>,
  skuId: string,
  inputsReadAt: string | null,
  state?: SkuState
) {
  if (!inputsReadAt) return
  deps.memory.get(RECENT_READS).set(skuId, {
    at: inputsReadAt,
    times: state ? reusableReadTimes(state) : null,
  })
}

/** Evaluates one SKU on every channel, under its lease, and enforces its product's association. */
export async function evaluateSku(
  deps: EngineDeps,
  skuId: string,
  options: EvaluateOptions
): Promise<EvaluationResult> {
  const changedAt = options.changedAt ? Date.parse(options.changedAt) : NaN
  const margin = deps.seenMarginMs?.() ?? SEEN_MARGIN_MS
  const covers = (readAt: number) =>
    !Number.isNaN(changedAt) && readAt >= changedAt + margin

  // The inputs this evaluation reads, from a state's stored ones (all but for an event's).
  const partsFor = (times: ReadTimes | null) =>
    partsToRead(options.events, times, deps.now().getTime())

  // A change was seen when every input it moved was read after it.
  const seen = (
    inputsReadAt: string | null | undefined,
    times: ReadTimes | null = null
  ) =>
    times
      ? covers(readTimeOf(partsFor(times), times))
      : !!inputsReadAt && covers(Date.parse(inputsReadAt))

  const seenIn = (state: SkuState) =>
    seen(state.inputsReadAt, reusableReadTimes(state))

  // When the oldest stored input the evaluation of `state` reuses was read (none: undefined).
  const reusedSince = (state: SkuState) => {
    const times = reusableReadTimes(state)

    if (!times) return undefined
    const parts = partsFor(times)
    const reused = ALL_PARTS.filter((part) => !parts.includes(part))

    return reused.length > 0 ? readTimeOf(reused, times) : undefined
  }

  const recent = deps.memory.get(RECENT_READS).get(skuId)

  // A duplicate of a change this worker already evaluated costs nothing.
  if (recent && seen(recent.at, recent.times))
    return { skuId, outcome: 'ALREADY_SEEN', decisions: [] }
  let first: Versioned<SkuState> | undefined = options.likelyNew
    ? { value: emptySkuState(skuId), etag: null }
    : undefined

  let prefetched: RoundInputs | undefined
  let early: EarlyContext | undefined

  // A sibling check must record the SKU in its product's document: no shortcut for it.
  if (
    options.checkFirst &&
    !options.likelyNew &&
    !options.recordInProduct &&
    !options.reproject
  ) {
    const checked = await checkUnchanged(deps, skuId)

    if ('unchanged' in checked) return checked.unchanged
    ;({ first, prefetched } = checked)
  } else if (options.cause === 'EVENT' && !first && !options.recordInProduct) {
    const read = await contextFirst(deps, skuId, seenIn, (state) =>
      partsFor(reusableReadTimes(state)).includes('context')
    )

    if ('settled' in read) {
      if (read.settled === 'UNKNOWN_SKU')
        deps.log.warn({ message: 'evaluate-sku-unknown', skuId })
      remember(deps, skuId, read.readAt)

      return {
        skuId,
        outcome: read.settled,
        decisions: [],
        tradePolicies: read.tradePolicies,
      }
    }

    first = read.first
    early = read.early
  }

  // An event that keeps every status is settled by the state's own conditional write.
  if (mayKeepWithoutLease(first, options, early)) {
    if (seenIn(first.value))
      return { skuId, outcome: 'ALREADY_SEEN', decisions: [] }
    const tried = await keepWithoutLease(deps, first, options, early)

    if ('kept' in tried) {
      remember(deps, skuId, tried.state.inputsReadAt, tried.state)

      return tried.kept
    }

    if ('conflict' in tried) {
      // Our rows may have landed after the winner's: the lease's round writes every row.
      first = undefined
      early = undefined
      options = { ...options, rewriteRows: true }
    } else {
      // Inputs read from `first`: the lease reuses them if it goes over that very version.
      prefetched = tried.handOver
      early = undefined
    }
  }

  const held = await acquireLease(
    deps,
    skuId,
    seenIn,
    covers,
    first,
    (prefetched?.now ?? early?.at)?.getTime(),
    options.events ? reusedSince : undefined
  )

  if (held === 'SEEN') return { skuId, outcome: 'ALREADY_SEEN', decisions: [] }
  if (!held) return { skuId, outcome: 'DEFERRED', decisions: [] }

  let current: Held = held
  // A later round whose statuses did not change keeps the earlier round's product plan.
  let plan: ProductPlan | null = null
  let again = false

  try {
    for (let round = 1; ; round++) {
      // Inputs read before the lease are good only if the lease went over the version they
      // were compared with (nobody wrote the SKU in between).
      const fromFirst = round === 1 && held.fromFirst
      const result = await evaluateRound(
        deps,
        current,
        options,
        fromFirst ? prefetched : undefined,
        fromFirst ? early : undefined,
        // A later round, or one over a dirty mark, owes itself to someone else's change, whose
        // flags it does not know.
        round === 1 && !held.wasDirty ? options.events : undefined
      )

      plan = result.plan ?? plan
      const committed = await commit(deps, current, result.state, true)

      if (committed === 'LOST') {
        return { skuId, outcome: 'LOST_LEASE', decisions: [] }
      }

      remember(deps, skuId, result.state.inputsReadAt, result.state)
      if (options.reproject && result.outcome !== 'FAILED')
        await markSettled(deps, skuId).catch((error) =>
          deps.log.warn({
            message: 'settle-unmark-failed',
            skuId,
            error: String(error),
          })
        )
      // Someone marked the SKU dirty or changed an override meanwhile: the lease was kept for
      // another round, up to MAX_ROUNDS, then released whatever happens.
      if (committed.again && round < MAX_ROUNDS) {
        current = committed.held
        continue
      }

      if (committed.again) {
        // Out of rounds with a change still pending: release the SKU still dirty and ask for
        // one more evaluation, rather than leave a decision that missed it.
        await commit(deps, committed.held, committed.held.state, true, true)
        again = true
      }

      // What the context said, unless this evaluation's own writes made it stale.
      let tradePolicies = result.tradePolicies ?? null

      if (plan) {
        const { productId } = plan

        tradePolicies = await settleProduct(deps, plan, options, skuId).catch(
          (error) => {
            deps.log.error({
              message: 'enforce-product-failed',
              skuId,
              productId,
              error: String(error),
            })

            return null
          }
        )
      }

      return {
        skuId,
        outcome: result.outcome,
        decisions: Object.values(result.state.decisions),
        errorCode: result.errorCode,
        again,
        tradePolicies,
      }
    }
  } catch (error) {
    // Storage failed mid-evaluation: free the SKU now (not in 30 s) and let the caller retry.
    await releaseAfterFailure(deps, current, error)
    if (plan) await releaseClaims(deps, plan)
    throw error
  }
}

/**
 * Best effort: give up the catalog writes a plan claimed for a decision that was not stored, so
 * the retry claims them at once instead of finding them held for LEASE_MS and writing nothing.
 */
async function releaseClaims(deps: EngineDeps, plan: ProductPlan) {
  if (plan.claims.length === 0) return
  await updateProduct(deps, plan.productId, (current) => {
    const applying = Object.fromEntries(
      Object.entries(current.applying).filter(([, c]) => c.owner !== plan.owner)
    )

    return Object.keys(applying).length === Object.keys(current.applying).length
      ? null
      : { ...current, applying }
  }).catch((error) =>
    deps.log.warn({
      message: 'evaluate-claims-release-failed',
      productId: plan.productId,
      error: String(error),
    })
  )
}

interface RoundResult {
  state: SkuState
  outcome: Outcome
  channels: ChannelConfig[]
  /** Set when the SKU's statuses changed: the product's association to settle after commit. */
  plan?: ProductPlan | null
  errorCode?: string
  tradePolicies?: string[] | null
}

const holding = (channels: ChannelConfig[], held: string[] | undefined) =>
  held?.length
    ? channels.map((c) =>
        held.includes(c.id) ? { ...c, mode: 'OBSERVE' as const } : c
      )
    : channels

async function evaluateRound(
  deps: EngineDeps,
  held: Held,
  options: EvaluateOptions,
  /** Inputs read before the lease was taken from the very version they were compared with. */
  prefetched?: RoundInputs,
  /** The same for an event's SKU context alone. */
  early?: EarlyContext,
  /** What the events this round answers say changed (absent: read everything). */
  events?: EventChanges[]
): Promise<RoundResult> {
  const prev = held.state
  let channels: ChannelConfig[] = []
  let round: RoundInputs

  try {
    channels = holding(
      prefetched?.channels ?? (await loadChannels(deps)),
      options.holdWrites
    )
    // Only the inputs the events say moved, the others as the stored decisions were made on.
    const parts = partsToRead(
      events,
      reusableReadTimes(prev),
      deps.now().getTime()
    )

    const reuse =
      prev.inputs && parts.length < ALL_PARTS.length
        ? { stored: prev.inputs, read: parts }
        : undefined

    round =
      prefetched ?? (await readRound(deps, prev.skuId, channels, early, reuse))
  } catch (error) {
    return failedRound(deps, prev, channels, options, error)
  }

  const { inputs, inputsReadAt } = round

  if (!inputs.sku && Object.keys(prev.decisions).length === 0) {
    deps.log.warn({ message: 'evaluate-sku-unknown', skuId: prev.skuId })

    return { state: prev, outcome: 'UNKNOWN_SKU', channels }
  }

  if (inputs.sku && !isGoverned(inputs.sku)) {
    await dropDecisions(deps, prev, options)
    const plan =
      Object.keys(prev.decisions).length > 0 || options.recordInProduct
        ? await planProduct(
            deps,
            inputs.sku.productId,
            channels,
            {
              skuId: prev.skuId,
              statuses: {},
              governed: false,
            },
            inputs.tradePolicies
          )
        : null

    return {
      state: {
        ...prev,
        productId: inputs.sku.productId,
        decisions: {},
        failures: 0,
        nextRetryAt: null,
        lastError: null,
        inputsReadAt,
        inputs: null,
      },
      outcome: 'NOT_GOVERNED',
      channels,
      plan,
      tradePolicies: inputs.tradePolicies,
    }
  }

  let decisions: Record<string, StoredDecision>

  try {
    decisions = await decideAll(deps, prev, round)
  } catch (error) {
    return failedRound(deps, prev, channels, options, error)
  }

  const version = prev.version + 1
  const productId = inputs.sku?.productId ?? prev.productId
  const changed =
    Object.keys(prev.decisions).length !== channels.length ||
    channels.some(
      (c) => prev.decisions[c.id]?.status !== decisions[c.id].status
    )

  const plan =
    productId && changed
      ? await planProduct(
          deps,
          productId,
          channels,
          {
            skuId: prev.skuId,
            statuses: Object.fromEntries(
              Object.entries(decisions).map(([ch, d]) => [ch, d.status])
            ),
          },
          inputs.tradePolicies,
          !prev.productId && Object.keys(prev.decisions).length === 0
        )
      : null

  for (const channel of channels) {
    decisions[channel.id].productAssociated = plan
      ? plan.planned[channel.id] ?? null
      : prev.decisions[channel.id]?.productAssociated ?? null
  }

  await project(deps, prev, decisions, version, options).catch(
    async (error) => {
      if (plan) await releaseClaims(deps, plan)
      throw error
    }
  )

  return {
    state: {
      ...prev,
      version,
      productId: inputs.sku?.productId ?? prev.productId,
      decisions,
      failures: 0,
      nextRetryAt: null,
      lastError: null,
      inputsReadAt,
      // Stored with the decisions they made, by the holder of the lease: they always match.
      inputs: inputs.kept ?? null,
    },
    outcome: 'EVALUATED',
    channels,
    plan,
    tradePolicies: inputs.tradePolicies,
  }
}

/** Writes the projection of what changed, and one audit entry per status change. */
async function project(
  deps: EngineDeps,
  prev: SkuState,
  decisions: Record<string, StoredDecision>,
  version: number,
  options: EvaluateOptions
) {
  const writes: Array<Promise<void>> = []

  for (const [channel, decision] of Object.entries(decisions)) {
    const before = prev.decisions[channel] ?? null
    const change = decisionChanged(before, decision)

    // A rename or a seller change rewrites every channel's row too, not only a status change;
    // a settling retry rewrites them all (a failed write may have left any of them behind).
    if (
      !rowChanged(before, decision) &&
      !options.reproject &&
      !options.rewriteRows
    )
      continue
    writes.push(
      deps.projection.put(
        toExposureDoc(decision, prev.overrides[channel]?.action ?? null)
      )
    )
    if (change.statusChanged || !before) {
      writes.push(
        deps.audit.append(statusEntry(prev, decision, before, version, options))
      )
    }
  }

  for (const channel of Object.keys(prev.decisions)) {
    if (!decisions[channel])
      writes.push(deps.projection.remove(exposureId(prev.skuId, channel)))
  }

  await Promise.all(writes)
}

function statusEntry(
  prev: SkuState,
  decision: StoredDecision,
  before: StoredDecision | null,
  version: number,
  options: EvaluateOptions
): AuditEntry {
  return statusChange({
    skuId: prev.skuId,
    channel: decision.channel,
    version,
    at: decision.evaluatedAt,
    productId: decision.productId,
    cause: options.cause,
    actor: options.actor ?? null,
    fromStatus: before?.status ?? null,
    toStatus: decision.status,
    reasons: decision.reasons,
    details: {
      available: decision.available,
      changedAt: options.changedAt ?? null,
    },
    // A run's finding is a changed decision it made (not a first one, not an ERROR: the run
    // records its failures itself, with their code). The entry is written anyway: no extra write.
    runId: before && decision.status !== 'ERROR' ? options.runId : null,
  })
}

async function dropDecisions(
  deps: EngineDeps,
  prev: SkuState,
  options: EvaluateOptions
) {
  const at = deps.now().toISOString()

  await Promise.all(
    Object.values(prev.decisions).flatMap((decision) => [
      deps.projection.remove(exposureId(prev.skuId, decision.channel)),
      deps.audit.append(
        statusChange({
          skuId: prev.skuId,
          channel: decision.channel,
          version: prev.version + 1,
          at,
          productId: decision.productId,
          cause: options.cause,
          actor: options.actor ?? null,
          fromStatus: decision.status,
          toStatus: null,
          reasons: [],
          details: { governed: false },
        })
      ),
    ])
  )
}

/**
 * An upstream failure never loses the SKU: every channel's decision becomes ERROR with
 * UPSTREAM_ERROR (keeping the last trace), the failure count drives the retry back-off,
 * and the hourly sweep picks up whatever is still in ERROR.
 */
async function failedRound(
  deps: EngineDeps,
  prev: SkuState,
  channels: ChannelConfig[],
  options: EvaluateOptions,
  error: unknown
): Promise<RoundResult> {
  const code = upstreamCode(error)
  const now = deps.now()
  const failures = prev.failures + 1
  const retryAt = new Date(
    now.getTime() + Math.min(3600_000, 30_000 * 2 ** (failures - 1))
  )

  deps.log.warn({
    message: 'evaluate-sku-failed',
    skuId: prev.skuId,
    code,
    failures,
    error: String(error),
  })
  const ids =
    channels.length > 0
      ? channels.map((c) => c.id)
      : Object.keys(prev.decisions)

  const decisions: Record<string, StoredDecision> = {}

  for (const channel of ids) {
    const before = prev.decisions[channel]

    decisions[channel] = {
      skuId: prev.skuId,
      productId: before?.productId ?? prev.productId,
      channel,
      status: 'ERROR',
      reasons: ['UPSTREAM_ERROR'],
      available: before?.available ?? null,
      trace: before?.trace ?? [],
      evaluatedAt: now.toISOString(),
      changedAt:
        before?.status === 'ERROR' ? before.changedAt : now.toISOString(),
      skuName: before?.skuName ?? null,
      productName: before?.productName ?? null,
      place: before?.place ?? null,
      sellerIds: before?.sellerIds ?? [],
      productAssociated: before?.productAssociated ?? null,
    }
  }

  const version = prev.version + 1

  // Master Data refused the ERROR rows too: the stored ERROR is in VBase alone, where the ERROR
  // sweep (which reads the projection) would not find it without the unsettled index.
  await project(deps, prev, decisions, version, options).catch(() =>
    indexUnsettled(deps, prev.skuId, 'STORAGE_ERROR')
  )

  return {
    state: {
      ...prev,
      version,
      decisions,
      failures,
      nextRetryAt: retryAt.toISOString(),
      lastError: code,
      // ERROR decisions were made on no input: the next evaluation reads everything.
      inputs: null,
    },
    outcome: 'FAILED',
    channels,
    errorCode: code,
  }
}
