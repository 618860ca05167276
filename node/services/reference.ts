import {
  applySettingsInput,
  catalogWritesAllowed,
  channelConfig,
  defaultAppSettings,
  isAffiliateId,
} from '../domain'
import type { AppSettings } from '../domain'
import type { ChannelConfig, Dock, Warehouse } from '../domain/types'
import { KeyedTtlCache } from './cache'
import type { EngineDeps } from './deps'
import { BUCKET_CONFIG } from './deps'

const SETTINGS_PATH = 'settings.json'

// Per tenant: the catalog's reference data is the account's, settings the workspace's (VBase).
const logisticsCache = new KeyedTtlCache<{
  warehouses: Warehouse[]
  docks: Dock[]
}>(60_000)

const affiliatesCache = new KeyedTtlCache<
  Array<{ id: string; name: string | null; salesChannel: string }>
>(60_000)

const settingsCache = new KeyedTtlCache<AppSettings>(5_000)

type Tenant = Pick<EngineDeps, 'tenant'>
const accountKey = (deps: Tenant) => deps.tenant?.account ?? ''
const workspaceKey = (deps: Tenant) =>
  `${deps.tenant?.account ?? ''}/${deps.tenant?.workspace ?? ''}`

export function invalidateReference() {
  logisticsCache.invalidate()
  affiliatesCache.invalidate()
  settingsCache.invalidate()
}

/** Warehouses and docks, with each dock's reached warehouses taken from the warehouses' docks. */
export function logisticsConfig(
  deps: Pick<EngineDeps, 'logistics' | 'tenant'>
) {
  return logisticsCache.get(accountKey(deps), async () => {
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
export function affiliates(deps: Pick<EngineDeps, 'affiliates' | 'tenant'>) {
  return affiliatesCache.get(accountKey(deps), async () => {
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
  deps: Pick<EngineDeps, 'docs' | 'tenant'>,
  fresh = false
) {
  if (fresh) settingsCache.invalidate(workspaceKey(deps))

  return settingsCache.get(workspaceKey(deps), async () => {
    const { value } = await deps.docs.read<AppSettings>(
      BUCKET_CONFIG,
      SETTINGS_PATH,
      defaultAppSettings
    )

    return value
  })
}

/**
 * Channels = affiliates + the operator's settings for each (a new affiliate starts in OBSERVE).
 * In a workspace that may not write the catalog, an ENFORCE channel is seen as OBSERVE (marked
 * `catalogWritesBlocked`): every path that writes trade policies (events, sweeps, the ENFORCE
 * switch, pending writes) takes its channels from here, so none of them writes.
 */
export async function channels(
  deps: Pick<EngineDeps, 'affiliates' | 'docs' | 'tenant'>
): Promise<ChannelConfig[]> {
  const [list, settings] = await Promise.all([
    affiliates(deps),
    readSettings(deps),
  ])

  const writes = catalogWritesAllowed(deps.tenant?.workspace, settings)

  return list.map((affiliate) => {
    const channel = channelConfig(affiliate, settings)

    return writes || channel.mode !== 'ENFORCE'
      ? channel
      : { ...channel, mode: 'OBSERVE', catalogWritesBlocked: 'WORKSPACE' }
  })
}

/** Validates and saves settings with a conditional write, so two admins cannot lose each other's change. */
export async function saveSettings(
  deps: Pick<EngineDeps, 'affiliates' | 'docs' | 'tenant'>,
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
  settingsCache.invalidate(workspaceKey(deps))

  return result as unknown as ReturnType<typeof applySettingsInput>
}
