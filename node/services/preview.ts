import { UserInputError } from '@vtex/api'

import { applySettingsInput, channelSettings, refusalCodes } from '../domain'
import type { ChannelSettings, SettingsInput } from '../domain'
import type { ExposureStatus, RuleResult } from '../domain/types'
import type { EngineDeps } from './deps'
import type { ExposureView } from './exposures'
import { scrollExposures, viewOfDoc } from './exposures'
import { affiliates, readSettings } from './reference'

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
 */
export function previewStatus(
  view: ExposureView,
  after: ChannelSettings
): ExposureStatus {
  if (view.status === 'ERROR' || view.status === 'PENDING') return view.status
  if (view.overrideAction === 'ALLOW') return 'EXPOSED'
  if (view.overrideAction === 'BLOCK') return 'WITHHELD'
  if (
    view.reasons.includes('SKU_NOT_FOUND') ||
    view.reasons.includes('SKU_INACTIVE')
  )
    return 'WITHHELD'

  const stockOk =
    view.available === null ||
    view.available >=
      (view.status === 'EXPOSED' ? after.withdrawBelow : after.exposeAt)

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

/** Per changed channel: how many SKUs would change status, and how many products the switch would touch. */
export async function previewSettings(deps: EngineDeps, input: SettingsInput) {
  const known = (await affiliates(deps)).map((a) => a.id)
  const current = await readSettings(deps, true)
  const result = applySettingsInput(current, input, known)

  if (!result.ok)
    throw new UserInputError(refusalCodes(result.errors).join(','))
  const channelIds = [...new Set((input.channels ?? []).map((c) => c.channel))]

  return Promise.all(
    channelIds.map(async (channel) => {
      const after = channelSettings(result.settings, channel)
      const products = new Map<string, boolean>()
      let toExposed = 0
      let toWithheld = 0

      // Every row of the channel (scroll: it can be past search's 10,000-document window).
      for await (const rows of scrollExposures(deps, { channel })) {
        for (const view of rows.map(viewOfDoc)) {
          const next = previewStatus(view, after)

          if (next === 'EXPOSED' && view.status !== 'EXPOSED') toExposed += 1
          if (next === 'WITHHELD' && view.status !== 'WITHHELD') toWithheld += 1
          if (view.productId)
            products.set(
              view.productId,
              (products.get(view.productId) ?? false) || next === 'EXPOSED'
            )
        }
      }

      const exposedProducts = [...products.values()].filter(Boolean).length

      return {
        channel,
        toExposed,
        toWithheld,
        associate: after.mode === 'ENFORCE' ? exposedProducts : 0,
        dissociate:
          after.mode === 'ENFORCE' ? products.size - exposedProducts : 0,
      }
    })
  )
}
