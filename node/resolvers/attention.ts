import { UserInputError } from '@vtex/api'

import type { AttentionItem } from '../domain/attention'
import { alertKey } from '../domain/attention'
import {
  AlertEmailsRefused,
  saveAlertEmails,
} from '../services/attention/emails'
import { attention } from '../services/attention/facts'
import { depsOf } from '../services/compose'
import type { AdminContext } from './operatorContext'
import type { MutationSaveAlertEmailsArgs } from '../typings/schema.generated'

const itemOut = (item: AttentionItem) => ({
  ...item,
  cacheId: `attention-${alertKey(item)}`,
})

export const attentionQueries = {
  attention: async (_: unknown, __: unknown, ctx: AdminContext) =>
    (await attention(depsOf(ctx))).map(itemOut),
}

export const attentionMutations = {
  saveAlertEmails: async (
    _: unknown,
    args: MutationSaveAlertEmailsArgs,
    ctx: AdminContext
  ) =>
    saveAlertEmails(depsOf(ctx), args.emails).catch((error) => {
      if (error instanceof AlertEmailsRefused)
        throw new UserInputError(error.message)
      throw error
    }),
}
