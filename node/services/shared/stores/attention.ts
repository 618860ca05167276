// What needs attention, in its own bucket: the daily share points and today's sent alerts.
import { singleDocFor } from './docStore'

const BUCKET_ATTENTION = 'attention'

export interface SharePoint {
  day: string
  exposed: number
  total: number
}

export interface SharePoints {
  channels: Record<string, SharePoint[]>
}

/** What was sent today: reset by the first claim of another day, so it stays small. */
export interface SentToday {
  day: string
  keys: string[]
}

export const sharePointsStore = singleDocFor<SharePoints>(
  BUCKET_ATTENTION,
  'share-points',
  () => ({ channels: {} })
)

export const sentTodayStore = singleDocFor<SentToday>(
  BUCKET_ATTENTION,
  'alerts-sent',
  () => ({ day: '', keys: [] })
)
