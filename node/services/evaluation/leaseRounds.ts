import { releaseClaims } from '../enforcement/plan'
import { settleProduct } from '../enforcement/enforce'
import type { ProductPlan } from '../enforcement/productPlan'
import type { EngineDeps } from '../shared/deps'
import { evaluateRound } from './evaluateRound'
import type { EvaluateOptions, EvaluationResult } from './evaluateTypes'
import { commit, releaseAfterFailure } from './lease'
import type { Held } from './lease'
import { remember } from './recentReads'
import type { EarlyContext, RoundInputs } from './round'
import { markSettled } from './unsettled'

const MAX_ROUNDS = 3

export interface UnderLease {
  skuId: string
  held: Held
  options: EvaluateOptions
  /** Inputs read before the lease, good only if the lease went over the version they were read from. */
  prefetched?: RoundInputs
  /** The same for an event's SKU context alone. */
  early?: EarlyContext
}

/**
 * The rounds of one SKU's evaluation under its lease: each decides, projects and commits; a
 * change marked meanwhile owes another round, up to MAX_ROUNDS; then the product is settled.
 */
export async function evaluateUnderLease(
  deps: EngineDeps,
  { skuId, held, options, prefetched, early }: UnderLease
): Promise<EvaluationResult> {
  let current: Held = held
  // A later round whose statuses did not change keeps the earlier round's product plan.
  let plan: ProductPlan | null = null
  let again = false

  try {
    for (let round = 1; ; round++) {
      // Inputs read before the lease are good only if the lease went over the version they
      // were compared with (nobody wrote the SKU in between).
      const fromFirst = round === 1 && held.fromFirst
      const result = await evaluateRound(deps, {
        held: current,
        options,
        prefetched: fromFirst ? prefetched : undefined,
        early: fromFirst ? early : undefined,
        // A later round, or one over a dirty mark, owes itself to someone else's change, whose
        // flags it does not know.
        events: round === 1 && !held.wasDirty ? options.events : undefined,
      })

      plan = result.plan ?? plan
      const committed = await commit(deps, current, result.state)

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
        await commit(deps, committed.held, committed.held.state, {
          stillDirty: true,
        })
        again = true
      }

      // What the context said, unless this evaluation's own writes made it stale.
      let tradePolicies = result.tradePolicies ?? null

      if (plan) {
        const { productId } = plan

        tradePolicies = await settleProduct(deps, plan, {
          options,
          skuId,
        }).catch((error) => {
          deps.log.error({
            message: 'enforce-product-failed',
            skuId,
            productId,
            error: String(error),
          })

          return null
        })
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
