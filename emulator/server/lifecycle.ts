import type { Emu } from '../world/emu'
import { isObject } from './http'
import { seedDemo } from '../seed/seed'
import type { SeedSpec } from '../seed/seed'
import { seedUsers } from '../seed/seedBase'
import { MAX_CHANNELS } from '../seed/seedChannels'
import { seedGenerated } from '../seed/seedGenerated'

/** Seeding and reset: what the control API and startEmulator use to (re)build the account. */

/** Replaces the commerce data (catalog, logistics, pricing, affiliates); storage is kept. */
export function applySeed(emu: Emu, spec: SeedSpec) {
  const { state } = emu

  state.clearCommerce()
  seedUsers(state, emu.config.adminToken)
  if (spec.kind === 'demo') seedDemo(state, emu.baseUrl)
  else if (spec.kind === 'generated')
    seedGenerated(
      state,
      emu.baseUrl,
      Math.max(1, Math.floor(spec.skus)),
      spec.seed,
      spec.channels
    )
  emu.afterSeed?.(state)
  emu.onChange()
}

export function resetAll(emu: Emu, spec: SeedSpec = emu.initialSeed) {
  emu.state.clearAll()
  applySeed(emu, spec)
  emu.faults.clear()
  emu.rateLimits.clear()
  emu.counters.reset()
  emu.egress = { blocked: 0, log: [] }
  emu.refusals = []
  emu.effects.clearLog()
  emu.effects.config.enabled = emu.config.eventsEnabled
  emu.effects.config.affiliatesEnabled = true
  emu.effects.config.clockOffsetMs = 0
  emu.effects.config.serviceUrl = emu.config.serviceUrl
  emu.violations = []
  emu.inventoryLock.windowMs = 0
  emu.inventoryLock.lastWrite.clear()
}

const validChannels = (n: unknown) =>
  Number.isInteger(n) && Number(n) >= 1 && Number(n) <= MAX_CHANNELS

export function seedSpec(value: unknown): SeedSpec | null {
  if (value === 'demo' || value === 'none') return { kind: value }
  if (!isObject(value)) return null
  if (value.kind === 'demo' || value.kind === 'none')
    return { kind: value.kind }
  if (
    value.kind === 'generated' &&
    Number(value.skus) > 0 &&
    (value.channels === undefined || validChannels(value.channels))
  )
    return {
      kind: 'generated',
      skus: Number(value.skus),
      seed: value.seed === undefined ? undefined : Number(value.seed),
      channels:
        value.channels === undefined ? undefined : Number(value.channels),
    }

  return null
}

export function summary(emu: Emu) {
  const { state } = emu

  return {
    account: state.account,
    products: state.products.size,
    skus: state.skus.size,
    sellers: state.sellers.size,
    warehouses: state.warehouses.size,
    docks: state.docks.size,
    affiliates: state.affiliates.size,
    prices: state.prices.size,
    vbaseBuckets: state.vbase.size,
    dataEntities: Object.fromEntries(
      Array.from(state.md.entities, ([name, e]) => [name, e.docs.size])
    ),
  }
}
