import { randomUUID } from 'node:crypto'

import type { Ctx, RouteDef } from '../http'
import {
  badRequest,
  empty,
  error,
  fail,
  header,
  intParam,
  json,
  notFound,
} from '../http'
import type { Doc, Node } from '../mdQuery'
import { parseWhere, QueryError } from '../mdQuery'
import type { MdStore } from '../mdStore'
import { ajv, BASE, objectBody, project, spec } from './masterdata'

/** Master Data v2 search (REST-Range paging), scroll (X-VTEX-MD-TOKEN) and schemas. */

export interface Scroll {
  ids: string[]
  pos: number
  size: number
  fields: string | null
  entity: string
}
const scrolls = new WeakMap<MdStore, Map<string, Scroll>>()

/** `_where` plus the simple `field=value` query form, AND-ed together. */
function whereOf(ctx: Ctx): Node | null {
  const parts: Node[] = []
  const where = ctx.query.get('_where')

  try {
    if (where) parts.push(parseWhere(where))
  } catch (err) {
    if (err instanceof QueryError) fail(badRequest(err.message))
    throw err
  }

  ctx.query.forEach((value, key) => {
    if (!key.startsWith('_') && key !== 'an')
      parts.push({ kind: 'cmp', field: key, op: '=', value })
  })

  return parts.length === 0
    ? null
    : parts.length === 1
    ? parts[0]
    : { kind: 'and', items: parts }
}

function rangeOf(ctx: Ctx): { from: number; to: number } {
  const m = /resources=(\d+)-(\d+)/i.exec(header(ctx, 'rest-range') ?? '')
  let from = 0
  let to = 15

  if (m) {
    from = Number(m[1])
    to = Number(m[2])
  } else if (ctx.query.has('_from') || ctx.query.has('_to')) {
    from = intParam(ctx.query.get('_from'), 0)
    to = intParam(ctx.query.get('_to'), from + 14) + 1
  }

  return { from, to: Math.max(from, Math.min(to, from + 100)) }
}

function search(ctx: Ctx) {
  const entity = ctx.emu.state.md.entity(ctx.params.entity)
  const { from, to } = rangeOf(ctx)
  const { docs, total } = entity.search(
    whereOf(ctx),
    ctx.query.get('_sort'),
    to
  )

  const page = docs.slice(from, to)
  const fields = ctx.query.get('_fields')

  return json(
    200,
    page.map((d) => project(ctx, d, fields, ctx.params.entity)),
    {
      'rest-content-range': `resources ${from}-${from + page.length}/${total}`,
    }
  )
}

function scroll(ctx: Ctx) {
  const { md } = ctx.emu.state
  let tokens = scrolls.get(md)

  if (!tokens) {
    tokens = new Map()
    scrolls.set(md, tokens)
  }

  const token = ctx.query.get('_token')
  let state: Scroll | undefined

  if (token) {
    state = tokens.get(token)
    if (!state)
      return error(400, 'InvalidToken', 'Scroll token not found or expired')
  } else {
    const entity = md.entity(ctx.params.entity)
    const { docs } = entity.search(whereOf(ctx), ctx.query.get('_sort'))

    state = {
      ids: docs.map((d) => String(d.id)),
      pos: 0,
      size: Math.min(1000, Math.max(1, intParam(ctx.query.get('_size'), 100))),
      fields: ctx.query.get('_fields'),
      entity: ctx.params.entity,
    }
  }

  const newToken = token ?? randomUUID().replace(/-/g, '')
  const entity = md.entity(state.entity)
  const ids = state.ids.slice(state.pos, state.pos + state.size)

  state.pos += ids.length
  if (ids.length === 0) tokens.delete(newToken)
  else tokens.set(newToken, state)
  const page = ids.map((id) => entity.docs.get(id)).filter((d): d is Doc => !!d)

  return json(
    200,
    page.map((d) =>
      project(ctx, d, state?.fields ?? null, state?.entity ?? '')
    ),
    { 'x-vtex-md-token': newToken }
  )
}

export const mdSearchRoutes: RouteDef[] = [
  {
    api: 'masterdata',
    method: 'GET',
    template: `${BASE}/search`,
    spec: spec('/api/dataentities/{dataEntityName}/search'),
    handler: search,
  },
  {
    api: 'masterdata',
    method: 'GET',
    template: `${BASE}/scroll`,
    spec: spec('/api/dataentities/{dataEntityName}/scroll'),
    handler: scroll,
  },

  {
    api: 'masterdata',
    method: 'GET',
    template: `${BASE}/schemas`,
    spec: spec('/api/dataentities/{dataEntityName}/schemas'),
    handler: (ctx) =>
      json(
        200,
        Array.from(
          ctx.emu.state.md.entity(ctx.params.entity).schemas,
          ([name, schema]) => ({ name, schema })
        )
      ),
  },
  {
    api: 'masterdata',
    method: 'GET',
    template: `${BASE}/schemas/{name}`,
    spec: spec('/api/dataentities/{dataEntityName}/schemas/{schemaName}'),
    handler: (ctx) => {
      const schema = ctx.emu.state.md
        .entity(ctx.params.entity)
        .schemas.get(ctx.params.name)

      return schema ? json(200, schema) : notFound(`Schema ${ctx.params.name}`)
    },
  },
  {
    api: 'masterdata',
    method: 'PUT',
    template: `${BASE}/schemas/{name}`,
    spec: spec('/api/dataentities/{dataEntityName}/schemas/{schemaName}'),
    handler: (ctx) => {
      const schema = objectBody(ctx)

      try {
        const { $schema, ...rest } = schema

        ajv.compile(rest)
      } catch (err) {
        return badRequest(`Invalid schema: ${(err as Error).message}`)
      }

      ctx.emu.state.md
        .entity(ctx.params.entity)
        .schemas.set(ctx.params.name, schema)
      ctx.emu.onChange()

      return empty(200)
    },
  },
]
