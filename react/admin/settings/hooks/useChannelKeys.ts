import { useState } from 'react'
import { useApolloClient, useQuery } from 'react-apollo'

import CHANNEL_KEYS from '../graphql/channelKeys.gql'
import CREATE_CHANNEL_KEY from '../graphql/createChannelKey.gql'
import REVOKE_CHANNEL_KEY from '../graphql/revokeChannelKey.gql'
import type { ChannelKey } from '../types'

// The server's limit (node/services/feed/keys.ts MAX_KEYS): beyond it createChannelKey answers TOO_MANY_KEYS.
export const MAX_ACTIVE_KEYS = 20

type KeyList = { channelKeys: ChannelKey[] }

/** A created key and its secret, which exists only in this answer: the server keeps a hash. */
export interface CreatedKey {
  key: ChannelKey
  secret: string
}

/** Active keys first, then revoked ones; newest first within each. */
export const byState = (a: ChannelKey, b: ChannelKey) =>
  Number(!!a.revokedAt) - Number(!!b.revokedAt) ||
  b.createdAt.localeCompare(a.createdAt)

/**
 * One channel's feed keys: the list, create and revoke. A revoked key comes back with its cacheId,
 * so the list updates from the answer; a created one is added to the list by hand (see create).
 */
export function useChannelKeys(channel: string) {
  const client = useApolloClient()
  const { data, loading, error, refetch } = useQuery<KeyList>(CHANNEL_KEYS, {
    variables: { channel },
  })

  const [creating, setCreating] = useState(false)
  const [revoking, setRevoking] = useState(false)

  /** Adds the created key (never its secret) to the cached list; refetches if the list is not cached. */
  const addToList = (key: ChannelKey) => {
    const variables = { channel }

    try {
      const list = client.readQuery<KeyList>({ query: CHANNEL_KEYS, variables })

      client.writeQuery<KeyList>({
        query: CHANNEL_KEYS,
        variables,
        data: { channelKeys: [...(list?.channelKeys ?? []), key] },
      })
    } catch {
      refetch().catch(() => undefined)
    }
  }

  const create = async (): Promise<CreatedKey> => {
    setCreating(true)
    try {
      // 'no-cache': the answer, secret included, is never written to Apollo's cache (nor kept by
      // a useMutation's state); the caller holds the secret until its dialog closes.
      const result = await client.mutate<{ createChannelKey: CreatedKey }>({
        mutation: CREATE_CHANNEL_KEY,
        variables: { channel },
        fetchPolicy: 'no-cache',
      })

      const created = result.data?.createChannelKey

      if (!created) throw new Error('UNKNOWN')
      addToList(created.key)

      return created
    } finally {
      setCreating(false)
    }
  }

  const revoke = async (id: string): Promise<ChannelKey> => {
    setRevoking(true)
    try {
      const result = await client.mutate<{ revokeChannelKey: ChannelKey }>({
        mutation: REVOKE_CHANNEL_KEY,
        variables: { channel, id },
      })

      if (!result.data) throw new Error('UNKNOWN')

      return result.data.revokeChannelKey
    } catch (e) {
      // KEY_NOT_FOUND and the like: what the list shows may be stale.
      refetch().catch(() => undefined)
      throw e
    } finally {
      setRevoking(false)
    }
  }

  const keys = [...(data?.channelKeys ?? [])].sort(byState)

  return {
    keys,
    active: keys.filter((k) => !k.revokedAt).length,
    loading: loading && !data,
    error: data ? null : error,
    refetch: () => refetch(),
    create,
    creating,
    revoke,
    revoking,
  }
}
