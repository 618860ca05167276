import {
  applySettingsInput,
  catalogWritesAllowed,
  channelConfig,
  isAffiliateId,
} from '../../domain'
import type { AppSettings } from '../../domain'
import type { ChannelConfig, Dock, Warehouse } from '../../domain/types'
import { TtlCache } from './cache'
import { slot } from '../../memory/tenantMemory'
import type { EngineDeps } from './deps'
import { settingsStore } from './stores/config'

// In the tenant's memory. Safe to lose: read again (the catalog's reference data each minute,
// settings every 5 s, so a save on another replica is seen that soon).
const LOGISTICS = slot(
  'logistics',
  () => new TtlCache<{ warehouses: Warehouse[]; docks: Dock[] }>(60_000)
)

const AFFILIATES = slot(
  'affiliates',
  () =>
    new TtlCache<
      Array<{ id: string; name: string | null; salesChannel: string }>
    >(60_000)
)

const SETTINGS = slot('settings', () => new TtlCache<AppSettings>(5_000))

/** Warehouses and docks, with each dock's reached warehouses taken from the warehouses' docks. */
export function logisticsConfig(
  deps: Pick<EngineDeps, 'logistics' | 'memory'>
) {
  return deps.memory.get(LOGISTICS).get(async () => {
    const [warehouses, docks] = await Promise.all([
      deps.logistics.warehouses(),
      deps.logistics.docks(),
    ])

    const reached = new Map<string, string[]>()

    for (const warehouse of warehouses) {
      for (const dockId of warehouse.dockIds) {
        reached.set(dockId, [...(reached.get(dockId) ?? []), warehouse.id])
      }
    }

    return {
      warehouses: warehouses.map(({ id, name, isActive }) => ({
        id,
        name,
        isActive,
      })),
      docks: docks.map((d) => ({
        ...d,
        warehouseIds: reached.get(d.id) ?? [],
      })),
    }
  })
}

/** The account's affiliates that are valid channels (three consonants, a trade policy). */
export function affiliates(deps: Pick<EngineDeps, 'affiliates' | 'memory'>) {
  return deps.memory.get(AFFILIATES).get(async () => {
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
  deps: Pick<EngineDeps, 'docs' | 'memory'>,
  fresh = false
) {
  if (fresh) deps.memory.get(SETTINGS).invalidate()

  return deps.memory.get(SETTINGS).get(async () => {
    const { value } = await settingsStore(deps.docs).read()

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
  deps: Pick<EngineDeps, 'affiliates' | 'docs' | 'memory' | 'tenant'>
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
  deps: Pick<EngineDeps, 'affiliates' | 'docs' | 'memory'>,
  input: Parameters<typeof applySettingsInput>[1]
) {
  const known = (await affiliates(deps)).map((a) => a.id)
  let result: ReturnType<typeof applySettingsInput> | null = null

  await settingsStore(deps.docs).update((current) => {
    result = applySettingsInput(current, input, known)

    return result.ok ? result.settings : null
  })
  deps.memory.get(SETTINGS).invalidate()

  return result as unknown as ReturnType<typeof applySettingsInput>
}

/**
 * Changes the settings document with a conditional write (retried on a conflict, `change` seeing
 * the newer document), for what is saved apart from saveSettings (stock buffers). `change`
 * returning null writes nothing.
 */
export async function updateSettingsDoc(
  deps: Pick<EngineDeps, 'docs' | 'memory'>,
  change: (current: AppSettings) => AppSettings | null
) {
  const saved = await settingsStore(deps.docs).update(change)

  deps.memory.get(SETTINGS).invalidate()

  return saved
}
