// A sweep's check of a SKU that most likely did not change. Most SKUs a daily sweep visits are
// as their state says: reading the state and the SKU's inputs and deciding again, without a
// lease, settles that with no write at all. Anything else (a change, a failure, a lease or a
// pending mark, an ungoverned SKU) goes on to the evaluation under the lease, which starts from
// the version read here and, when nobody wrote it meanwhile, from the inputs read here too.
import type { Versioned } from '../../clients/stateDocs'
import { decisionChanged, isGoverned } from '../../domain'
import type { EngineDeps } from '../shared/deps'
import type { EvaluationResult } from './evaluateTypes'
import { channels as loadChannels } from '../shared/reference'
import { decideAll, readRound } from './round'
import type { RoundInputs } from './round'
import type { SkuState } from './state'
import { leaseHeld } from './state'
import { skuStore } from '../shared/stores/states'
import { shownChanged } from '../projection/projection'

export type Checked =
  | { unchanged: EvaluationResult }
  | { first: Versioned<SkuState>; prefetched?: RoundInputs }

export async function checkUnchanged(
  deps: EngineDeps,
  skuId: string
): Promise<Checked> {
  // Always the stored version, never this process's memory of it: nothing conditional follows
  // when the SKU turns out unchanged, so a stale guess could hide a state that needs repair.
  const first = await skuStore(deps.docs).read(skuId)

  const { value: state, etag } = first
  const quiet =
    etag !== null &&
    !state.dirty &&
    !state.rowsOwed &&
    !leaseHeld(state, deps.now().getTime()) &&
    state.failures === 0 &&
    state.productId !== null

  if (!quiet) return { first }
  let round: RoundInputs

  try {
    round = await readRound(deps, skuId, await loadChannels(deps))
  } catch {
    // The evaluation under the lease reads again, and records the failure if it persists.
    return { first }
  }

  const { sku } = round.inputs
  const { tradePolicies } = round.inputs

  if (!sku || sku.productId !== state.productId)
    return { first, prefetched: round }
  // Still without a third-party seller, and stored so: nothing of it is the app's to write.
  if (!isGoverned(sku))
    return Object.keys(state.decisions).length === 0
      ? {
          unchanged: {
            skuId,
            outcome: 'NOT_GOVERNED',
            decisions: [],
            tradePolicies,
          },
        }
      : { first, prefetched: round }
  const decisions = await decideAll(deps, state, round).catch(() => null)
  const ids = Object.keys(decisions ?? {})
  const same =
    decisions !== null &&
    ids.length > 0 &&
    ids.length === Object.keys(state.decisions).length &&
    ids.every(
      (id) =>
        state.decisions[id] &&
        // Status, reasons and available, and what the table shows (names, sellers, row format);
        // a trace-only difference is not worth a write.
        !decisionChanged(state.decisions[id], decisions[id]).any &&
        !shownChanged(state.decisions[id], decisions[id])
    )

  if (!same) return { first, prefetched: round }

  return {
    unchanged: {
      skuId,
      outcome: 'EVALUATED',
      decisions: Object.values(state.decisions),
      tradePolicies,
    },
  }
}
