import { validAlertEmails } from '../../domain/attention'
import type { AlertEmailsError } from '../../domain/attention'
import type { EngineDeps } from '../shared/deps'
import { updateSettingsDoc } from '../shared/reference'

export class AlertEmailsRefused extends Error {
  constructor(
    public readonly code: AlertEmailsError,
    public readonly value?: string
  ) {
    super(value ? `${code}:${value}` : code)
  }
}

/** Validates and stores the addresses with the settings document (one conditional write). */
export async function saveAlertEmails(
  deps: Pick<EngineDeps, 'docs' | 'memory'>,
  input: string[]
): Promise<string[]> {
  const valid = validAlertEmails(input)

  if (!valid.ok) throw new AlertEmailsRefused(valid.code, valid.value)
  await updateSettingsDoc(deps, (current) => ({
    ...current,
    alertEmails: valid.emails,
  }))

  return valid.emails
}
