// How far VTEX's clock may be behind this worker's, from the `Date` of VTEX's answers, and the
// duplicate margin that follows from it. Pure: samples and times are parameters.

/** The margin with no skew: the moment between VTEX stamping a change and serving it. */
export const BASE_SEEN_MARGIN_MS = 500
/**
 * The most skew the margin follows. Beyond it the margin stops growing (a duplicate would cost an
 * evaluation, a real change would be dropped): a clock that far off is a fault to report, not one
 * to absorb.
 */
export const MAX_SKEW_MS = 10_000

/**
 * One answer's upper bound on how far VTEX is behind: `Date` has whole seconds, so VTEX's clock
 * was at `dateMs` or up to a second later when it answered, and this worker's was at most
 * `receivedAt`. Negative when VTEX is ahead.
 */
export function behindBound(dateHeader: string, receivedAt: number) {
  const dateMs = Date.parse(dateHeader)

  return Number.isNaN(dateMs) ? null : receivedAt - dateMs
}

/**
 * The margin for a measured bound (null: nothing measured yet). Taking the upper bound means a
 * real change is never dropped for skew; its cost is at most a second of margin too many (the
 * `Date` resolution), which the window's minimum over many answers mostly removes.
 */
export function seenMargin(behindMs: number | null) {
  const skew = Math.min(MAX_SKEW_MS, Math.max(0, behindMs ?? 0))

  return BASE_SEEN_MARGIN_MS + skew
}

/** The tightest bound of a window: each sample is an upper bound, so their minimum is too. */
export function tightest(bounds: ReadonlyArray<number | null>) {
  const known = bounds.filter((b): b is number => b !== null)

  return known.length ? Math.min(...known) : null
}
