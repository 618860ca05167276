import type { Versioned } from '../../clients/stateDocs'
import { ALL_PARTS, partsToRead, readTimeOf } from '../../domain'
import type { ReadTimes } from '../../domain'
import { BASE_SEEN_MARGIN_MS } from '../../domain/clock'
import type { EngineDeps } from '../shared/deps'
import { checkUnchanged } from './check'
import { contextFirst } from './contextFirst'
import type { EvaluateOptions, EvaluationResult } from './evaluateTypes'
import { keepWithoutLease, mayKeepWithoutLease } from './keepStatus'
import { acquireLease } from './lease'
import { evaluateUnderLease } from './leaseRounds'
import { recentRead, remember } from './recentReads'
import type { EarlyContext, RoundInputs } from './round'
import type { SkuState } from './state'
import { reusableReadTimes } from './state'
import { skuStore } from '../shared/stores/states'

/**
 * How long after a change's DateModified a read must have started to count as having seen it.
 * DateModified is VTEX's clock and the read time this worker's: the margin absorbs their skew
 * and the moment between VTEX stamping a change and serving it. Without it, a read a few
 * milliseconds too early would drop the change's event as a duplicate until the next sweep. Its
 * cost: a duplicate that arrives within the margin of its change is evaluated once more.
 * This is the margin with no skew measured; `deps.seenMarginMs` adds how far VTEX's clock is
 * behind (domain/clock.ts, clients/vtexClock.ts).
 */
const SEEN_MARGIN_MS = BASE_SEEN_MARGIN_MS

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

  const recent = recentRead(deps, skuId)

  // A duplicate of a change this worker already evaluated costs nothing.
  if (recent && seen(recent.at, recent.times))
    return { skuId, outcome: 'ALREADY_SEEN', decisions: [] }
  let first: Versioned<SkuState> | undefined = options.likelyNew
    ? skuStore(deps.docs).absent(skuId)
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

  let owesRows = false

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
      // Our rows may have landed after the winner's: the lease's round writes every row, ours
      // or, when another worker holds the lease, its next one (`rowsOwed`).
      first = undefined
      early = undefined
      owesRows = true
      options = { ...options, rewriteRows: true }
    } else {
      // Inputs read from `first`: the lease reuses them if it goes over that very version.
      prefetched = tried.handOver
      early = undefined
    }
  }

  const held = await acquireLease(deps, skuId, {
    alreadySeen: seenIn,
    coveredBy: covers,
    first,
    readAt: (prefetched?.now ?? early?.at)?.getTime(),
    reusedSince: options.events ? reusedSince : undefined,
    owesRows,
  })

  if (held === 'SEEN') return { skuId, outcome: 'ALREADY_SEEN', decisions: [] }
  if (!held) return { skuId, outcome: 'DEFERRED', decisions: [] }

  return evaluateUnderLease(deps, { skuId, held, options, prefetched, early })
}
