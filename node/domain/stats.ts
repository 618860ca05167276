// Small summaries for the admin's dashboards.

/**
 * The median of the finite numbers given (NaN and ±Infinity are ignored); the mean of the two middle
 * values for an even count; null when there is none. The input is not reordered.
 */
export function median(numbers: readonly number[]): number | null {
  const sorted = numbers.filter((n) => Number.isFinite(n)).sort((a, b) => a - b)

  if (sorted.length === 0) return null

  const mid = Math.floor(sorted.length / 2)

  return sorted.length % 2 === 1
    ? sorted[mid]
    : (sorted[mid - 1] + sorted[mid]) / 2
}

/** How many items fall under each key; keys with no item are absent. */
export function countBy<T, K extends string>(
  items: readonly T[],
  key: (item: T) => K
): Partial<Record<K, number>> {
  const counts: Partial<Record<K, number>> = {}

  for (const item of items) {
    const k = key(item)

    counts[k] = (counts[k] ?? 0) + 1
  }

  return counts
}
