import { mailOf } from '../../apis/mail'
import type { ControlRouteDef } from '../http'
import { json } from '../http'

const ok = () => json(200, { ok: true })

/** What the emulator sends: broadcaster events, affiliate notifications, mail (apis/mail.ts). */
export const outboundRoutes: ControlRouteDef[] = [
  {
    method: 'GET',
    template: '/_emulator/events',
    handler: ({ emu }) =>
      json(200, {
        ...emu.effects.config,
        logSize: emu.effects.log.length,
      }),
  },
  {
    method: 'POST',
    template: '/_emulator/events',
    handler: ({ emu, body }) => {
      const { config } = emu.effects

      if (typeof body.enabled === 'boolean') config.enabled = body.enabled
      if (typeof body.affiliatesEnabled === 'boolean')
        config.affiliatesEnabled = body.affiliatesEnabled
      if (typeof body.serviceUrl === 'string')
        config.serviceUrl = body.serviceUrl
      if (typeof body.retryDelayMs === 'number')
        config.retryDelayMs = body.retryDelayMs
      if (typeof body.clockOffsetMs === 'number')
        config.clockOffsetMs = body.clockOffsetMs

      return json(200, { ...config })
    },
  },
  {
    method: 'GET',
    template: '/_emulator/events/log',
    handler: ({ emu, query }) => {
      const kind = query.get('kind')
      const since = Number(query.get('since') ?? 0)
      const limit = Number(query.get('limit') ?? 1000)
      const entries = emu.effects.log.filter(
        (e) => (!kind || e.kind === kind) && e.seq > since
      )

      return json(200, entries.slice(-limit))
    },
  },
  {
    method: 'DELETE',
    template: '/_emulator/events/log',
    handler: ({ emu }) => {
      emu.effects.clearLog()

      return ok()
    },
  },
  {
    method: 'POST',
    template: '/_emulator/events/flush',
    handler: async ({ emu }) => {
      await emu.effects.idle()

      return ok()
    },
  },
  {
    method: 'GET',
    template: '/_emulator/affiliates/{id}/inbox',
    handler: ({ emu, params }) =>
      json(200, emu.state.inboxes.get(params.id.toUpperCase()) ?? []),
  },
  {
    method: 'POST',
    template: '/_emulator/affiliates/{id}/inbox',
    handler: ({ emu, params, body }) => {
      const id = params.id.toUpperCase()

      emu.state.inboxes.set(id, [...(emu.state.inboxes.get(id) ?? []), body])

      return ok()
    },
  },
  {
    method: 'DELETE',
    template: '/_emulator/affiliates/{id}/inbox',
    handler: ({ emu, params }) => {
      emu.state.inboxes.delete(params.id.toUpperCase())

      return ok()
    },
  },
  {
    method: 'GET',
    template: '/_emulator/mail/outbox',
    handler: ({ emu }) => json(200, mailOf(emu).outbox),
  },
  {
    method: 'DELETE',
    template: '/_emulator/mail/outbox',
    handler: ({ emu }) => {
      mailOf(emu).outbox.length = 0

      return ok()
    },
  },
]
