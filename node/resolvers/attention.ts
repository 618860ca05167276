import { UserInputError } from '@vtex/api'

import type { AttentionItem } from '../domain/attention'
import { alertKey } from '../domain/attention'
import {
  AlertEmailsRefused,
  saveAlertEmails,
} from '../services/attention/emails'
import { attention } from '../services/attention/facts'
import { engineDeps } from '../services/evaluation/engine'
import type { AdminContext } from './operatorContext'

const deps = (ctx: AdminContext) => engineDeps(ctx.clients, ctx.vtex.logger)

const itemOut = (item: AttentionItem) => ({
  ...item,
  cacheId: `attention-${alertKey(item)}`,
})

export const attentionQueries = {
  attention: async (_: unknown, __: unknown, ctx: AdminContext) =>
    (await attention(deps(ctx))).map(itemOut),
}

export const attentionMutations = {
  saveAlertEmails: async (
    _: unknown,
    args: { emails: string[] },
    ctx: AdminContext
  ) =>
    saveAlertEmails(deps(ctx), args.emails).catch((error) => {
      if (error instanceof AlertEmailsRefused)
        throw new UserInputError(error.message)
      throw error
    }),
}
