import { UserInputError } from '@vtex/api'

import {
  applySettingsInput,
  associationChange,
  bufferFor,
  channelSettings,
  desiredAssociation,
  refusalCodes,
} from '../../domain'
import type {
  AppSettings,
  ChannelSettings,
  SettingsInput,
  StockBuffer,
} from '../../domain'
import type { ExposureStatus, RuleResult } from '../../domain/types'
import type { EngineDeps } from '../shared/deps'
import type { ExposureView } from './exposures'
import { countExposures, scrollExposures, viewOfDoc } from './exposures'
import type { ProductToChange } from '../enforcement/productsToChange'
import { byNumericId } from '../enforcement/productsToChange'
import { affiliates, readSettings } from '../shared/reference'

interface SellerSeen {
  sellerId: string
  active: boolean
}

const ruleOf = (trace: RuleResult[], rule: string) =>
  trace.find((r) => r.rule === rule)

/**
 * What a stored decision would become under other settings, from the inputs its trace recorded:
 * stock against the new thresholds (with hysteresis), price when it becomes required, sellers
 * against the new lists. Overrides, missing or inactive SKUs and ERROR/PENDING stay as they are.
 * A stock buffer of the SKU or its product among `buffers` replaces the channel's thresholds, as
 * in decide().
 */
export function previewStatus(
  view: ExposureView,
  after: ChannelSettings,
  buffers: readonly StockBuffer[] = []
): ExposureStatus {
  if (view.status === 'ERROR' || view.status === 'PENDING') return view.status
  if (view.overrideAction === 'ALLOW') return 'EXPOSED'
  if (view.overrideAction === 'BLOCK') return 'WITHHELD'
  if (
    view.reasons.includes('SKU_NOT_FOUND') ||
    view.reasons.includes('SKU_INACTIVE')
  )
    return 'WITHHELD'

  const thresholds =
    bufferFor(buffers, view.channel, view.skuId, view.productId) ?? after

  const stockOk =
    view.available === null ||
    view.available >=
      (view.status === 'EXPOSED'
        ? Math.min(thresholds.withdrawBelow, thresholds.exposeAt)
        : thresholds.exposeAt)

  const price = ruleOf(view.trace, 'PRICE')?.details as
    | { price?: number | null }
    | undefined

  const priceOk =
    !after.requirePrice ||
    (price ? price.price != null : !view.reasons.includes('NO_PRICE'))

  const sellers = ((
    ruleOf(view.trace, 'SELLERS')?.details as
      | { sellers?: SellerSeen[] }
      | undefined
  )?.sellers ??
    view.sellerIds.map((sellerId) => ({
      sellerId,
      active: true,
    }))) as SellerSeen[]

  const allow = new Set(after.sellerAllow)
  const deny = new Set(after.sellerDeny)
  const sellersOk = sellers.some(
    (s) =>
      s.active &&
      (allow.size === 0 || allow.has(s.sellerId)) &&
      !deny.has(s.sellerId)
  )

  return stockOk && priceOk && sellersOk ? 'EXPOSED' : 'WITHHELD'
}

/** At most this many products a channel in a review's list: the job's document lives in VBase. */
export const PREVIEW_PRODUCTS_MAX = 1_000

/**
 * The review's list of the products a save would write, by product id, bounded: the counts stay
 * exact, `truncated` says the list stops short of them.
 */
export function listedProducts(
  changed: ProductToChange[],
  max = PREVIEW_PRODUCTS_MAX
): { products: ProductToChange[]; productsTruncated: boolean } {
  const sorted = [...changed].sort((a, b) =>
    byNumericId(a.productId, b.productId)
  )

  return {
    products: sorted.slice(0, max),
    productsTruncated: sorted.length > max,
  }
}

/** One channel of the review, as its job stores it. */
export interface ChannelPreview {
  channel: string
  toExposed: number
  toWithheld: number
  associate: number
  dissociate: number
  products: ProductToChange[]
  productsTruncated: boolean
}

export interface PreparedPreview {
  settings: AppSettings
  channelIds: string[]
}

/** Validates the input against the stored settings: a refusal is answered at once, not as a job. */
export async function preparePreview(
  deps: EngineDeps,
  input: SettingsInput
): Promise<PreparedPreview> {
  const known = (await affiliates(deps)).map((a) => a.id)
  const current = await readSettings(deps, true)
  const result = applySettingsInput(current, input, known)

  if (!result.ok)
    throw new UserInputError(refusalCodes(result.errors).join(','))

  return {
    settings: result.settings,
    channelIds: [...new Set((input.channels ?? []).map((c) => c.channel))],
  }
}

/**
 * Per changed channel: how many SKUs would change status, how many products the switch would
 * touch, and which.
 */
export async function previewSettings(deps: EngineDeps, input: SettingsInput) {
  return computePreview(deps, await preparePreview(deps, input))
}

/**
 * The preview's paging over each channel's decisions; `progress` hears the decisions read so far
 * against the channels' totals (known once each channel's first page is in).
 */
export async function computePreview(
  deps: EngineDeps,
  { settings, channelIds }: PreparedPreview,
  progress: (done: number, total: number) => void = () => undefined
): Promise<ChannelPreview[]> {
  const totals = new Map<string, number>()
  const read = new Map<string, number>()
  const tell = () =>
    progress(
      [...read.values()].reduce((a, b) => a + b, 0),
      [...totals.values()].reduce((a, b) => a + b, 0)
    )

  return Promise.all(
    channelIds.map(async (channel) => {
      const after = channelSettings(settings, channel)
      // Per product: its SKUs' statuses under the new rules, and what its rows say it should be
      // now, which is what the catalog has unless a change is pending (read below).
      const products = new Map<
        string,
        {
          statuses: ExposureStatus[]
          current: ExposureStatus[]
          associated: boolean | null
          name: string | null
          skuIds: string[]
        }
      >()

      const pending = new Map<string, boolean | null>()

      for await (const docs of deps.projection.pendingAssociations(channel))
        docs.forEach((d) => pending.set(d.productId, d.associated))
      let toExposed = 0
      let toWithheld = 0

      // The job's progress counts against the channel's rows (one count), read by scroll: it
      // can be past search's 10,000-document window.
      totals.set(channel, await countExposures(deps, { channel }))
      tell()
      for await (const rows of scrollExposures(deps, { channel })) {
        for (const view of rows.map(viewOfDoc)) {
          const next = previewStatus(view, after, settings.buffers)

          if (next === 'EXPOSED' && view.status !== 'EXPOSED') toExposed += 1
          if (next === 'WITHHELD' && view.status !== 'WITHHELD') toWithheld += 1
          if (!view.productId) continue
          const product = products.get(view.productId) ?? {
            statuses: [],
            current: [],
            associated: null,
            name: null,
            skuIds: [],
          }

          product.statuses.push(next)
          product.current.push(view.status)
          product.associated = product.associated ?? view.productAssociated
          product.name = product.name ?? view.productName
          product.skuIds.push(view.skuId)
          products.set(view.productId, product)
        }

        read.set(channel, (read.get(channel) ?? 0) + rows.length)
        tell()
      }

      // The writes ENFORCE makes, decided by the functions its plan uses: a product whose
      // association already is what its SKUs want is not written, and is not counted. With
      // nothing pending, the catalog has what its SKUs want now (a row's own `productAssociated`
      // is its SKU's last plan, which a sibling's later one may have changed).
      const associatedOf = (
        productId: string,
        p: { current: ExposureStatus[]; associated: boolean | null }
      ) =>
        pending.has(productId)
          ? pending.get(productId) ?? null
          : desiredAssociation(p.current) ?? p.associated

      // In a workspace that may not write the catalog, these are the writes it records instead.
      const writes = after.mode === 'ENFORCE'
      // The counts and the list are the same products: the list is what the counts count.
      const changed: ProductToChange[] = writes
        ? [...products.entries()].flatMap(([productId, p]) => {
            const action = associationChange(
              desiredAssociation(p.statuses),
              associatedOf(productId, p)
            )

            return action
              ? [
                  {
                    productId,
                    productName: p.name,
                    action,
                    skuIds: [...p.skuIds].sort(byNumericId),
                  },
                ]
              : []
          })
        : []

      return {
        channel,
        toExposed,
        toWithheld,
        associate: changed.filter((c) => c.action === 'ASSOCIATE').length,
        dissociate: changed.filter((c) => c.action === 'DISSOCIATE').length,
        ...listedProducts(changed),
      }
    })
  )
}
