import type { IntlShape } from 'react-intl'

export function formatDateTime(
  intl: IntlShape,
  iso: string | null | undefined,
  fallback = '—'
) {
  if (!iso) return fallback
  const time = Date.parse(iso)

  if (Number.isNaN(time)) return fallback

  return intl.formatDate(time, {
    year: 'numeric',
    month: 'short',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  })
}

/** Seconds as the largest two units: "1 h 5 min", "42 s". Units are symbols, not words. */
export function formatDuration(
  seconds: number | null | undefined,
  fallback = '—'
) {
  if (seconds == null || !Number.isFinite(seconds)) return fallback
  const s = Math.max(0, Math.round(seconds))

  if (s < 60) return `${s} s`
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`

  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`
}

export function share(count: number, total: number) {
  return total > 0 ? count / total : 0
}

/**
 * A SKU's quantity for one channel as the operator reads it. The API's `available` is null for
 * unlimited stock on a decided SKU, and also when an ERROR or PENDING decision read no stock:
 * only the status tells them apart.
 */
export function availableOf(item: {
  available: number | null
  status: string
}): number | 'unlimited' | null {
  if (item.available !== null) return item.available

  return item.status === 'ERROR' || item.status === 'PENDING'
    ? null
    : 'unlimited'
}
