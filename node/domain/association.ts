// Product-level enforcement: the product ↔ trade policy association follows its governed SKUs.
import type { ExposureStatus } from './types'

/**
 * Whether the product should be associated with the channel's trade policy, given the statuses of
 * its governed SKUs on that channel: true when any is EXPOSED; false when every one is WITHHELD;
 * null (leave as is) when none is EXPOSED but some are PENDING, ERROR or undecided (null/undefined
 * entries), and when there is no governed SKU at all (nothing of ours to decide).
 */
export function desiredAssociation(
  statuses: ReadonlyArray<ExposureStatus | null | undefined>
): boolean | null {
  if (statuses.length === 0) return null
  if (statuses.includes('EXPOSED')) return true

  return statuses.every((s) => s === 'WITHHELD') ? false : null
}

export type AssociationChange = 'ASSOCIATE' | 'DISSOCIATE'

/**
 * The write needed to go from `current` to `desired`. An unknown current state (null) is written
 * anyway: both catalog calls are idempotent, and guessing "already right" could leave it wrong.
 */
export function associationChange(
  desired: boolean | null,
  current: boolean | null
): AssociationChange | null {
  if (desired === null || desired === current) return null

  return desired ? 'ASSOCIATE' : 'DISSOCIATE'
}
