// The operator's entries: an override set, cleared or expired, a settings save, a stock buffer
// written. Apart from auditEntries.ts (the union and the engine's entries) only for size.
import type { ExposureStatus, ReasonCode } from '../../domain/types'
import type {
  AuditCause,
  BufferEntry,
  BufferKind,
  OverrideEntry,
  SettingsChangeEntry,
} from './auditEntries'

const manual = (action: 'ALLOW' | 'BLOCK'): ReasonCode[] => [
  action === 'ALLOW' ? 'MANUAL_ALLOW' : 'MANUAL_BLOCK',
]

interface OverrideFacts {
  skuId: string
  channel: string
  productId: string | null
  /** The SKU's status on the channel when the override changed (null: never decided). */
  fromStatus: ExposureStatus | null
}

function overrideEntry(
  kind: OverrideEntry['kind'],
  id: string,
  e: OverrideFacts & {
    at: string
    cause: AuditCause
    actor: string | null
    reasons: ReasonCode[]
    details: Record<string, unknown>
  }
): OverrideEntry {
  return {
    id,
    at: e.at,
    skuId: e.skuId,
    productId: e.productId,
    channel: e.channel,
    kind,
    cause: e.cause,
    actor: e.actor,
    fromStatus: e.fromStatus,
    toStatus: null,
    reasons: e.reasons,
    details: JSON.stringify(e.details),
  }
}

export const overrideSet = (
  e: OverrideFacts & {
    now: Date
    actor: string
    action: 'ALLOW' | 'BLOCK'
    note: string
    expiresAt: string | null
  }
) =>
  overrideEntry('OVERRIDE_SET', `${e.skuId}-${e.channel}-o${e.now.getTime()}`, {
    ...e,
    at: e.now.toISOString(),
    cause: 'OPERATOR',
    reasons: manual(e.action),
    details: { note: e.note, expiresAt: e.expiresAt },
  })

export const overrideCleared = (
  e: OverrideFacts & { now: Date; actor: string; cleared: 'ALLOW' | 'BLOCK' }
) =>
  overrideEntry(
    'OVERRIDE_CLEARED',
    `${e.skuId}-${e.channel}-c${e.now.getTime()}`,
    {
      ...e,
      at: e.now.toISOString(),
      cause: 'OPERATOR',
      reasons: [],
      details: { cleared: e.cleared },
    }
  )

/** At the override's own expiry time, so two workers expiring it write one document. */
export const overrideExpired = (
  e: OverrideFacts & {
    expiresAt: string
    action: 'ALLOW' | 'BLOCK'
    by: string
  }
) =>
  overrideEntry(
    'OVERRIDE_EXPIRED',
    `${e.skuId}-${e.channel}-x${Date.parse(e.expiresAt)}`,
    {
      ...e,
      at: e.expiresAt,
      cause: 'SYSTEM',
      actor: null,
      reasons: manual(e.action),
      details: { cleared: e.action, expiresAt: e.expiresAt, by: e.by },
    }
  )

export function settingsChange(e: {
  now: Date
  actor: string
  input: unknown
  applyJobId: string | null
}): SettingsChangeEntry {
  return {
    id: `settings-${e.now.getTime()}`,
    at: e.now.toISOString(),
    skuId: null,
    productId: null,
    channel: null,
    kind: 'SETTINGS_CHANGE',
    cause: 'OPERATOR',
    actor: e.actor,
    fromStatus: null,
    toStatus: null,
    reasons: [],
    details: JSON.stringify({ input: e.input, applyJobId: e.applyJobId }),
  }
}

/** A stock buffer created, changed or removed; the three kinds carry the same facts. */
export function bufferChange(e: {
  kind: BufferKind
  bufferId: string
  now: Date
  scope: 'PRODUCT' | 'SKU'
  targetId: string
  channel: string | null
  actor: string
  before: unknown
  after: unknown
  note: string | null
}): BufferEntry {
  return {
    id: `buffer-${e.bufferId}-${e.now.getTime()}`,
    at: e.now.toISOString(),
    skuId: e.scope === 'SKU' ? e.targetId : null,
    productId: e.scope === 'PRODUCT' ? e.targetId : null,
    channel: e.channel,
    kind: e.kind,
    cause: 'OPERATOR',
    actor: e.actor,
    fromStatus: null,
    toStatus: null,
    reasons: [],
    details: JSON.stringify({
      bufferId: e.bufferId,
      before: e.before,
      after: e.after,
      note: e.note,
    }),
  }
}
