// The admin's free-text search over names and ids, the same on both sides: what is stored and
// what is asked are folded alike, so "relogio" finds "Relógio" and "RELÓGIO" finds "relogio".

/** Lower case, without accents (NFD, then the combining marks dropped): "Relógio Aço" → "relogio aco". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

/** Longest search text the admin may send (the filter's and a sweep scope's). */
export const MAX_SEARCH_TEXT = 100
const MAX_WORDS = 8

/**
 * The words a search looks for, each to be found somewhere in the stored text: folded, reduced to
 * letters, digits, `_` and `-` (so a word can never break out of a `_where` clause, and "and" or
 * "or" is a word, not an operator), deduplicated, at most eight.
 */
export function searchWords(text: string | null | undefined): string[] {
  const words = foldText(text ?? '')
    .split(/\s+/)
    .map((word) => word.replace(/[^a-z0-9_-]/g, ''))
    .filter(Boolean)

  return [...new Set(words)].slice(0, MAX_WORDS)
}
