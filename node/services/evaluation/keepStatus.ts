// Most events move a SKU's stock without moving any of its statuses. Such an event needs no
// lease: nothing is planned for its product and no catalog write follows, so what it writes is
// the rows whose shown figures moved and the SKU's state, and the state's own conditional write
// (If-Match on the version the decisions were made from) is what the lease gave: if anyone
// wrote the SKU since that read, the write is refused and the evaluation goes on under the
// lease, with every row rewritten, since a row written here may be older than the winner's.
//
// The rows go before the state. A worker that read the same version writes its rows too, but
// only one of the two state writes succeeds, and the other one rewrites its rows under the
// lease after the winner's: the last rows written are the latest decision's. If another worker
// holds the lease by then, its dirty mark says `rowsOwed`, and the holder's next round
// rewrites every row. A crash between
// the rows and the state leaves the rows of a decision nobody stored, as a crash under the
// lease did: the state is older than the rows, so the next event or sweep decides again.
//
// Before, such an event cost the lease, the state and the row: three writes. Now it costs the
// row and the state, and the state alone when no figure a reader sees moved (a stock move in a
// warehouse the channels do not count). The state is written even then: it keeps the inputs
// read, which the next events reuse, and its write is what checks this process's guess of it.
import type { Versioned } from '../../clients/stateDocs'
import { ConflictError } from '../../clients/stateDocs'
import { isGoverned } from '../../domain'
import type { EngineDeps } from '../shared/deps'
import type { EvaluateOptions, EvaluationResult } from './evaluateTypes'
import { forgetCommitted, rememberCommitted } from './lease'
import { rowChanged, toExposureDoc } from '../projection/projection'
import { channels as loadChannels } from '../shared/reference'
import { decideAll, readRound, reuseFor } from './round'
import type { EarlyContext, RoundInputs } from './round'
import type { SkuState, StoredDecision } from './state'
import { skuStore } from '../shared/stores/states'

export type KeptRound =
  /**
   * Settled: every status kept, and stored.
   */
  | { kept: EvaluationResult; state: SkuState }
  /** A status moves, or the SKU is not plainly governed: the lease's evaluation takes over. */
  | { handOver: RoundInputs | undefined }
  /** The state moved since it was read: rows may be behind, evaluate under the lease. */
  | { conflict: true }

/** Only a quiet, stored state can be settled without the lease. */
export function mayKeepWithoutLease(
  first: Versioned<SkuState> | undefined,
  options: EvaluateOptions,
  early: EarlyContext | undefined
): first is Versioned<SkuState> {
  if (!first?.etag || early?.error) return false
  const state = first.value

  return (
    options.cause === 'EVENT' &&
    !options.reproject &&
    !options.recordInProduct &&
    !options.holdWrites?.length &&
    state.lease === null &&
    !state.dirty &&
    !state.rowsOwed &&
    state.failures === 0 &&
    state.productId !== null &&
    Object.keys(state.decisions).length > 0
  )
}

export async function keepWithoutLease(
  deps: EngineDeps,
  first: Versioned<SkuState>,
  options: EvaluateOptions,
  early: EarlyContext | undefined
): Promise<KeptRound> {
  const prev = first.value
  let round: RoundInputs

  try {
    const channels = await loadChannels(deps)
    const reuse = reuseFor(deps, prev, options.events)

    round = await readRound(deps, prev.skuId, channels, { early, reuse })
  } catch {
    // The lease's evaluation reads again and records the failure if it persists.
    return { handOver: undefined }
  }

  const { inputs, channels } = round

  if (
    !inputs.sku ||
    !isGoverned(inputs.sku) ||
    inputs.sku.productId !== prev.productId
  )
    return { handOver: round }
  const decisions = await decideAll(deps, prev, round).catch(() => null)

  if (!decisions || !keepsEveryStatus(prev, decisions, round))
    return { handOver: round }

  for (const channel of channels) {
    decisions[channel.id].productAssociated =
      prev.decisions[channel.id].productAssociated ?? null
  }

  const moved = channels.filter((c) =>
    rowChanged(prev.decisions[c.id], decisions[c.id])
  )

  const result: EvaluationResult = {
    skuId: prev.skuId,
    outcome: 'EVALUATED',
    decisions: Object.values(decisions),
    tradePolicies: inputs.tradePolicies,
  }

  const next: SkuState = {
    ...prev,
    version: prev.version + 1,
    decisions,
    failures: 0,
    nextRetryAt: null,
    lastError: null,
    inputsReadAt: round.inputsReadAt,
    inputs: inputs.kept ?? null,
  }

  // The SKU's one document, whole: every channel's row, written when one of them moved.
  if (moved.length > 0)
    await deps.projection.putSku(
      prev.skuId,
      channels.map((c) =>
        toExposureDoc(decisions[c.id], prev.overrides[c.id]?.action ?? null)
      ),
      moved.map((c) => c.id)
    )

  try {
    const etag = await skuStore(deps.docs).write(prev.skuId, next, first.etag)

    rememberCommitted(deps, prev.skuId, next, etag)

    return { kept: result, state: next }
  } catch (error) {
    forgetCommitted(deps, prev.skuId)
    if (error instanceof ConflictError) return { conflict: true }
    // The rows are written and the state is not: the engine's storage retries rewrite them all.
    throw error
  }
}

function keepsEveryStatus(
  prev: SkuState,
  decisions: Record<string, StoredDecision>,
  { channels }: RoundInputs
) {
  return (
    Object.keys(prev.decisions).length === channels.length &&
    channels.every(
      (c) =>
        prev.decisions[c.id] !== undefined &&
        prev.decisions[c.id].status === decisions[c.id].status
    )
  )
}
