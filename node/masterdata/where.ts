/**
 * Master Data v2 `_where` syntax, for the storage adapters alone (`services/projection/`): the
 * services ask for rows in domain terms and never spell a clause.
 */

/** Master Data v2 answers at most 100 documents per search page. */
export const MD_MAX_PAGE = 100

/** Master Data v2's search window: documents past it are reached by scroll only. */
export const MD_SEARCH_WINDOW = 10_000

/** Quote a value for a Master Data `_where` clause (stripped of quotes, so it cannot leave it). */
export function mdValue(value: string): string {
  return `"${value.replace(/["\\]/g, '')}"`
}

/** `field=a OR field=b …`, in parentheses. */
export const anyOf = (field: string, values: readonly string[]) =>
  `(${values.map((v) => `${field}=${mdValue(v)}`).join(' OR ')})`

/** The clauses joined with AND; undefined when there is none (no `_where` at all). */
export function allOf(
  clauses: ReadonlyArray<string | null | undefined | false>
): string | undefined {
  const kept = clauses.filter((c): c is string => !!c)

  return kept.length ? kept.join(' AND ') : undefined
}
