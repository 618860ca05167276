// The trends' storage: one VBase document per channel in the tenant's own bucket, holding that
// channel's daily points (domain/trends.ts). One document per channel rather than one per day:
// the query reads one file per channel whatever the window (90 days would be 90 reads), and the
// tick writes it once a day, conditionally, pruning past the retention in the same write.
import type { StateDocs } from '../../clients/stateDocs'
import type { TrendDoc } from '../../domain/trends'

export const BUCKET_TRENDS = 'trends'

/** Channel ids are affiliate ids (3 letters) the caller took from the channel list. */
const pathOf = (channel: string) => `channels/${encodeURIComponent(channel)}`

const empty = (): TrendDoc => ({ points: [] })

export interface TrendStore {
  read(channel: string): Promise<{ doc: TrendDoc; etag: string | null }>
  /** If the document is still at `etag` (absent when null); ConflictError otherwise. */
  write(channel: string, doc: TrendDoc, etag: string | null): Promise<void>
}

export function trendStore(
  docs: Pick<StateDocs, 'read' | 'write'>
): TrendStore {
  return {
    read: async (channel) => {
      const { value, etag } = await docs.read<TrendDoc>(
        BUCKET_TRENDS,
        pathOf(channel),
        empty
      )

      return { doc: Array.isArray(value?.points) ? value : empty(), etag }
    },
    write: async (channel, doc, etag) => {
      await docs.write(BUCKET_TRENDS, pathOf(channel), doc, etag)
    },
  }
}
