import {
  applySettingsInput,
  channelConfig,
  defaultAppSettings,
  isAffiliateId,
} from '../domain'
import type { AppSettings } from '../domain'
import type { ChannelConfig, Dock, Warehouse } from '../domain/types'
import { TtlCache } from './cache'
import type { EngineDeps } from './deps'
import { BUCKET_CONFIG } from './deps'

const SETTINGS_PATH = 'settings.json'

// Process-wide: reference data is the same for every request of this worker.
const logisticsCache = new TtlCache<{ warehouses: Warehouse[]; docks: Dock[] }>(
  60_000
)

const affiliatesCache = new TtlCache<
  Array<{ id: string; name: string | null; salesChannel: string }>
>(60_000)

// Settings live in VBase, which is per workspace: one cache per account and workspace, so a
// development workspace never reads master's settings from this process's memory (or back).
const settingsCaches = new Map<string, TtlCache<AppSettings>>()

function settingsCache(docs: object): TtlCache<AppSettings> {
  const key = 'scope' in docs ? String(docs.scope) : ''
  let cache = settingsCaches.get(key)

  if (!cache) {
    cache = new TtlCache<AppSettings>(5_000)
    settingsCaches.set(key, cache)
  }

  return cache
}

export function invalidateReference() {
  logisticsCache.invalidate()
  affiliatesCache.invalidate()
  settingsCaches.forEach((cache) => cache.invalidate())
}

/** Warehouses and docks, with each dock's reached warehouses taken from the warehouses' docks. */
export function logisticsConfig(deps: Pick<EngineDeps, 'logistics'>) {
  return logisticsCache.get(async () => {
    const [warehouses, docks] = await Promise.all([
      deps.logistics.warehouses(),
      deps.logistics.docks(),
    ])

    const reached = new Map<string, string[]>()

    for (const warehouse of warehouses) {
      for (const { dockId } of warehouse.warehouseDocks ?? []) {
        reached.set(String(dockId), [
          ...(reached.get(String(dockId)) ?? []),
          String(warehouse.id),
        ])
      }
    }

    return {
      warehouses: warehouses.map((w) => ({
        id: String(w.id),
        name: w.name ?? null,
        isActive: w.isActive !== false,
      })),
      docks: docks.map((d) => ({
        id: String(d.id),
        name: d.name ?? null,
        isActive: d.isActive !== false,
        salesChannels: (
          d.salesChannels ?? (d.salesChannel ? [d.salesChannel] : [])
        ).map(String),
        warehouseIds: reached.get(String(d.id)) ?? [],
      })),
    }
  })
}

/** The account's affiliates that are valid channels (three consonants, a trade policy). */
export function affiliates(deps: Pick<EngineDeps, 'affiliates'>) {
  return affiliatesCache.get(async () => {
    const list = await deps.affiliates.list()

    return list
      .filter(
        (a) =>
          isAffiliateId(a.id) &&
          a.salesChannel != null &&
          String(a.salesChannel) !== ''
      )
      .map((a) => ({
        id: a.id,
        name: a.name ?? null,
        salesChannel: String(a.salesChannel),
      }))
  })
}

export async function readSettings(
  deps: Pick<EngineDeps, 'docs'>,
  fresh = false
) {
  const cache = settingsCache(deps.docs)

  if (fresh) cache.invalidate()

  return cache.get(async () => {
    const { value } = await deps.docs.read<AppSettings>(
      BUCKET_CONFIG,
      SETTINGS_PATH,
      defaultAppSettings
    )

    return value
  })
}

/** Channels = affiliates + the operator's settings for each (a new affiliate starts in OBSERVE). */
export async function channels(
  deps: Pick<EngineDeps, 'affiliates' | 'docs'>
): Promise<ChannelConfig[]> {
  const [list, settings] = await Promise.all([
    affiliates(deps),
    readSettings(deps),
  ])

  return list.map((affiliate) => channelConfig(affiliate, settings))
}

/** Validates and saves settings with a conditional write, so two admins cannot lose each other's change. */
export async function saveSettings(
  deps: Pick<EngineDeps, 'affiliates' | 'docs'>,
  input: Parameters<typeof applySettingsInput>[1]
) {
  const known = (await affiliates(deps)).map((a) => a.id)
  let result: ReturnType<typeof applySettingsInput> | null = null

  await deps.docs.update<AppSettings>(
    BUCKET_CONFIG,
    SETTINGS_PATH,
    defaultAppSettings,
    (current) => {
      result = applySettingsInput(current, input, known)

      return result.ok ? result.settings : null
    }
  )
  settingsCache(deps.docs).invalidate()

  return result as unknown as ReturnType<typeof applySettingsInput>
}
