import { UserInputError } from '@vtex/api'

import {
  buildOverride,
  catalogWritesAllowed,
  refusalCodes,
  validateOverrideInput,
} from '../../domain'
import type { Override } from '../../domain/types'
import type { EngineDeps } from '../shared/deps'
import { evaluate } from '../evaluation/engine'
import { trackExpiry } from '../reconcile/expiries'
import {
  channels as loadChannels,
  readSettings,
  saveSettings,
} from '../shared/reference'
import { startSettingsApply } from './jobKinds'
import { applySaved } from './settingsApply'
import type { SkuState } from '../evaluation/state'
import { skuStore } from '../shared/stores/states'
import type { OverrideInput } from '../../typings/schema.generated'
import {
  overrideCleared,
  overrideSet,
  settingsChange,
} from '../projection/operatorEntries'

export type { OverrideInput }

function refuse(codes: string[]): never {
  // The admin maps these codes to messages; the API never sends sentences for the UI.
  throw new UserInputError(codes.join(','))
}

/** The app has evaluated the SKU, or the marketplace catalog has it. */
async function knownSku(deps: EngineDeps, skuId: string) {
  const { value, etag } = await skuStore(deps.docs).read(skuId)

  if (etag && (value.version > 0 || Object.keys(value.decisions).length > 0))
    return true

  return (await deps.catalog.skuContext(skuId)) !== null
}

/** Checks a batch of overrides whole (inputs and SKU existence), refusing it on any error. */
export async function validateOverrides(
  deps: EngineDeps,
  inputs: OverrideInput[]
) {
  const channels = (await loadChannels(deps)).map((c) => c.id)
  const now = deps.now().toISOString()
  const codes = new Set<string>()

  for (const input of inputs) {
    const checked = validateOverrideInput(input, now, channels)

    if (!checked.ok) checked.errors.forEach((e) => codes.add(e.code))
  }

  if (codes.size === 0) {
    const known = await Promise.all(
      [...new Set(inputs.map((i) => i.skuId))].map((id) => knownSku(deps, id))
    )

    if (known.includes(false)) codes.add('UNKNOWN_SKU')
  }

  if (codes.size > 0) refuse([...codes])
}

/** Records the override on the SKU's state (conditional write), audits it, then re-evaluates. */
export async function setOverride(
  deps: EngineDeps,
  input: OverrideInput,
  actor: string
) {
  const channels = await loadChannels(deps)
  const now = deps.now()
  const checked = validateOverrideInput(
    input,
    now.toISOString(),
    channels.map((c) => c.id)
  )

  if (!checked.ok) refuse(checked.errors.map((e) => e.code))
  const override: Override = buildOverride(
    checked.value,
    actor,
    now.toISOString()
  )

  const { skuId, channel } = checked.value

  // A SKU never evaluated yet may still be overridden, if the catalog has it.
  if (!(await knownSku(deps, skuId))) refuse(['UNKNOWN_SKU'])
  const updated = (await skuStore(deps.docs).update(skuId, (s) => ({
    ...s,
    dirty: true,
    overrides: { ...s.overrides, [channel]: override },
  }))) as SkuState

  await deps.audit.append(
    overrideSet({
      skuId,
      channel,
      productId: updated.productId,
      fromStatus: updated.decisions[channel]?.status ?? null,
      now,
      actor,
      action: input.action,
      note: override.note,
      expiresAt: override.expiresAt,
    })
  )
  // Ends on time (expiries.ts); one without expiry forgets the one it replaces.
  await trackExpiry(deps, skuId, channel, override.expiresAt)

  return evaluate(deps, skuId, { cause: 'OPERATOR', actor })
}

export async function clearOverride(
  deps: EngineDeps,
  skuId: string,
  channel: string,
  actor: string
) {
  const now = deps.now()
  let removed: Override | null = null
  const updated = await skuStore(deps.docs).update(skuId, (s) => {
    removed = s.overrides[channel] ?? null
    if (!removed) return null
    const overrides = { ...s.overrides }

    delete overrides[channel]

    return { ...s, dirty: true, overrides }
  })

  if (updated && removed) {
    await deps.audit.append(
      overrideCleared({
        skuId,
        channel,
        productId: updated.productId,
        fromStatus: updated.decisions[channel]?.status ?? null,
        now,
        actor,
        cleared: (removed as Override).action,
      })
    )
    if ((removed as Override).expiresAt)
      await trackExpiry(deps, skuId, channel, null)
  }

  return evaluate(deps, skuId, { cause: 'OPERATOR', actor })
}

/** Saves settings (refused whole on any invalid field), audits the change, and applies ENFORCE switches. */
export async function updateSettings(
  deps: EngineDeps,
  input: Parameters<typeof saveSettings>[1],
  actor: string
) {
  const before = await readSettings(deps, true)
  const result = await saveSettings(deps, input)

  if (!result.ok) refuse(refusalCodes(result.errors))
  // Catalog writes just turned on in this workspace: every ENFORCE channel starts writing, as if
  // it had been switched now.
  const workspace = deps.tenant?.workspace
  const writesOn =
    catalogWritesAllowed(workspace, result.settings) &&
    !catalogWritesAllowed(workspace, before)

  const switched = Object.entries(result.settings.channels)
    .filter(
      ([id, s]) =>
        s.mode === 'ENFORCE' &&
        (writesOn || before.channels[id]?.mode !== 'ENFORCE')
    )
    .map(([id]) => id)

  // A job: IO answers the mutation within its timeout while the catalog is written, and the
  // admin opens the job as it opens a sweep.
  const save = { before, after: result.settings, switched, actor }
  const apply = await startSettingsApply(deps, save).catch((error) => {
    // The job could not be stored: the save still applies, with no detail to open.
    deps.log.error({
      message: 'settings-apply-job-failed',
      error: String(error),
    })
    applySaved(deps, save).catch((e) =>
      deps.log.error({ message: 'settings-apply-failed', error: String(e) })
    )

    return null
  })

  // After the apply started, so the entry names it (the Reconciliation page lists saves from
  // here, at no write of their own).
  const now = deps.now()

  await deps.audit.append(
    settingsChange({ now, actor, input, applyJobId: apply?.id ?? null })
  )

  return { settings: result.settings, applyId: apply?.id ?? null }
}
