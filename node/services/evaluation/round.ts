// One evaluation's inputs and decisions, without writing anything: shared by the evaluation under
// a lease and by a sweep's check of a SKU that most likely did not change.
import { ALL_PARTS, decide, decisionChanged, partsToRead } from '../../domain'
import type { EventChanges } from '../../domain'
import type { ChannelConfig, Decision } from '../../domain/types'
import type { SkuContext } from '../../clients/catalogShapes'
import type { EngineDeps } from '../shared/deps'
import { readSkuInputs } from './facts'
import type { Reuse, SkuInputs } from './facts'
import { ROW_FORMAT } from '../projection/projection'
import { logisticsConfig } from '../shared/reference'
import type { SkuState, StoredDecision } from './state'
import { reusableReadTimes } from './state'

/** What an evaluation read: the channels, the SKU's three VTEX inputs, and when. */
export interface RoundInputs {
  now: Date
  inputsReadAt: string
  channels: ChannelConfig[]
  inputs: SkuInputs
}

/** A SKU context read before the round, and when its read started. */
export interface EarlyContext {
  at: Date
  context: SkuContext | null
  /** The read failed: the round fails with this error as if it had read it. */
  error?: Error
}

/**
 * Only the inputs the events say moved are read, the others taken as the stored decisions were
 * made on them (undefined: read everything).
 */
export function reuseFor(
  deps: Pick<EngineDeps, 'now'>,
  prev: SkuState,
  events: EventChanges[] | undefined
): Reuse | undefined {
  const parts = partsToRead(
    events,
    reusableReadTimes(prev),
    deps.now().getTime()
  )

  return prev.inputs && parts.length < ALL_PARTS.length
    ? { stored: prev.inputs, read: parts }
    : undefined
}

/** The SKU's inputs for these channels (loaded first, so a failure can still name them). */
export async function readRound(
  deps: EngineDeps,
  skuId: string,
  channels: ChannelConfig[],
  {
    early,
    reuse,
  }: {
    /** Its inputs then date from that earlier read: the oldest is what they have seen. */
    early?: EarlyContext
    /** Read only these parts, and take the others from the stored inputs. */
    reuse?: Reuse
  } = {}
): Promise<RoundInputs> {
  if (early?.error) throw early.error
  const now = early?.at ?? deps.now()
  const inputsReadAt = now.toISOString()
  const priced = [
    ...new Set(
      channels.filter((c) => c.requirePrice).map((c) => c.salesChannel)
    ),
  ]

  const inputs = await readSkuInputs(deps, skuId, {
    priceTradePolicies: priced,
    now: inputsReadAt,
    contextRead: early?.context,
    reuse,
  })

  // Reused inputs are as old as their read: a change after it was not seen.
  const { kept } = inputs
  const oldest = kept
    ? [kept.contextAt, kept.inventoryAt, kept.priceAt].sort((a, b) =>
        a.localeCompare(b)
      )[0]
    : inputsReadAt

  return { now, inputsReadAt: oldest, channels, inputs }
}

/** Every channel's decision for a governed SKU, as it would be stored (the association aside). */
export async function decideAll(
  deps: EngineDeps,
  prev: SkuState,
  { now, channels, inputs }: RoundInputs
): Promise<Record<string, StoredDecision>> {
  const logistics = await logisticsConfig(deps)
  const decisions: Record<string, StoredDecision> = {}

  for (const channel of channels) {
    const before = prev.decisions[channel.id] ?? null
    const decision = decide({
      skuId: prev.skuId,
      channel,
      sku: inputs.sku,
      warehouses: logistics.warehouses,
      docks: logistics.docks,
      inventory: inputs.inventory,
      price: inputs.price,
      override: prev.overrides[channel.id] ?? null,
      previousStatus: before?.status ?? null,
      now: now.toISOString(),
    })

    decisions[channel.id] = stored(decision, before, inputs, now)
  }

  return decisions
}

function stored(
  decision: Decision,
  before: StoredDecision | null,
  inputs: SkuInputs,
  now: Date
): StoredDecision {
  const change = decisionChanged(before, decision)

  return {
    ...decision,
    productId: decision.productId ?? before?.productId ?? null,
    evaluatedAt: now.toISOString(),
    changedAt:
      change.statusChanged || !before ? now.toISOString() : before.changedAt,
    skuName: inputs.sku?.name ?? before?.skuName ?? null,
    productName: inputs.sku?.productName ?? before?.productName ?? null,
    place: inputs.sku?.place ?? before?.place ?? null,
    sellerIds: inputs.sku
      ? inputs.sku.sellers
          .filter((s) => s.sellerId !== '1')
          .map((s) => s.sellerId)
      : before?.sellerIds ?? [],
    productAssociated: before?.productAssociated ?? null,
    rowFormat: ROW_FORMAT,
  }
}
