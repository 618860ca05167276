import type { ServiceContext } from '@vtex/api'
import { AuthenticationError, ForbiddenError, UserInputError } from '@vtex/api'

import type { Clients } from '../clients'
import { AuditLog } from '../services/projection/audit'
import { decodeCursor, MAX_FEED_LIMIT, readFeed } from '../services/feed/feed'
import { checkKey } from '../services/feed/keys'

type Ctx = ServiceContext<Clients>

const SETTLE_MS = Number(process.env.FEED_SETTLE_MS ?? 10_000)

/**
 * The key travels in one header, `Authorization: Bearer <key>` (never the URL, which access logs
 * record), as graphql/schema.graphql and README document it.
 */
function presentedKey(ctx: Ctx): string | null {
  const auth = ctx.get('authorization')

  return auth.toLowerCase().startsWith('bearer ') ? auth.slice(7).trim() : null
}

/** 401 without a valid key, 403 with another channel's key. */
export async function feedAuth(ctx: Ctx, next: () => Promise<void>) {
  const channel = String(ctx.vtex.route.params.affiliateId ?? '')
  const check = await checkKey(
    { docs: ctx.clients.stateDocs },
    presentedKey(ctx),
    channel
  )

  if (check === 'UNAUTHENTICATED') throw new AuthenticationError(check)
  if (check === 'FORBIDDEN') throw new ForbiddenError(check)
  await next()
}

export async function feed(ctx: Ctx, next: () => Promise<void>) {
  const channel = String(ctx.vtex.route.params.affiliateId)
  const since = typeof ctx.query.since === 'string' ? ctx.query.since : ''
  const position = since ? decodeCursor(since) : null

  if (since && !position) throw new UserInputError('INVALID_CURSOR')
  const limit = Number(ctx.query.limit ?? 50)

  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_FEED_LIMIT)
    throw new UserInputError('INVALID_LIMIT')
  const page = await readFeed(
    {
      audit: new AuditLog(ctx.clients.masterdata),
      now: () => new Date(),
      settleMs: SETTLE_MS,
    },
    channel,
    position,
    limit
  )

  ctx.set('Cache-Control', 'no-store')
  ctx.status = 200
  ctx.body = page
  await next()
}
