// Stock buffers: a product's or SKU's own exposeAt/withdrawBelow on one channel or on all of them,
// for a channel that needs more stock than the others before it may sell ("safety quantity").
import { parseCatalogId } from './ids'
import { MAX_NOTE_LENGTH } from './overrides'
import type { BufferScope, StockBuffer } from './types'

export type { BufferScope, StockBuffer }

export const BUFFER_SCOPES: readonly BufferScope[] = ['PRODUCT', 'SKU']

/**
 * At most this many buffers per workspace. They are stored in the settings document, which every
 * evaluation reads through the short per-tenant reference cache: bounded, so that read stays small
 * (about 200 bytes a buffer plus its note).
 */
export const MAX_BUFFERS = 200

/** Same limit as a channel's thresholds (settings.ts MAX_THRESHOLD). */
export const MAX_BUFFER_THRESHOLD = 1_000_000

/** One buffer per target and channel: saving the same key again changes it. */
export const bufferId = (
  b: Pick<StockBuffer, 'scope' | 'targetId' | 'channel'>
) => `${b.scope}-${b.targetId}-${b.channel ?? 'ALL'}`

// SKU before product (the narrower target), then one channel before all channels.
const rank = (b: StockBuffer) =>
  (b.scope === 'SKU' ? 0 : 2) + (b.channel === null ? 1 : 0)

/**
 * Every buffer that applies to the SKU on the channel, the one used first: a SKU's buffer wins
 * over its product's, and on the same target a channel's own over an "all channels" one.
 */
export function matchingBuffers(
  buffers: readonly StockBuffer[] | undefined,
  channel: string,
  skuId: string,
  productId: string | null
): StockBuffer[] {
  return (buffers ?? [])
    .filter(
      (b) =>
        (b.channel === null || b.channel === channel) &&
        ((b.scope === 'SKU' && b.targetId === skuId) ||
          (b.scope === 'PRODUCT' &&
            productId !== null &&
            b.targetId === productId))
    )
    .sort((a, b) => rank(a) - rank(b))
}

/** The buffer whose thresholds are used for the SKU on the channel, or null (the channel's). */
export function bufferFor(
  buffers: readonly StockBuffer[] | undefined,
  channel: string,
  skuId: string,
  productId: string | null
): StockBuffer | null {
  return matchingBuffers(buffers, channel, skuId, productId)[0] ?? null
}

/** The buffers that can apply on a channel: its own and those for every channel. */
export const buffersOn = (
  buffers: readonly StockBuffer[] | undefined,
  channel: string
) => (buffers ?? []).filter((b) => b.channel === null || b.channel === channel)

/** What a trace records of a buffer: enough to name it and to compare it later. */
export function bufferTrace(b: StockBuffer) {
  return {
    id: bufferId(b),
    scope: b.scope,
    targetId: b.targetId,
    channel: b.channel,
    exposeAt: b.exposeAt,
    withdrawBelow: Math.min(b.withdrawBelow, b.exposeAt),
    note: b.note,
  }
}

export type BufferErrorCode =
  | 'INVALID_BUFFER_SCOPE'
  | 'INVALID_TARGET_ID'
  | 'UNKNOWN_CHANNEL'
  | 'NEGATIVE_THRESHOLD'
  | 'THRESHOLD_NOT_INTEGER'
  | 'THRESHOLD_BELOW_ONE'
  | 'THRESHOLD_TOO_LARGE'
  | 'WITHDRAW_ABOVE_EXPOSE'
  | 'NOTE_REQUIRED'
  | 'NOTE_TOO_LONG'
  | 'TOO_MANY_BUFFERS'
  | 'BUFFER_NOT_FOUND'

export interface BufferInput {
  scope: unknown
  targetId: unknown
  channel?: unknown
  exposeAt: unknown
  withdrawBelow: unknown
  note: unknown
}

export type ValidBuffer = Omit<StockBuffer, 'by' | 'at'>

// Whole units from 1, as a channel's: 0 would expose a SKU the marketplace does not stock
// (exposeAt) or never withdraw it (withdrawBelow), which is what the app exists to prevent.
function thresholdError(value: unknown): BufferErrorCode | null {
  if (typeof value !== 'number' || !Number.isFinite(value))
    return 'THRESHOLD_NOT_INTEGER'
  if (value < 0) return 'NEGATIVE_THRESHOLD'
  if (!Number.isInteger(value)) return 'THRESHOLD_NOT_INTEGER'
  if (value < 1) return 'THRESHOLD_BELOW_ONE'
  if (value > MAX_BUFFER_THRESHOLD) return 'THRESHOLD_TOO_LARGE'

  return null
}

/** Checks a buffer the admin sends and returns every problem at once (codes, never sentences). */
export function validateBufferInput(
  input: BufferInput,
  knownChannels: readonly string[]
): { ok: true; value: ValidBuffer } | { ok: false; errors: BufferErrorCode[] } {
  const errors: BufferErrorCode[] = []
  const scope = BUFFER_SCOPES.find((s) => s === input.scope)

  if (!scope) errors.push('INVALID_BUFFER_SCOPE')
  const target = parseCatalogId(input.targetId)

  if (!target.ok) errors.push('INVALID_TARGET_ID')
  const channel =
    input.channel === null ||
    input.channel === undefined ||
    input.channel === ''
      ? null
      : input.channel

  if (
    channel !== null &&
    (typeof channel !== 'string' || !knownChannels.includes(channel))
  )
    errors.push('UNKNOWN_CHANNEL')

  const exposeError = thresholdError(input.exposeAt)
  const withdrawError = thresholdError(input.withdrawBelow)

  for (const code of [exposeError, withdrawError])
    if (code && !errors.includes(code)) errors.push(code)
  if (
    !exposeError &&
    !withdrawError &&
    (input.withdrawBelow as number) > (input.exposeAt as number)
  )
    errors.push('WITHDRAW_ABOVE_EXPOSE')

  const note = typeof input.note === 'string' ? input.note.trim() : ''

  if (note === '') errors.push('NOTE_REQUIRED')
  else if (Array.from(note).length > MAX_NOTE_LENGTH)
    errors.push('NOTE_TOO_LONG')

  if (errors.length > 0 || !scope || !target.ok) return { ok: false, errors }

  return {
    ok: true,
    value: {
      scope,
      targetId: target.id,
      channel: channel as string | null,
      exposeAt: input.exposeAt as number,
      withdrawBelow: input.withdrawBelow as number,
      note,
    },
  }
}

export type BufferChange =
  | {
      ok: true
      buffers: StockBuffer[]
      before: StockBuffer | null
      after: StockBuffer | null
    }
  | { ok: false; errors: BufferErrorCode[] }

/** Adds the buffer or changes the one with its key; a new one past MAX_BUFFERS is refused. */
export function putBuffer(
  current: readonly StockBuffer[] | undefined,
  value: ValidBuffer,
  by: string,
  now: string
): BufferChange {
  const list = [...(current ?? [])]
  const id = bufferId(value)
  const index = list.findIndex((b) => bufferId(b) === id)
  const after: StockBuffer = { ...value, by, at: now }

  if (index < 0 && list.length >= MAX_BUFFERS)
    return { ok: false, errors: ['TOO_MANY_BUFFERS'] }
  const before = index < 0 ? null : list[index]

  if (index < 0) list.push(after)
  else list[index] = after

  return { ok: true, buffers: list, before, after }
}

/** Removes the buffer named `id`; BUFFER_NOT_FOUND when there is none. */
export function removeBuffer(
  current: readonly StockBuffer[] | undefined,
  id: string
): BufferChange {
  const list = [...(current ?? [])]
  const before = list.find((b) => bufferId(b) === id) ?? null

  if (!before) return { ok: false, errors: ['BUFFER_NOT_FOUND'] }

  return {
    ok: true,
    buffers: list.filter((b) => b !== before),
    before,
    after: null,
  }
}
