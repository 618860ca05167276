import type { ErrorCode } from '../shared/errors'
import type { OverrideAction } from '../shared/types'

export const MAX_NOTE_LENGTH = 500

export interface OverrideForm {
  action: OverrideAction
  note: string
  /** A value of <input type="datetime-local">, in the operator's time zone; '' for none. */
  expiresLocal: string
}

export interface OverrideValues {
  action: OverrideAction
  note: string
  expiresAt: string | null
}

/** The server's rules (node/domain/overrides.ts), checked as the operator types. */
export function validateOverride(
  form: OverrideForm,
  now: number
): {
  errors: Partial<Record<'note' | 'expiresAt', ErrorCode>>
  values: OverrideValues | null
} {
  const errors: Partial<Record<'note' | 'expiresAt', ErrorCode>> = {}
  const note = form.note.trim()

  if (!note) errors.note = 'NOTE_REQUIRED'
  else if (Array.from(note).length > MAX_NOTE_LENGTH)
    errors.note = 'NOTE_TOO_LONG'

  let expiresAt: string | null = null

  if (form.expiresLocal.trim()) {
    const time = new Date(form.expiresLocal).getTime()

    if (Number.isNaN(time)) errors.expiresAt = 'INVALID_EXPIRY'
    else if (time <= now) errors.expiresAt = 'EXPIRY_IN_PAST'
    else expiresAt = new Date(time).toISOString()
  }

  const ok = !errors.note && !errors.expiresAt

  return {
    errors,
    values: ok ? { action: form.action, note, expiresAt } : null,
  }
}
