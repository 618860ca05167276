// Identifiers shared by events, overrides and settings.

export const MAX_SKU_ID_DIGITS = 19

export type IdProblem = 'MISSING' | 'INVALID'

/**
 * A catalog id (SKU or product) as VTEX sends it: a positive decimal integer, as a number or a
 * string of at most 19 digits (surrounding spaces allowed). Returns the canonical form (no leading
 * zeros) so "007" and 7 name the same SKU in state keys.
 */
export function parseCatalogId(
  value: unknown
): { ok: true; id: string } | { ok: false; problem: IdProblem } {
  if (value === null || value === undefined)
    return { ok: false, problem: 'MISSING' }

  if (typeof value === 'number') {
    // Beyond 2^53 a JSON number has already lost digits: refuse rather than guess.
    return Number.isSafeInteger(value) && value > 0
      ? { ok: true, id: String(value) }
      : { ok: false, problem: 'INVALID' }
  }

  if (typeof value !== 'string') return { ok: false, problem: 'INVALID' }

  const text = value.trim()

  if (text === '') return { ok: false, problem: 'MISSING' }
  if (!/^[0-9]+$/.test(text) || text.length > MAX_SKU_ID_DIGITS) {
    return { ok: false, problem: 'INVALID' }
  }

  const canonical = text.replace(/^0+/, '')

  return canonical === ''
    ? { ok: false, problem: 'INVALID' }
    : { ok: true, id: canonical }
}

/**
 * An affiliate id: exactly three upper-case consonants (A–Z without A, E, I, O, U; Y counts as a
 * consonant). Lower case is refused, not folded: VTEX stores affiliate ids in upper case and the id
 * is a settings key, so "mkb" and "MKB" must not become two channels.
 */
export function isAffiliateId(id: unknown): id is string {
  return typeof id === 'string' && /^[B-DF-HJ-NP-TV-Z]{3}$/.test(id)
}

/** The marketplace's own seller id in its catalog ("seller 1"). */
export const MARKETPLACE_SELLER_ID = '1'

/**
 * A third-party seller id as used in allow/deny lists: 1–100 characters of letters, digits, '.', '_'
 * or '-', starting with a letter or digit, and not the marketplace itself ("1").
 */
export function isSellerId(id: unknown): id is string {
  return (
    typeof id === 'string' &&
    id !== MARKETPLACE_SELLER_ID &&
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(id)
  )
}
