// The admin's settings input applied whole over the current settings, or refused with every error.
import {
  channelSettings,
  DEFAULT_RETENTION_DAYS,
  MAX_RETENTION_DAYS,
  MIN_RETENTION_DAYS,
} from './settings'
import type { AppSettings, ChannelSettings } from './settings'
import { applyChannel, given } from './settingsInput'
import type {
  SettingsChange,
  SettingsError,
  SettingsInput,
  SettingsResult,
} from './settingsInput'

function sameValue(a: unknown, b: unknown) {
  return JSON.stringify(a) === JSON.stringify(b)
}

const CHANNEL_FIELDS: ReadonlyArray<keyof ChannelSettings> = [
  'mode',
  'exposeAt',
  'withdrawBelow',
  'requirePrice',
  'sellerAllow',
  'sellerDeny',
]

/**
 * Validates the admin's input against the current settings and the known channels (affiliate ids)
 * and returns either the new settings with the list of field changes, or every error found.
 * Nothing is applied when any error exists. `current` is never mutated.
 */
export function applySettingsInput(
  current: AppSettings,
  input: SettingsInput,
  knownChannelIds: readonly string[]
): SettingsResult {
  const errors: SettingsError[] = []
  const changes: SettingsChange[] = []
  const channels: Record<string, ChannelSettings> = {
    ...(current.channels ?? {}),
  }

  const seen = new Set<string>()

  for (const entry of input.channels ?? []) {
    const { channel } = entry

    if (typeof channel !== 'string' || !knownChannelIds.includes(channel)) {
      errors.push({
        code: 'UNKNOWN_CHANNEL',
        channel: String(channel),
        field: 'channel',
      })
      continue
    }

    if (seen.has(channel)) {
      errors.push({ code: 'DUPLICATE_CHANNEL', channel, field: 'channel' })
      continue
    }

    seen.add(channel)

    const isNew = !Object.prototype.hasOwnProperty.call(channels, channel)
    const before = channelSettings(current, channel)
    const after = applyChannel(before, isNew, entry, errors)

    for (const field of CHANNEL_FIELDS) {
      if (!sameValue(before[field], after[field])) {
        changes.push({ channel, field, from: before[field], to: after[field] })
      }
    }

    channels[channel] = after
  }

  let retentionDays = current.retentionDays ?? DEFAULT_RETENTION_DAYS

  if (given(input.retentionDays)) {
    const days = input.retentionDays

    if (
      typeof days !== 'number' ||
      !Number.isInteger(days) ||
      days < MIN_RETENTION_DAYS ||
      days > MAX_RETENTION_DAYS
    ) {
      errors.push({ code: 'INVALID_RETENTION', field: 'retentionDays' })
    } else {
      if (days !== retentionDays) {
        changes.push({
          channel: null,
          field: 'retentionDays',
          from: retentionDays,
          to: days,
        })
      }

      retentionDays = days
    }
  }

  const writesBefore = current.workspaceCatalogWrites === true
  let workspaceCatalogWrites = writesBefore

  if (given(input.workspaceCatalogWrites)) {
    if (typeof input.workspaceCatalogWrites !== 'boolean') {
      errors.push({
        code: 'INVALID_WORKSPACE_CATALOG_WRITES',
        field: 'workspaceCatalogWrites',
      })
    } else {
      workspaceCatalogWrites = input.workspaceCatalogWrites
      if (workspaceCatalogWrites !== writesBefore) {
        changes.push({
          channel: null,
          field: 'workspaceCatalogWrites',
          from: writesBefore,
          to: workspaceCatalogWrites,
        })
      }
    }
  }

  if (errors.length > 0) return { ok: false, errors }

  return {
    ok: true,
    settings: {
      channels,
      retentionDays,
      workspaceCatalogWrites,
      // Saved on their own (services/operator/buffers.ts): a settings save keeps them as they are.
      ...(current.buffers ? { buffers: current.buffers } : {}),
    },
    changes,
  }
}

/**
 * A refused input's error codes as the API sends them. A seller both allowed and denied goes as
 * `SELLER_IN_BOTH_LISTS:<id>`, so the admin can name the seller: that id passed validation. A
 * malformed id (INVALID_SELLER_ID) is never echoed back.
 */
export function refusalCodes(errors: SettingsError[]): string[] {
  return [
    ...new Set(
      errors.map((e) =>
        e.code === 'SELLER_IN_BOTH_LISTS' && e.value
          ? `${e.code}:${e.value}`
          : e.code
      )
    ),
  ]
}
