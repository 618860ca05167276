import { UserInputError } from '@vtex/api'

import { isTrendWindow } from '../domain/trends'
import type { AdminContext } from './operatorContext'
import { depsOf } from '../services/compose'
import { affiliates } from '../services/shared/reference'
import { channelTrends } from '../services/trends/query'
import type { QueryTrendsArgs } from '../typings/schema.generated'

export const trendsQueries = {
  trends: async (_: unknown, args: QueryTrendsArgs, ctx: AdminContext) => {
    const days = args.days ?? 30

    if (!isTrendWindow(days)) throw new UserInputError('INVALID_TREND_DAYS')
    const deps = depsOf(ctx)

    // The channel names a storage path: only a known one is read.
    if (!(await affiliates(deps)).some((a) => a.id === args.channel))
      throw new UserInputError('UNKNOWN_CHANNEL')

    return {
      cacheId: `trends-${args.channel}-${days}`,
      channel: args.channel,
      days,
      ...(await channelTrends(deps, args.channel, days)),
    }
  },
}
