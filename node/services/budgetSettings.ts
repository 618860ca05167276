import { configureBudget, TOTAL } from '../clients/budget'
import type { UpstreamApi } from '../clients/budget'
import { TtlCache } from './cache'

const SETTING_OF: Partial<Record<UpstreamApi | typeof TOTAL, string>> = {
  total: 'totalRatePerSecond',
  catalog: 'catalogRatePerSecond',
  logistics: 'logisticsRatePerSecond',
  pricing: 'pricingRatePerSecond',
  storage: 'storageRatePerSecond',
}

const applied = new TtlCache<true>(60_000)

/**
 * Applies the API budget from the app's settings (manifest settingsSchema) to this process's
 * limiters, at most once a minute. A failure to read settings keeps the current rates.
 */
export function applyBudgetSettings(
  load: () => Promise<Record<string, unknown> | null | undefined>
) {
  return applied
    .get(async () => {
      const settings = (await load()) ?? {}
      const rates: Partial<Record<UpstreamApi | typeof TOTAL, number>> = {}

      for (const [api, key] of Object.entries(SETTING_OF) as Array<
        [UpstreamApi | typeof TOTAL, string]
      >) {
        const value = settings[key]

        if (typeof value === 'number' && Number.isFinite(value) && value >= 0)
          rates[api] = value
      }

      configureBudget(rates)

      return true as const
    })
    .catch(() => true as const)
}
