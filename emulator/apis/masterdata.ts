import { randomUUID } from 'node:crypto'

import Ajv from 'ajv'
import type { ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'

import type { Ctx, RouteDef } from '../http'
import {
  badRequest,
  bodyOf,
  empty,
  error,
  header,
  intParam,
  isObject,
  json,
  notFound,
} from '../http'
import type { Doc, Node } from '../mdQuery'
import { parseWhere, QueryError } from '../mdQuery'
import type { MdStore } from '../mdStore'

const spec = (path: string) => ({ file: 'Master Data API - v2', path })
const BASE = '/api/dataentities/{entity}'
const SYSTEM = [
  'id',
  'createdIn',
  'updatedIn',
  'lastInteractionIn',
  'dataInstanceId',
]
const ajv = new Ajv({ strict: false, allErrors: true, logger: false })

addFormats(ajv)
const validators = new WeakMap<Record<string, unknown>, ValidateFunction>()

interface Scroll {
  ids: string[]
  pos: number
  size: number
  fields: string | null
  entity: string
}
const scrolls = new WeakMap<MdStore, Map<string, Scroll>>()

/** `_fields`: absent -> only `id` (MD v2's default), `_all` -> everything incl. system fields. */
function project(
  ctx: Ctx,
  doc: Doc,
  fields: string | null,
  entity: string
): Doc {
  if (!fields) return { id: doc.id }
  const all = {
    id: doc.id,
    accountId: 'a1b2c3d4-0000-4000-8000-000000000001',
    accountName: ctx.account,
    dataEntityId: entity,
    ...doc,
  }

  if (fields.split(',').some((f) => f.trim() === '_all')) return all
  const out: Doc = {}

  for (const name of fields
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean)) {
    const dot = name.indexOf('.')

    if (dot < 0) {
      if (name in all) out[name] = (all as Doc)[name]
    } else {
      const parent = (all as Doc)[name.slice(0, dot)]

      if (isObject(parent)) {
        const holder = (out[name.slice(0, dot)] ?? {}) as Doc

        holder[name.slice(dot + 1)] = parent[name.slice(dot + 1)]
        out[name.slice(0, dot)] = holder
      }
    }
  }

  return out
}

function checkSchema(ctx: Ctx, doc: Doc) {
  const name = ctx.query.get('_schema')
  const schema = name
    ? ctx.emu.state.md.entity(ctx.params.entity).schemas.get(name)
    : undefined

  if (!schema) return
  let validate = validators.get(schema)

  if (!validate) {
    const { $schema, ...rest } = schema

    validate = ajv.compile(rest)
    validators.set(schema, validate)
  }

  if (!validate(doc))
    throw error(400, 'SchemaValidation', ajv.errorsText(validate.errors))
}

function userFields(body: Record<string, unknown>): Doc {
  return Object.fromEntries(
    Object.entries(body).filter(
      ([k]) =>
        !SYSTEM.includes(k) &&
        k !== 'accountId' &&
        k !== 'accountName' &&
        k !== 'dataEntityId'
    )
  )
}

/** Creates or updates one document; `merge` keeps the fields the body does not send. */
function write(
  ctx: Ctx,
  id: string,
  body: Record<string, unknown>,
  merge: boolean
): string {
  const entity = ctx.emu.state.md.entity(ctx.params.entity)
  const previous = entity.docs.get(id)
  const now = new Date().toISOString()
  const doc: Doc = {
    ...(merge && previous ? previous : {}),
    ...userFields(body),
    id,
    createdIn: previous?.createdIn ?? now,
    updatedIn: now,
    lastInteractionIn: now,
    dataInstanceId: previous?.dataInstanceId ?? randomUUID(),
  }

  checkSchema(ctx, doc)
  entity.put(id, doc)
  ctx.emu.onChange()

  return id
}

function created(ctx: Ctx, id: string, status: number) {
  const { entity } = ctx.params

  return json(status, {
    Id: `${entity}-${id}`,
    Href: `http://${ctx.account}.vtexcommercestable.com.br/api/dataentities/${entity}/documents/${id}`,
    DocumentId: id,
  })
}

function objectBody(ctx: Ctx): Record<string, unknown> {
  const body = bodyOf(ctx)

  if (!isObject(body)) throw badRequest('Expected a JSON object body')

  return body
}

const idOf = (body: Record<string, unknown>) =>
  body.id == null || body.id === '' ? randomUUID() : String(body.id)

/** `_where` plus the simple `field=value` query form, AND-ed together. */
function whereOf(ctx: Ctx): Node | null {
  const parts: Node[] = []
  const where = ctx.query.get('_where')

  try {
    if (where) parts.push(parseWhere(where))
  } catch (err) {
    if (err instanceof QueryError) throw badRequest(err.message)
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
  const docs = entity.search(whereOf(ctx), ctx.query.get('_sort'))
  const { from, to } = rangeOf(ctx)
  const page = docs.slice(from, to)
  const fields = ctx.query.get('_fields')

  return json(
    200,
    page.map((d) => project(ctx, d, fields, ctx.params.entity)),
    {
      'rest-content-range': `resources ${from}-${from + page.length}/${
        docs.length
      }`,
    }
  )
}

function scroll(ctx: Ctx) {
  const md = ctx.emu.state.md
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
    const docs = entity.search(whereOf(ctx), ctx.query.get('_sort'))

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

export const masterdataRoutes: RouteDef[] = [
  {
    api: 'masterdata',
    method: 'POST',
    template: `${BASE}/documents`,
    spec: spec('/api/dataentities/{dataEntityName}/documents'),
    handler: (ctx) => {
      const body = objectBody(ctx)

      return created(ctx, write(ctx, idOf(body), body, false), 201)
    },
  },
  {
    api: 'masterdata',
    method: 'PUT',
    template: `${BASE}/documents`,
    handler: (ctx) => {
      const body = objectBody(ctx)

      return created(ctx, write(ctx, idOf(body), body, false), 200)
    },
  },
  {
    api: 'masterdata',
    method: 'PATCH',
    template: `${BASE}/documents`,
    spec: spec('/api/dataentities/{dataEntityName}/documents'),
    handler: (ctx) => {
      const body = objectBody(ctx)

      return created(ctx, write(ctx, idOf(body), body, true), 200)
    },
  },
  {
    api: 'masterdata',
    method: 'GET',
    template: `${BASE}/documents/{id}`,
    spec: spec('/api/dataentities/{dataEntityName}/documents/{id}'),
    handler: (ctx) => {
      const doc = ctx.emu.state.md
        .entity(ctx.params.entity)
        .docs.get(ctx.params.id)

      return doc
        ? json(
            200,
            project(ctx, doc, ctx.query.get('_fields'), ctx.params.entity)
          )
        : notFound(`Document ${ctx.params.id}`)
    },
  },
  {
    api: 'masterdata',
    method: 'PUT',
    template: `${BASE}/documents/{id}`,
    spec: spec('/api/dataentities/{dataEntityName}/documents/{id}'),
    handler: (ctx) => (
      write(ctx, ctx.params.id, objectBody(ctx), false), empty(204)
    ),
  },
  {
    api: 'masterdata',
    method: 'PATCH',
    template: `${BASE}/documents/{id}`,
    spec: spec('/api/dataentities/{dataEntityName}/documents/{id}'),
    handler: (ctx) => (
      write(ctx, ctx.params.id, objectBody(ctx), true), empty(204)
    ),
  },
  {
    api: 'masterdata',
    method: 'DELETE',
    template: `${BASE}/documents/{id}`,
    spec: spec('/api/dataentities/{dataEntityName}/documents/{id}'),
    handler: (ctx) => {
      if (!ctx.emu.state.md.entity(ctx.params.entity).delete(ctx.params.id))
        return notFound(`Document ${ctx.params.id}`)
      ctx.emu.onChange()

      return empty(204)
    },
  },
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
