import { isGoverned } from '../../domain'
import type { EventChanges } from '../../domain'
import type { ChannelConfig } from '../../domain/types'
import { planProduct, releaseClaims } from '../enforcement/plan'
import type { EngineDeps } from '../shared/deps'
import { channels as loadChannels } from '../shared/reference'
import type { EvaluateOptions } from './evaluateTypes'
import { failedRound } from './failedRound'
import type { RoundResult } from './roundResult'
import type { Held } from './lease'
import { dropDecisions, project } from './projectRound'
import { decideAll, readRound, reuseFor } from './round'
import type { EarlyContext, RoundInputs } from './round'
import type { StoredDecision } from './state'

const holding = (channels: ChannelConfig[], held: string[] | undefined) =>
  held?.length
    ? channels.map((c) =>
        held.includes(c.id) ? { ...c, mode: 'OBSERVE' as const } : c
      )
    : channels

export interface Round {
  held: Held
  options: EvaluateOptions
  /** Inputs read before the lease was taken from the very version they were compared with. */
  prefetched?: RoundInputs
  /** The same for an event's SKU context alone. */
  early?: EarlyContext
  /** What the events this round answers say changed (absent: read everything). */
  events?: EventChanges[]
}

export async function evaluateRound(
  deps: EngineDeps,
  { held, options, prefetched, early, events }: Round
): Promise<RoundResult> {
  const prev = held.state
  let channels: ChannelConfig[] = []
  let round: RoundInputs

  try {
    channels = holding(
      prefetched?.channels ?? (await loadChannels(deps)),
      options.holdWrites
    )
    const reuse = reuseFor(deps, prev, events)

    round =
      prefetched ??
      (await readRound(deps, prev.skuId, channels, { early, reuse }))
  } catch (error) {
    return failedRound(deps, { prev, channels, options }, error)
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
        ? await planProduct(deps, inputs.sku.productId, channels, {
            sku: { skuId: prev.skuId, statuses: {}, governed: false },
            observed: inputs.tradePolicies,
          })
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
    return failedRound(deps, { prev, channels, options }, error)
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
      ? await planProduct(deps, productId, channels, {
          sku: {
            skuId: prev.skuId,
            statuses: Object.fromEntries(
              Object.entries(decisions).map(([ch, d]) => [ch, d.status])
            ),
          },
          observed: inputs.tradePolicies,
          firstOfSku:
            !prev.productId && Object.keys(prev.decisions).length === 0,
        })
      : null

  for (const channel of channels) {
    decisions[channel.id].productAssociated = plan
      ? plan.planned[channel.id] ?? null
      : prev.decisions[channel.id]?.productAssociated ?? null
  }

  await project(deps, { prev, decisions, version, options }).catch(
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
      // Every row was written above.
      rowsOwed: undefined,
    },
    outcome: 'EVALUATED',
    channels,
    plan,
    tradePolicies: inputs.tradePolicies,
  }
}
