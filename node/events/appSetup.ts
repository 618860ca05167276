import type { EventContext } from '@vtex/api'

import type { Clients } from '../clients'
import { depsOf } from '../services/compose'
import { tickTarget } from '../services/reconcile/env'
import { isThisApp, registerTick } from '../services/reconcile/register'

/** The `apps` sender's `setup` event body: the app that was installed (or updated). */
interface SetupEvent {
  to?: { id?: string; registry?: string }
}

const appId = () => process.env.VTEX_APP_ID ?? ''

/**
 * IO's `apps` `setup` event, sent when an app is installed or updated in the workspace (as
 * vtex.availability-notify subscribes to it, checking that the app installed is itself): this
 * app's install registers the reconciliation tick with vtex.scheduler. Awaited, so a scheduler
 * that refuses fails the event and IO delivers it again.
 */
export async function onAppInstalled(ctx: EventContext<Clients>) {
  const installed = (ctx.body as SetupEvent | null)?.to?.id

  if (!isThisApp(installed, appId())) {
    ctx.vtex.logger.info({ message: 'app-setup-other-app', installed })

    return
  }

  await registerTick(depsOf(ctx), ctx.clients.scheduler, tickTarget(ctx.vtex))
}
