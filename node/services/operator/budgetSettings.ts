import { configureBudget } from '../../clients/budget'
import type { UpstreamApi, TOTAL } from '../../clients/budget'
import type { TenantMemory } from '../../memory/tenantMemory'
import { slot } from '../../memory/tenantMemory'
import { TtlCache } from '../shared/cache'

const SETTING_OF: Partial<Record<UpstreamApi | typeof TOTAL, string>> = {
  total: 'totalRatePerSecond',
  catalog: 'catalogRatePerSecond',
  logistics: 'logisticsRatePerSecond',
  pricing: 'pricingRatePerSecond',
  storage: 'storageRatePerSecond',
}

/**
 * In the account's memory, as the budgets it applies to. Safe to lose: the next call reads the settings
 * again and applies them.
 */
const APPLIED = slot(
  'budget-settings-applied',
  () => new TtlCache<true>(60_000)
)

/**
 * Applies the API budget from the account's app settings (manifest settingsSchema) to this
 * process's limiters of that account, at most once a minute. A failure to read settings keeps
 * the current rates.
 */
export function applyBudgetSettings(
  account: TenantMemory,
  load: () => Promise<Record<string, unknown> | null | undefined>
) {
  return account
    .get(APPLIED)
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

      configureBudget(account, rates)

      return true as const
    })
    .catch(() => true as const)
}
