import type { Emu } from '../world/emu'
import type { RouteDef } from '../server/http'
import {
  badRequest,
  bodyOf,
  isObject,
  json,
  notFound,
  text,
} from '../server/http'

/**
 * VTEX's mail service and Message Center's templates, as an app calls them through Janus:
 * `POST /api/mail-service/pvt/sendmail` renders `templateName` with `jsonData` (the template
 * must exist: VTEX answers an unknown template with an error, and nothing is sent),
 * `GET /api/template-render/pvt/templates/{name}` (404 when missing) and
 * `POST /api/template-render/pvt/templates` (creates or replaces by `Name`). What was sent is
 * kept in an outbox, read and emptied through the control API (`/_emulator/mail/outbox`).
 */
export interface SentMail {
  at: string
  templateName: string
  to: string[]
  jsonData: Record<string, unknown>
}

interface MailState {
  templates: Map<string, Record<string, unknown>>
  outbox: SentMail[]
}

const states = new WeakMap<Emu, MailState>()

export function mailOf(emu: Emu): MailState {
  let state = states.get(emu)

  if (!state) {
    state = { templates: new Map(), outbox: [] }
    states.set(emu, state)
  }

  return state
}

export const mailRoutes: RouteDef[] = [
  {
    api: 'apps',
    method: 'POST',
    template: '/api/mail-service/pvt/sendmail',
    handler: (ctx) => {
      const body = bodyOf<Record<string, unknown>>(ctx)

      if (
        !isObject(body) ||
        typeof body.templateName !== 'string' ||
        !isObject(body.jsonData)
      )
        return badRequest('templateName and jsonData are required')
      const state = mailOf(ctx.emu)

      if (!state.templates.has(body.templateName))
        return badRequest(`Template ${body.templateName} not found`)
      const to = String(body.jsonData.to ?? '')
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean)

      if (to.length === 0) return badRequest('jsonData.to has no address')
      state.outbox.push({
        at: new Date().toISOString(),
        templateName: body.templateName,
        to,
        jsonData: body.jsonData,
      })

      return text(200, '')
    },
  },
  {
    api: 'apps',
    method: 'GET',
    template: '/api/template-render/pvt/templates/{name}',
    handler: (ctx) => {
      const found = mailOf(ctx.emu).templates.get(ctx.params.name)

      return found ? json(200, found) : notFound(`Template ${ctx.params.name}`)
    },
  },
  {
    api: 'apps',
    method: 'POST',
    template: '/api/template-render/pvt/templates',
    handler: (ctx) => {
      const body = bodyOf<Record<string, unknown>>(ctx)

      if (!isObject(body) || typeof body.Name !== 'string' || !body.Name)
        return badRequest('Name is required')
      mailOf(ctx.emu).templates.set(body.Name, body)

      return json(200, body)
    },
  },
]
