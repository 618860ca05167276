import { randomUUID } from 'node:crypto'

import type { Ctx, RouteDef } from '../server/http'
import {
  badRequest,
  empty,
  fail,
  header,
  intParam,
  json,
  notFound,
} from '../server/http'
import type { Doc, Node } from '../masterdata/mdQuery'
import { parseWhere, QueryError } from '../masterdata/mdQuery'
import type { Scroll } from '../masterdata/mdLimits'
import {
  indexedFields,
  SCROLL_PAGE_MAX,
  SEARCH_PAGE_MAX,
  SEARCH_WINDOW,
  sortFields,
  whereFields,
} from '../masterdata/mdLimits'
import { ajv, BASE, objectBody, project, spec } from './masterdata'

/** Master Data v2 search (REST-Range paging), scroll (X-VTEX-MD-TOKEN) and schemas; limits in masterdata/mdLimits.ts. */

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

/** Counts the fields a read filters or sorts on that the entity's schema does not index. */
function checkIndexed(ctx: Ctx, where: Node | null, sort: string | null) {
  const { md } = ctx.emu.state
  const indexed = indexedFields(
    md.entity(ctx.params.entity).schemas,
    ctx.query.get('_schema')
  )

  if (indexed)
    md.limits.countUnindexed(
      ctx.params.entity,
      [...whereFields(where), ...sortFields(sort)],
      indexed
    )
}

/** Master Data's error body (`{"Message"}`, as the spec's 400 examples). */
const mdError = (status: number, message: string) =>
  json(status, { Message: message })

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

  return {
    from,
    to: Math.max(from, Math.min(to, from + SEARCH_PAGE_MAX, SEARCH_WINDOW)),
  }
}

function search(ctx: Ctx) {
  const entity = ctx.emu.state.md.entity(ctx.params.entity)
  const { from, to } = rangeOf(ctx)

  // Past the search window only scroll reaches documents (status and body: see emulator/README.md).
  if (from >= SEARCH_WINDOW)
    return mdError(
      400,
      `The search window is limited to ${SEARCH_WINDOW} documents (asked from ${from}): use scroll to read further`
    )
  const where = whereOf(ctx)
  const sort = ctx.query.get('_sort')

  checkIndexed(ctx, where, sort)
  const { docs, total } = entity.search(where, sort, to)

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
  const token = ctx.query.get('_token')
  let state: Scroll | undefined

  if (token) {
    state = md.limits.scroll(token)
    // The spec's example body for an unknown or expired token.
    if (!state)
      return mdError(400, `Operation not found for this token: '${token}'`)
  } else {
    const where = whereOf(ctx)
    const sort = ctx.query.get('_sort')
    const fields = ctx.query.get('_fields')
    const size = Math.min(
      SCROLL_PAGE_MAX,
      Math.max(1, intParam(ctx.query.get('_size'), 100))
    )

    const query = JSON.stringify([ctx.query.get('_where'), sort, fields, size])

    if (md.limits.openScroll(ctx.params.entity, query))
      return mdError(
        400,
        'A scroll of this query is still open: finish it or wait until its token expires'
      )
    checkIndexed(ctx, where, sort)
    const { docs } = md.entity(ctx.params.entity).search(where, sort)

    state = {
      ids: docs.map((d) => String(d.id)),
      pos: 0,
      size,
      fields,
      entity: ctx.params.entity,
      query,
      lastUsed: md.limits.now(),
    }
  }

  const current = state
  const newToken = token ?? randomUUID().replace(/-/g, '')
  const entity = md.entity(current.entity)
  const ids = current.ids.slice(current.pos, current.pos + current.size)

  current.pos += ids.length
  // An empty page ends the scroll and frees its token, as VTEX documents.
  if (ids.length === 0) md.limits.scrolls.delete(newToken)
  else md.limits.scrolls.set(newToken, current)
  const page = ids.map((id) => entity.docs.get(id)).filter((d): d is Doc => !!d)

  return json(
    200,
    page.map((d) => project(ctx, d, current.fields, current.entity)),
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
