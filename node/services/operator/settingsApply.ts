import { channelSettings } from '../../domain'
import type { AppSettings, ChannelSettings } from '../../domain'
import type { EngineDeps } from '../shared/deps'
import { evaluate } from '../evaluation/engine'
import { enforceProduct } from '../enforcement/enforce'
import { scrollExposures, viewOfDoc } from './exposures'
import { previewStatus } from './preview'
import { channels as loadChannels } from '../shared/reference'

// A few at a time: the API budget is shared with events.
const AT_ONCE = 4

const RULES: Array<keyof ChannelSettings> = [
  'exposeAt',
  'withdrawBelow',
  'requirePrice',
  'sellerAllow',
  'sellerDeny',
]

/** The channels whose rules (anything but the mode) differ between two saves. */
export function rulesChanged(before: AppSettings, after: AppSettings) {
  return Object.keys(after.channels ?? {}).filter((id) => {
    const a = channelSettings(before, id)
    const b = channelSettings(after, id)

    return RULES.some(
      (rule) => JSON.stringify(a[rule]) !== JSON.stringify(b[rule])
    )
  })
}

/**
 * What a save does after it is stored. The SKUs whose status the saved rules change are decided
 * again first, with the changed channels' catalog writes held; only then are products written,
 * from statuses the new rules made. Writing first would apply what the old rules decided, and
 * the next evaluation would undo it: the product put on the channel and taken off again, and the
 * channel told both.
 */
export interface SavedSettings {
  before: AppSettings
  after: AppSettings
  /** Channels the save switched to ENFORCE. */
  switched: string[]
  actor: string
}

/** Who asks for a decision or a write: the operator, and the run their entries are tagged with. */
interface AskedBy {
  actor: string
  runId: string | null
}

export async function applySaved(
  deps: EngineDeps,
  { before, after, switched, actor }: SavedSettings,
  runId: string | null = null
): Promise<ApplyResult> {
  const changed = rulesChanged(before, after)
  const held = [...new Set([...changed, ...switched])]

  if (held.length === 0) return { decidedAgain: 0, failed: 0 }
  const skuIds = new Set<string>()
  // Every product of a SKU decided again: its fresh evaluation may change it on any held channel,
  // not only on the one whose rules predicted it (stock may have moved since).
  const products = new Set<string>()

  for (const channel of changed) {
    const rules = channelSettings(after, channel)

    for await (const rows of scrollExposures(deps, { channel })) {
      for (const view of rows.map(viewOfDoc)) {
        if (previewStatus(view, rules, after.buffers) === view.status) continue
        skuIds.add(view.skuId)
        if (view.productId) products.add(view.productId)
      }
    }
  }

  await decideAgain(deps, [...skuIds], held, { actor, runId })
  const pending = await applyPending(deps, switched, actor, runId)

  // Channels already in ENFORCE whose rules changed: write the products whose SKUs were held.
  const enforcing = (id: string) =>
    changed.includes(id) && !switched.includes(id)

  const failed =
    pending +
    (await eachProduct(deps, [...products], enforcing, { actor, runId }))

  deps.log.info({
    message: 'settings-applied',
    channels: held,
    decidedAgain: skuIds.size,
    failed,
  })

  return { decidedAgain: skuIds.size, failed }
}

/** What a save's apply did, beside its findings (the audit entries tagged with its id). */
export interface ApplyResult {
  decidedAgain: number
  /** Products whose write could not be planned or made (left pending for the tick). */
  failed: number
}

/** Whether a save has anything to apply: a switched channel, or a channel whose rules changed. */
export const hasWorkToApply = (
  before: AppSettings,
  after: AppSettings,
  switched: string[]
) => switched.length > 0 || rulesChanged(before, after).length > 0

/**
 * Decides the SKUs again with the channels' catalog writes held, then writes their products on
 * those channels that are in ENFORCE: what a settings save does for its changed rules, for a
 * change that touches a few SKUs (a stock buffer). Returns the products whose write failed.
 */
export async function decideAgainAndWrite(
  deps: EngineDeps,
  {
    skuIds,
    productIds,
    channelIds,
  }: { skuIds: string[]; productIds: string[]; channelIds: string[] },
  actor: string
) {
  if (skuIds.length === 0) return 0
  // A buffer's save is no run: its entries carry no run id (its own BUFFER_* entry says what).
  await decideAgain(deps, skuIds, channelIds, { actor, runId: null })

  return eachProduct(deps, productIds, (id) => channelIds.includes(id), {
    actor,
    runId: null,
  })
}

/**
 * Brings each product in line on the channels `wanted` picks among those in ENFORCE now (read
 * again per product: an operator may switch one back to OBSERVE meanwhile). One product's failure
 * does not stop the others: its write stays pending, and the scheduler's tick settles it.
 */
async function eachProduct(
  deps: EngineDeps,
  productIds: string[],
  wanted: (channel: string) => boolean,
  { actor, runId }: AskedBy
) {
  let failed = 0

  for (const productId of productIds) {
    try {
      const channels = (await loadChannels(deps)).filter(
        (c) => wanted(c.id) && c.mode === 'ENFORCE' && !c.catalogWritesBlocked
      )

      if (channels.length > 0)
        await enforceProduct(deps, productId, channels, {
          options: { cause: 'OPERATOR', actor, runId },
        })
    } catch (error) {
      failed += 1
      deps.log.warn({
        message: 'settings-apply-product-failed',
        productId,
        error: String(error),
      })
    }
  }

  return failed
}

async function decideAgain(
  deps: EngineDeps,
  skuIds: string[],
  held: string[],
  { actor, runId }: AskedBy
) {
  for (let i = 0; i < skuIds.length; i += AT_ONCE) {
    await Promise.all(
      skuIds.slice(i, i + AT_ONCE).map((skuId) =>
        evaluate(deps, skuId, {
          cause: 'OPERATOR',
          actor,
          holdWrites: held,
          runId,
        }).catch((error) =>
          // The engine retries it and marks it unsettled; the sweep takes what is left.
          deps.log.warn({
            message: 'settings-decide-again-failed',
            skuId,
            error: String(error),
          })
        )
      )
    )
  }
}

/**
 * Switching a channel to ENFORCE applies what OBSERVE recorded: every product with a governed SKU
 * on the channel gets its association written where it differs. Reads only the stored decisions
 * (no catalog reads per SKU) plus one association read per product.
 */
async function applyPending(
  deps: EngineDeps,
  channelIds: string[],
  actor: string,
  runId: string | null = null
) {
  let failedAll = 0

  if (channelIds.length === 0) return failedAll
  // A channel this workspace may not write runs as OBSERVE: nothing to apply, nothing to read.
  const channels = (await loadChannels(deps)).filter(
    (c) => channelIds.includes(c.id) && !c.catalogWritesBlocked
  )

  for (const channel of channels) {
    const products = new Set<string>()

    for await (const rows of scrollExposures(deps, { channel: channel.id }))
      rows.forEach((row) => row.productId && products.add(row.productId))

    const failed = await eachProduct(
      deps,
      [...products],
      (id) => id === channel.id,
      { actor, runId }
    )

    failedAll += failed

    deps.log.info({
      message: 'settings-apply-pending-done',
      channel: channel.id,
      products: products.size,
      failed,
    })
  }

  return failedAll
}
