import { createHash } from 'crypto'

import type { EventContext } from '@vtex/api'

import type { Clients } from '../clients'
import { parseBroadcasterEvent } from '../domain'
import { AuditLog } from '../services/projection/audit'
import { eventRejected } from '../services/projection/auditEntries'
import { applyBudgetSettings } from '../services/operator/budgetSettings'
import { depsOf } from '../services/compose'
import { evaluate } from '../services/evaluation/engine'
import { armExpiriesOnce } from '../services/reconcile/expiries'

/**
 * vtex.broadcaster's `broadcaster.notification`. A payload that cannot be used is logged and
 * recorded, then acknowledged (a retry would fail the same way); a usable one re-evaluates the SKU.
 */
export async function broadcasterNotification(ctx: EventContext<Clients>) {
  const parsed = parseBroadcasterEvent(ctx.body)
  const { logger } = ctx.vtex

  if (!parsed.ok) {
    const raw = safeJson(ctx.body)
    const digest = createHash('sha1').update(raw).digest('hex').slice(0, 16)

    logger.warn({
      message: 'event-rejected',
      code: parsed.code,
      detail: parsed.detail,
      digest,
    })
    await new AuditLog(ctx.clients.masterdata)
      .append(
        eventRejected({
          digest,
          at: new Date().toISOString(),
          actor: ctx.sender ?? null,
          code: parsed.code,
          detail: parsed.detail,
          sample: raw.slice(0, 500),
        })
      )
      .catch((error) =>
        logger.error({
          message: 'event-rejected-record-failed',
          error: String(error),
        })
      )

    return
  }

  const { event } = parsed

  await applyBudgetSettings(ctx.clients.memory.account(ctx.vtex.account), () =>
    ctx.clients.apps.getAppSettings(process.env.VTEX_APP_ID ?? '')
  )
  const deps = depsOf(ctx)

  // A restarted worker arms the timers of overrides that expire soon (once per process).
  armExpiriesOnce(deps)
  const result = await evaluate(deps, event.skuId, {
    cause: 'EVENT',
    changedAt: event.dateModified,
    // What the event says moved: an evaluated SKU reads only that (services/evaluation/evaluate.ts).
    events: [
      {
        stockModified: event.stockModified,
        priceModified: event.priceModified,
        skuModified: event.skuModified,
        removedFromAffiliate: event.removedFromAffiliate,
        isActive: event.isActive,
      },
    ],
  })

  logger.info({
    message: 'event-evaluated',
    skuId: event.skuId,
    outcome: result.outcome,
  })
}

function safeJson(body: unknown): string {
  try {
    return typeof body === 'string'
      ? body
      : JSON.stringify(body) ?? String(body)
  } catch {
    return String(body)
  }
}
