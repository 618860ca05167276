// Which of a SKU's three VTEX inputs an event makes worth reading again. Pure: times are
// parameters (epoch ms), and "everything" is the answer whenever the event or the stored inputs
// leave any doubt.

export type InputPart = 'context' | 'inventory' | 'price'

export const ALL_PARTS: readonly InputPart[] = ['context', 'inventory', 'price']

/** What a broadcaster event says changed (null: it did not say). */
export interface EventChanges {
  stockModified: boolean | null
  priceModified: boolean | null
  skuModified: boolean | null
  removedFromAffiliate: boolean | null
  /** The SKU's and its product's active state as VTEX sends it: a state, not a change flag. */
  isActive: boolean | null
}

/** When each stored input was read (epoch ms) and the stored context's active state. */
export interface ReadTimes {
  context: number
  inventory: number
  price: number
  active: boolean
}

/**
 * A SKU's stored inputs older than this are read again whatever the event says. A wrong or
 * missing flag leaves a stale input in the decisions until something reads it: the daily full
 * sweep (its default period) does, as it already does for an event VTEX never delivered. The
 * bound keeps that true when the operator slows or turns off the sweep, or it is failing: a SKU
 * that keeps getting events never decides on an input read more than a day before. The price:
 * the first event of a SKU not evaluated for a day reads everything, as every event did before.
 */
export const STORED_INPUTS_MAX_AGE_MS = 24 * 3600_000

/** More events than this joined in one evaluation: read everything rather than keep them all. */
export const MAX_JOINED_EVENTS = 32

function partsOf(change: EventChanges, stored: ReadTimes): InputPart[] | null {
  // VTEX's broadcaster sends every flag and IsActive; a payload missing one (seen in the wild,
  // notes §2.3) says nothing of that input, so nothing may be narrowed on a guess.
  if (
    change.stockModified === null ||
    change.priceModified === null ||
    change.skuModified === null ||
    change.removedFromAffiliate === null ||
    change.isActive === null
  )
    return null
  const parts = new Set<InputPart>()

  if (change.priceModified === true) parts.add('price')
  // The trade policies the product is on come with the context, and so does the SKU's state.
  if (change.skuModified === true || change.removedFromAffiliate === true)
    parts.add('context')
  if (change.isActive !== null && change.isActive !== stored.active)
    parts.add('context')
  // An event that flags nothing as changed says nothing: read everything.
  if (change.stockModified !== true && parts.size === 0) return null
  // The inventory is read by every event: it is the everyday event's input anyway, and a stock
  // move VTEX sends no flag for (its notifications follow the minimum-availability rule, notes
  // §1.4) must not outlive the SKU's next event.
  parts.add('inventory')

  return [...parts]
}

/**
 * The inputs to read for `events` (every event one evaluation answers), given the stored ones.
 * Everything when no event is given (a sweep, a retry, an operator), when any event names no
 * change it flags as true, when nothing is stored, or when any stored input is older than
 * `maxAgeMs`; otherwise the union of what each event says moved.
 */
export function partsToRead(
  events: readonly EventChanges[] | undefined,
  stored: ReadTimes | null,
  now: number,
  maxAgeMs = STORED_INPUTS_MAX_AGE_MS
): InputPart[] {
  if (!events || events.length === 0 || !stored) return [...ALL_PARTS]
  const oldest = Math.min(stored.context, stored.inventory, stored.price)

  if (!Number.isFinite(oldest) || now - oldest > maxAgeMs) return [...ALL_PARTS]
  const parts = new Set<InputPart>()

  for (const change of events) {
    const some = partsOf(change, stored)

    if (!some) return [...ALL_PARTS]
    for (const part of some) parts.add(part)
  }

  return ALL_PARTS.filter((part) => parts.has(part))
}

/** When `parts` were all last read: the oldest of their times (a change before it was seen). */
export function readTimeOf(parts: readonly InputPart[], times: ReadTimes) {
  return Math.min(...parts.map((part) => times[part]))
}

/** The events of two joined evaluations (undefined: one of them reads everything). */
export function joinEvents(
  a: readonly EventChanges[] | undefined,
  b: readonly EventChanges[] | undefined
): EventChanges[] | undefined {
  if (!a || !b || a.length + b.length > MAX_JOINED_EVENTS) return undefined

  return [...a, ...b]
}
