// The server's buffer rules (node/domain/buffers.ts), checked as the operator types; the server
// still checks everything.
import type { ErrorCode } from '../shared/errors'
import type { StockBufferInput } from '../../typings/schema.generated'
import type { StockBuffer, StockBufferDraft } from './types'
import { threshold } from './validate'

export const MAX_BUFFERS = 200
export const MAX_NOTE_LENGTH = 500
const CATALOG_ID = /^\s*0*[1-9][0-9]{0,18}\s*$/

export type BufferField = 'targetId' | 'exposeAt' | 'withdrawBelow' | 'note'

export type { StockBufferInput } from '../../typings/schema.generated'

export const emptyBufferDraft = (): StockBufferDraft => ({
  scope: 'PRODUCT',
  targetId: '',
  channel: '',
  exposeAt: '',
  withdrawBelow: '',
  note: '',
})

export const draftOf = (b: StockBuffer): StockBufferDraft => ({
  scope: b.scope,
  targetId: b.targetId,
  channel: b.channel ?? '',
  exposeAt: String(b.exposeAt),
  withdrawBelow: String(b.withdrawBelow),
  note: b.note,
})

/** Every problem of the draft by field, or the input to send. */
export function checkBuffer(draft: StockBufferDraft): {
  errors: Partial<Record<BufferField, ErrorCode>>
  input: StockBufferInput | null
} {
  const errors: Partial<Record<BufferField, ErrorCode>> = {}

  if (!CATALOG_ID.test(draft.targetId)) errors.targetId = 'INVALID_TARGET_ID'
  const expose = threshold(draft.exposeAt)
  const withdraw = threshold(draft.withdrawBelow)

  if (expose.code) errors.exposeAt = expose.code
  if (withdraw.code) errors.withdrawBelow = withdraw.code
  else if (expose.value !== null && (withdraw.value as number) > expose.value)
    errors.withdrawBelow = 'WITHDRAW_ABOVE_EXPOSE'
  const note = draft.note.trim()

  if (!note) errors.note = 'NOTE_REQUIRED'
  else if (Array.from(note).length > MAX_NOTE_LENGTH)
    errors.note = 'NOTE_TOO_LONG'

  if (Object.keys(errors).length) return { errors, input: null }

  return {
    errors,
    input: {
      scope: draft.scope,
      targetId: draft.targetId.trim().replace(/^0+/, ''),
      channel: draft.channel || null,
      exposeAt: expose.value as number,
      withdrawBelow: withdraw.value as number,
      note,
    },
  }
}
