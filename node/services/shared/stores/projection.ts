// The projection's channel slots (projection/channelSlots.ts), in the projection's own bucket.
import { singleDocFor } from './docStore'

const BUCKET_PROJECTION = 'projection'

/**
 * Which fixed slot of a SKU's projection document holds each channel. `next` only grows: a slot
 * is never given to another channel, even once its channel is gone, so a document written
 * before a channel left never shows that channel's fields as another's.
 */
export interface SlotMap {
  slots: Record<string, number>
  next: number
}

export const slotMapStore = singleDocFor<SlotMap>(
  BUCKET_PROJECTION,
  'slots.json',
  () => ({ slots: {}, next: 0 })
)
