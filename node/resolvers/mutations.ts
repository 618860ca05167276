import { UserInputError } from '@vtex/api'

import type { AdminContext } from './operatorContext'
import { actorOf } from './operatorContext'
import { deleteBuffer, saveBuffer } from '../services/operator/buffers'
import { depsOf } from '../services/compose'
import { evaluate } from '../services/evaluation/engine'
import { skuState, viewOfDecision } from '../services/operator/exposures'
import { startReevaluateMany } from '../services/operator/jobKinds'
import type { EvaluationResult } from '../services/evaluation/evaluateTypes'
import {
  clearOverride,
  setOverride,
  updateSettings,
  validateOverrides,
} from '../services/operator/actions'
import {
  resumeOverridesMatching,
  startOverridesMatching,
} from '../services/operator/overrideMatching'
import type { StoredDecision } from '../services/evaluation/state'
import { emptySkuState } from '../services/evaluation/state'
import { attentionMutations } from './attention'
import { channelFeedMutations } from './channelFeed'
import { reconciliationMutations } from './reconciliation'
import { bufferOut, exposureOut, jobOut } from './shape'
import { queries } from './queries'
import type {
  MutationClearOverrideArgs,
  MutationDeleteStockBufferArgs,
  MutationReevaluateArgs,
  MutationReevaluateManyArgs,
  MutationResumeOverridesMatchingArgs,
  MutationSaveSettingsArgs,
  MutationSaveStockBufferArgs,
  MutationSetOverrideArgs,
  MutationSetOverridesArgs,
  MutationSetOverridesMatchingArgs,
} from '../typings/schema.generated'

/** The SKU's exposures after an evaluation, read back as the queries show them. */
async function outOf(
  result: EvaluationResult,
  ctx: AdminContext,
  channel?: string | null
) {
  const state =
    (await skuState(depsOf(ctx), result.skuId)) ?? emptySkuState(result.skuId)

  const decisions = Object.keys(state.decisions).length
    ? Object.values(state.decisions)
    : result.decisions

  return decisions
    .filter((d: StoredDecision) => !channel || d.channel === channel)
    .map((d) => exposureOut(viewOfDecision(state, d)))
}

async function one(
  result: EvaluationResult,
  channel: string,
  ctx: AdminContext
) {
  const view = await queries.exposure(
    null,
    { skuId: result.skuId, channel },
    ctx
  )

  if (!view) throw new Error('EXPOSURE_NOT_FOUND')

  return view
}

const MAX_OVERRIDES_PER_REQUEST = 100
const OVERRIDES_AT_ONCE = 8

export const mutations = {
  reevaluate: async (
    _: unknown,
    args: MutationReevaluateArgs,
    ctx: AdminContext
  ) => {
    const result = await evaluate(depsOf(ctx), args.skuId, {
      cause: 'OPERATOR',
      actor: await actorOf(ctx),
    })

    // An empty answer would read as "re-evaluated": say why there is nothing to show.
    if (result.outcome === 'UNKNOWN_SKU') {
      throw new UserInputError('SKU_NOT_IN_CATALOG')
    }

    if (result.outcome === 'NOT_GOVERNED') {
      throw new UserInputError('SKU_NOT_GOVERNED')
    }

    return outOf(result, ctx, args.channel)
  },

  /** Answers at once with a job; the admin follows it with `job(id)`. */
  reevaluateMany: async (
    _: unknown,
    args: MutationReevaluateManyArgs,
    ctx: AdminContext
  ) =>
    jobOut(
      await startReevaluateMany(depsOf(ctx), args.skuIds, await actorOf(ctx))
    ),

  setOverride: async (
    _: unknown,
    args: MutationSetOverrideArgs,
    ctx: AdminContext
  ) => {
    const result = await setOverride(
      depsOf(ctx),
      args.input,
      await actorOf(ctx)
    )

    return one(result, args.input.channel, ctx)
  },

  setOverrides: async (
    _: unknown,
    args: MutationSetOverridesArgs,
    ctx: AdminContext
  ) => {
    const actor = await actorOf(ctx)

    // One admin page at most (100 rows), OVERRIDES_AT_ONCE at a time: what fits in IO's
    // request timeout with each SKU's evaluation behind it.
    if (args.inputs.length > MAX_OVERRIDES_PER_REQUEST)
      throw new UserInputError('TOO_MANY_OVERRIDES')
    // All or nothing: every input is checked before the first one is applied.
    await validateOverrides(depsOf(ctx), args.inputs)
    // Different SKUs side by side; one SKU's channels one after the other (its state is one
    // document). Answers in the order asked.
    const bySku = new Map<string, number[]>()

    args.inputs.forEach((input, index) =>
      bySku.set(input.skuId, [...(bySku.get(input.skuId) ?? []), index])
    )
    const out: Array<Awaited<ReturnType<typeof one>>> = []
    const groups = [...bySku.values()]

    for (let i = 0; i < groups.length; i += OVERRIDES_AT_ONCE) {
      await Promise.all(
        groups.slice(i, i + OVERRIDES_AT_ONCE).map(async (indexes) => {
          for (const index of indexes) {
            const input = args.inputs[index]
            const result = await setOverride(depsOf(ctx), input, actor)

            out[index] = await one(result, input.channel, ctx)
          }
        })
      )
    }

    return out
  },

  setOverridesMatching: async (
    _: unknown,
    args: MutationSetOverridesMatchingArgs,
    ctx: AdminContext
  ) =>
    jobOut(
      await startOverridesMatching(depsOf(ctx), args.input, await actorOf(ctx))
    ),

  resumeOverridesMatching: async (
    _: unknown,
    args: MutationResumeOverridesMatchingArgs,
    ctx: AdminContext
  ) =>
    jobOut(
      await resumeOverridesMatching(depsOf(ctx), args.id, await actorOf(ctx))
    ),

  clearOverride: async (
    _: unknown,
    args: MutationClearOverrideArgs,
    ctx: AdminContext
  ) => {
    const result = await clearOverride(
      depsOf(ctx),
      args.skuId,
      args.channel,
      await actorOf(ctx)
    )

    return one(result, args.channel, ctx)
  },

  saveSettings: async (
    _: unknown,
    args: MutationSaveSettingsArgs,
    ctx: AdminContext
  ) => {
    const { applyId } = await updateSettings(
      depsOf(ctx),
      args.input,
      await actorOf(ctx)
    )

    return { ...(await queries.settings(null, null, ctx)), applyJobId: applyId }
  },

  saveStockBuffer: async (
    _: unknown,
    args: MutationSaveStockBufferArgs,
    ctx: AdminContext
  ) =>
    (await saveBuffer(depsOf(ctx), args.input, await actorOf(ctx))).map(
      bufferOut
    ),

  deleteStockBuffer: async (
    _: unknown,
    args: MutationDeleteStockBufferArgs,
    ctx: AdminContext
  ) =>
    (await deleteBuffer(depsOf(ctx), args.id, await actorOf(ctx))).map(
      bufferOut
    ),

  ...reconciliationMutations,
  ...channelFeedMutations,
  ...attentionMutations,
}
