import { createHash, randomBytes, timingSafeEqual } from 'crypto'

import type { EngineDeps } from '../shared/deps'
import { feedKeyStore } from '../shared/stores/feedKeys'
import type { StoredKey } from '../shared/stores/feedKeys'

export type { StoredKey } from '../shared/stores/feedKeys'

export type ChannelKey = Omit<StoredKey, 'salt' | 'hash'> & { channel: string }

type Deps = Pick<EngineDeps, 'docs' | 'now'>

const PREFIX = 'sgk'
const MAX_KEYS = 20

// Revoked keys stay listed for the record (who revoked which, when), but only the latest ones:
// a channel that rotates its key daily must not grow its document for ever.
export const MAX_REVOKED_KEPT = 20
const digest = (salt: string, secret: string) =>
  createHash('sha256').update(`${salt}:${secret}`).digest('hex')

const publicOf = (channel: string, key: StoredKey): ChannelKey => {
  const { salt: _salt, hash: _hash, ...rest } = key

  return { ...rest, channel }
}

export type KeyErrorCode = 'TOO_MANY_KEYS' | 'KEY_NOT_FOUND'

export class KeyError extends Error {
  constructor(public readonly code: KeyErrorCode) {
    super(code)
  }
}

/**
 * Creates a key for one channel. The secret is returned once (`sgk.{channel}.{id}.{secret}`):
 * the channel and id in it only say where to look; the secret is checked against the hash.
 */
export async function createKey(
  deps: Deps,
  channel: string,
  actor: string | null
): Promise<{ key: ChannelKey; secret: string }> {
  const id = randomBytes(4).toString('hex')
  const secret = randomBytes(32).toString('base64url')
  const salt = randomBytes(16).toString('hex')
  const stored: StoredKey = {
    id,
    salt,
    hash: digest(salt, secret),
    createdAt: deps.now().toISOString(),
    createdBy: actor,
    revokedAt: null,
    revokedBy: null,
  }

  await feedKeyStore(deps.docs).update(channel, (doc) => {
    if (doc.keys.filter((k) => !k.revokedAt).length >= MAX_KEYS)
      throw new KeyError('TOO_MANY_KEYS')

    return { keys: withoutOldRevoked([...doc.keys, stored]) }
  })

  return {
    key: publicOf(channel, stored),
    secret: `${PREFIX}.${channel}.${id}.${secret}`,
  }
}

export async function revokeKey(
  deps: Deps,
  channel: string,
  id: string,
  actor: string | null
): Promise<ChannelKey> {
  let revoked: StoredKey | null = null

  await feedKeyStore(deps.docs).update(channel, (doc) => {
    const key = doc.keys.find((k) => k.id === id)

    if (!key) throw new KeyError('KEY_NOT_FOUND')
    revoked = key.revokedAt
      ? key
      : { ...key, revokedAt: deps.now().toISOString(), revokedBy: actor }

    return {
      keys: withoutOldRevoked(
        doc.keys.map((k) => (k.id === id ? (revoked as StoredKey) : k))
      ),
    }
  })

  return publicOf(channel, revoked as unknown as StoredKey)
}

/** Every active key, and the MAX_REVOKED_KEPT most recently revoked, in their stored order. */
export function withoutOldRevoked(keys: StoredKey[]): StoredKey[] {
  const kept = new Set(
    keys
      .filter((k) => k.revokedAt)
      .sort((a, b) => String(b.revokedAt).localeCompare(String(a.revokedAt)))
      .slice(0, MAX_REVOKED_KEPT)
  )

  return keys.filter((k) => !k.revokedAt || kept.has(k))
}

export async function listKeys(
  deps: Pick<EngineDeps, 'docs'>,
  channel: string
): Promise<ChannelKey[]> {
  const { value } = await feedKeyStore(deps.docs).read(channel)

  return value.keys.map((k) => publicOf(channel, k))
}

export type KeyCheck = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'OK'

/**
 * Checks a presented key for a channel's feed: no key, a malformed, unknown, revoked or wrong
 * key is UNAUTHENTICATED (401); a valid key of another channel is FORBIDDEN (403).
 */
export async function checkKey(
  deps: Pick<EngineDeps, 'docs'> & Partial<Pick<EngineDeps, 'now'>>,
  presented: string | null | undefined,
  channel: string
): Promise<KeyCheck> {
  const parts = (presented ?? '').split('.')

  if (parts.length !== 4 || parts[0] !== PREFIX) return 'UNAUTHENTICATED'
  const [, keyChannel, id, secret] = parts

  if (!/^[A-Za-z]{3}$/.test(keyChannel) || !/^[0-9a-f]{8}$/.test(id))
    return 'UNAUTHENTICATED'
  const { value } = await feedKeyStore(deps.docs).read(keyChannel)

  const key = value.keys.find((k) => k.id === id && !k.revokedAt)

  if (!key) return 'UNAUTHENTICATED'
  const expected = Buffer.from(key.hash, 'hex')
  const actual = Buffer.from(digest(key.salt, secret), 'hex')

  if (expected.length !== actual.length || !timingSafeEqual(expected, actual))
    return 'UNAUTHENTICATED'

  if (keyChannel !== channel) return 'FORBIDDEN'
  if (!key.firstUsedAt) await markUsed(deps, keyChannel, id)

  return 'OK'
}

/**
 * Records a key's first accepted use, once in its lifetime (what "a channel key never used" on
 * the overview reads): later uses find it set and write nothing. A failed write only delays it.
 */
async function markUsed(
  deps: Pick<EngineDeps, 'docs'> & Partial<Pick<EngineDeps, 'now'>>,
  channel: string,
  id: string
) {
  const at = (deps.now?.() ?? new Date()).toISOString()

  await feedKeyStore(deps.docs)
    .update(channel, (doc) =>
      doc.keys.some((k) => k.id === id && !k.firstUsedAt)
        ? {
            keys: doc.keys.map((k) =>
              k.id === id ? { ...k, firstUsedAt: at } : k
            ),
          }
        : null
    )
    .catch(() => undefined)
}
