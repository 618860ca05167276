import type { ServiceContext } from '@vtex/api'
import { AuthenticationError, ForbiddenError, UserInputError } from '@vtex/api'

import type { Clients } from '../clients'
import { AuditLog } from '../services/projection/audit'
import { decodeCursor, MAX_FEED_LIMIT, readFeed } from '../services/feed/feed'
import { checkKey } from '../services/feed/keys'
import {
  decodeSnapshotCursor,
  MAX_SNAPSHOT_LIMIT,
  readSnapshot,
  SnapshotNotReady,
} from '../services/feed/snapshot'
import { readBaselines } from '../services/shared/baselines'
import { depsOf } from '../services/compose'

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

function limitOf(ctx: Ctx, byDefault: number, max: number) {
  const limit = Number(ctx.query.limit ?? byDefault)

  if (!Number.isInteger(limit) || limit < 1 || limit > max)
    throw new UserInputError('INVALID_LIMIT')

  return limit
}

export async function feed(ctx: Ctx, next: () => Promise<void>) {
  const channel = String(ctx.vtex.route.params.affiliateId)
  const since = typeof ctx.query.since === 'string' ? ctx.query.since : ''
  const position = since ? decodeCursor(since) : null

  if (since && !position) throw new UserInputError('INVALID_CURSOR')
  const limit = limitOf(ctx, 50, MAX_FEED_LIMIT)
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

/**
 * The channel's starting point (services/feed/snapshot.ts). 503 with Retry-After until the
 * channel's baseline sweep has finished and settled: a snapshot before then would miss SKUs whose
 * first decision the change feed never carries.
 */
export async function snapshot(ctx: Ctx, next: () => Promise<void>) {
  const channel = String(ctx.vtex.route.params.affiliateId)
  const cursor = typeof ctx.query.after === 'string' ? ctx.query.after : ''
  const after = cursor ? decodeSnapshotCursor(cursor) : null

  if (cursor && !after) throw new UserInputError('INVALID_CURSOR')
  const limit = limitOf(ctx, MAX_SNAPSHOT_LIMIT, MAX_SNAPSHOT_LIMIT)
  const deps = depsOf(ctx)

  ctx.set('Cache-Control', 'no-store')
  try {
    ctx.body = await readSnapshot(
      {
        projection: deps.projection,
        baselines: () => readBaselines(deps.docs),
        now: deps.now,
        settleMs: SETTLE_MS,
      },
      channel,
      after,
      limit
    )
    ctx.status = 200
  } catch (error) {
    if (!(error instanceof SnapshotNotReady)) throw error
    ctx.status = 503
    ctx.set('Retry-After', String(error.retryAfterSeconds))
    ctx.body = {
      code: error.message,
      retryAfterSeconds: error.retryAfterSeconds,
    }
  }

  await next()
}
