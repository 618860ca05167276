import { NotFoundError, UserInputError } from '@vtex/api'

import type { AdminContext } from './operatorContext'
import { actorOf } from './operatorContext'
import { depsOf } from '../services/compose'
import { createKey, KeyError, listKeys, revokeKey } from '../services/feed/keys'
import type { ChannelKey } from '../services/feed/keys'
import { channelTold } from '../services/feed/told'
import { affiliates } from '../services/shared/reference'
import type {
  MutationCreateChannelKeyArgs,
  MutationRevokeChannelKeyArgs,
  QueryChannelKeysArgs,
  QueryChannelToldArgs,
} from '../typings/schema.generated'

const keyOut = (key: ChannelKey) => ({
  ...key,
  cacheId: `${key.channel}-${key.id}`,
})

async function knownChannel(ctx: AdminContext, channel: string) {
  const list = await affiliates(depsOf(ctx))

  if (!list.some((a) => a.id === channel))
    throw new UserInputError('UNKNOWN_CHANNEL')
}

function mapped(error: unknown): never {
  if (!(error instanceof KeyError)) throw error
  if (error.code === 'KEY_NOT_FOUND') throw new NotFoundError(error.code)
  throw new UserInputError(error.code)
}

export const channelFeedQueries = {
  channelKeys: async (
    _: unknown,
    args: QueryChannelKeysArgs,
    ctx: AdminContext
  ) => (await listKeys(depsOf(ctx), args.channel)).map(keyOut),

  channelTold: async (
    _: unknown,
    args: QueryChannelToldArgs,
    ctx: AdminContext
  ) => {
    const told = await channelTold(depsOf(ctx), args.skuId, args.channel)

    return told ? { ...told, cacheId: `${told.skuId}-${told.channel}` } : null
  },
}

export const channelFeedMutations = {
  createChannelKey: async (
    _: unknown,
    args: MutationCreateChannelKeyArgs,
    ctx: AdminContext
  ) => {
    await knownChannel(ctx, args.channel)
    const actor = await actorOf(ctx)
    const { key, secret } = await createKey(
      depsOf(ctx),
      args.channel,
      actor
    ).catch(mapped)

    ctx.vtex.logger.info({
      message: 'feed-key-create-done',
      channel: args.channel,
      keyId: key.id,
    })

    return { key: keyOut(key), secret }
  },

  revokeChannelKey: async (
    _: unknown,
    args: MutationRevokeChannelKeyArgs,
    ctx: AdminContext
  ) => {
    const actor = await actorOf(ctx)
    const key = await revokeKey(
      depsOf(ctx),
      args.channel,
      args.id,
      actor
    ).catch(mapped)

    ctx.vtex.logger.info({
      message: 'feed-key-revoke-done',
      channel: args.channel,
      keyId: key.id,
    })

    return keyOut(key)
  },
}
