// The trends' storage: one VBase document per channel in the tenant's own bucket, holding that
// channel's daily points (domain/trends.ts). One document per channel rather than one per day:
// the query reads one file per channel whatever the window (90 days would be 90 reads), and the
// tick writes it once a day, conditionally, pruning past the retention in the same write.
import type { Versioned } from '../../../clients/stateDocs'
import type { TrendDoc } from '../../../domain/trends'
import { docStoreFor } from './docStore'
import type { Docs } from './docStore'

export const BUCKET_TRENDS = 'trends'

/** Keyed by channel id: affiliate ids (3 letters) the caller took from the channel list. */
const channels = docStoreFor<TrendDoc, string>(
  BUCKET_TRENDS,
  (channel) => `channels/${encodeURIComponent(channel)}`,
  () => ({ points: [] })
)

export interface TrendStore {
  read(channel: string): Promise<Versioned<TrendDoc>>
  /** If the document is still at `etag` (absent when null); ConflictError otherwise. */
  write(
    channel: string,
    doc: TrendDoc,
    etag: string | null
  ): Promise<string | null>
}

export function trendStore(docs: Docs): TrendStore {
  const store = channels(docs)

  return {
    read: async (channel) => {
      const { value, etag } = await store.read(channel)

      // A document of another shape reads as none (its etag kept for the conditional write).
      return {
        value: Array.isArray(value?.points) ? value : { points: [] },
        etag,
      }
    },
    write: (channel, doc, etag) => store.write(channel, doc, etag),
  }
}
