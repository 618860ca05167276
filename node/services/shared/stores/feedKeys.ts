// The affiliate feed's access keys: one document per channel.
import { docStoreFor } from './docStore'

const BUCKET_FEED_KEYS = 'feedkeys'

/** A channel's access key as stored: only a salted sha256 of the secret, never the secret. */
export interface StoredKey {
  id: string
  salt: string
  hash: string
  createdAt: string
  createdBy: string | null
  revokedAt: string | null
  revokedBy: string | null
  /** The key's first accepted use (absent: never used, or used before this was recorded). */
  firstUsedAt?: string | null
}

export interface KeyDoc {
  keys: StoredKey[]
}

/** Keyed by channel id. */
export const feedKeyStore = docStoreFor<KeyDoc, string>(
  BUCKET_FEED_KEYS,
  (channel) => channel,
  () => ({ keys: [] })
)
