// What changed between two decisions for the same SKU and channel: drives audit and write-on-change.
import type { Decision, ReasonCode } from './types'

export interface DecisionChange {
  statusChanged: boolean
  reasonsChanged: boolean
  availableChanged: boolean
  /** The trace differs (e.g. reservations moved between warehouses with the same total). */
  traceChanged: boolean
  /** status, reasons or available changed (trace-only churn is not a change worth an audit line). */
  any: boolean
}

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

function sameReasons(a: readonly ReasonCode[], b: readonly ReasonCode[]) {
  if (a.length !== b.length) return false

  const x = [...a].sort(byCode)
  const y = [...b].sort(byCode)

  return x.every((code, i) => code === y[i])
}

/** Structural equality for JSON-like values (key order ignored). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true
  if (
    typeof a !== 'object' ||
    typeof b !== 'object' ||
    a === null ||
    b === null
  ) {
    return false
  }

  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]))
  }

  const ra = a as Record<string, unknown>
  const rb = b as Record<string, unknown>
  const ka = Object.keys(ra).filter((k) => ra[k] !== undefined)
  const kb = Object.keys(rb).filter((k) => rb[k] !== undefined)

  return ka.length === kb.length && ka.every((k) => deepEqual(ra[k], rb[k]))
}

/**
 * Compares a new decision with the previous one (null: first decision, everything "changed").
 * Reasons are compared as a set, so a reordering is not a change.
 */
export function decisionChanged(
  prev: Decision | null,
  next: Decision
): DecisionChange {
  if (!prev) {
    return {
      statusChanged: true,
      reasonsChanged: true,
      availableChanged: true,
      traceChanged: true,
      any: true,
    }
  }

  const statusChanged = prev.status !== next.status
  const reasonsChanged = !sameReasons(prev.reasons, next.reasons)
  const availableChanged = prev.available !== next.available
  const traceChanged = !deepEqual(prev.trace, next.trace)

  return {
    statusChanged,
    reasonsChanged,
    availableChanged,
    traceChanged,
    any: statusChanged || reasonsChanged || availableChanged,
  }
}
