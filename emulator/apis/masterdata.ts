import { randomUUID } from 'node:crypto'

import Ajv from 'ajv'
import type { ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'

import type { Ctx, RouteDef } from '../server/http'
import {
  badRequest,
  bodyOf,
  empty,
  error,
  fail,
  isObject,
  json,
  notFound,
} from '../server/http'
import type { Doc } from '../masterdata/mdQuery'

export const spec = (path: string) => ({ file: 'Master Data API - v2', path })
export const BASE = '/api/dataentities/{entity}'
const SYSTEM = [
  'id',
  'createdIn',
  'updatedIn',
  'lastInteractionIn',
  'dataInstanceId',
]

export const ajv = new Ajv({ strict: false, allErrors: true, logger: false })

addFormats(ajv)
const validators = new WeakMap<Record<string, unknown>, ValidateFunction>()

/** `_fields`: absent -> only `id` (MD v2's default), `_all` -> everything incl. system fields. */
export function project(
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

export function checkSchema(ctx: Ctx, doc: Doc) {
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
    fail(error(400, 'SchemaValidation', ajv.errorsText(validate.errors)))
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
export function write(
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

export function created(ctx: Ctx, id: string, status: number) {
  const { entity } = ctx.params

  return json(status, {
    Id: `${entity}-${id}`,
    Href: `http://${ctx.account}.vtexcommercestable.com.br/api/dataentities/${entity}/documents/${id}`,
    DocumentId: id,
  })
}

export function objectBody(ctx: Ctx): Record<string, unknown> {
  const body = bodyOf(ctx)

  if (!isObject(body)) fail(badRequest('Expected a JSON object body'))

  return body
}

export const idOf = (body: Record<string, unknown>) =>
  body.id == null || body.id === '' ? randomUUID() : String(body.id)

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
    handler: (ctx) => {
      write(ctx, ctx.params.id, objectBody(ctx), false)

      return empty(204)
    },
  },
  {
    api: 'masterdata',
    method: 'PATCH',
    template: `${BASE}/documents/{id}`,
    spec: spec('/api/dataentities/{dataEntityName}/documents/{id}'),
    handler: (ctx) => {
      write(ctx, ctx.params.id, objectBody(ctx), true)

      return empty(204)
    },
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
]
