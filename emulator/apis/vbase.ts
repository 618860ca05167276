import { gunzipSync } from 'node:zlib'

import type { Ctx, RouteDef } from '../server/http'
import { byText, empty, error, header, intParam, json } from '../server/http'
import type { VBaseFile } from '../world/types'

const BUCKET = '/vbase/v2/{account}/{workspace}/buckets/{app}/{bucket}'

function bucketOf(
  ctx: Ctx,
  create: boolean
): Map<string, VBaseFile> | undefined {
  const { account, workspace, app, bucket } = ctx.params
  // The app segment may carry a version (vendor.app@1.x); files belong to the app name.
  const key = `${account}/${workspace}/${app.split('@')[0]}/${bucket}`
  let files = ctx.emu.state.vbase.get(key)

  if (!files && create) {
    files = new Map()
    ctx.emu.state.vbase.set(key, files)
  }

  return files
}

const bare = (tag: string) =>
  tag
    .trim()
    .replace(/^W\//, '')
    .replace(/^"(.*)"$/, '$1')

const tagList = (value: string) => value.split(',').map(bare)

/**
 * If-Match / If-None-Match, evaluated in the same synchronous step as the write, so two
 * racing writers with the same ETag get exactly one success and one 412.
 */
function preconditionFails(ctx: Ctx, existing: VBaseFile | undefined): boolean {
  const ifMatch = header(ctx, 'if-match')
  const ifNoneMatch = header(ctx, 'if-none-match')

  if (ifNoneMatch !== undefined) {
    if (
      ifNoneMatch.trim() === '*'
        ? !!existing
        : !!existing && tagList(ifNoneMatch).includes(bare(existing.etag))
    )
      return true
  }

  if (ifMatch !== undefined) {
    if (!existing) return true
    if (
      ifMatch.trim() !== '*' &&
      !tagList(ifMatch).includes(bare(existing.etag))
    )
      return true
  }

  return false
}

const precondition = () =>
  error(
    412,
    'PreconditionFailed',
    'The file was changed by someone else (ETag mismatch)'
  )

const fileHeaders = (f: VBaseFile) => ({
  etag: f.etag,
  'last-modified': f.lastModified,
  'content-type': f.contentType,
})

function getFile(ctx: Ctx) {
  const file = bucketOf(ctx, false)?.get(ctx.params.path)

  if (!file)
    return error(404, 'FileNotFound', `File ${ctx.params.path} not found`)
  const inm = header(ctx, 'if-none-match')

  if (inm && tagList(inm).includes(bare(file.etag)))
    return { status: 304, headers: { etag: file.etag } }

  return { status: 200, raw: file.body, headers: fileHeaders(file) }
}

function putFile(ctx: Ctx) {
  const files = bucketOf(ctx, true) as Map<string, VBaseFile>
  const { path } = ctx.params
  let { body } = ctx

  if (/gzip/i.test(header(ctx, 'content-encoding') ?? '')) {
    try {
      body = gunzipSync(body)
    } catch {
      return error(400, 'BadRequest', 'Body is not valid gzip')
    }
  }

  if (preconditionFails(ctx, files.get(path))) return precondition()
  const file: VBaseFile = {
    body,
    contentType: header(ctx, 'content-type') ?? 'application/octet-stream',
    etag: ctx.emu.state.nextEtag(),
    lastModified: new Date().toUTCString(),
  }

  files.set(path, file)
  ctx.emu.onChange()

  return json(200, [{ path, hash: bare(file.etag) }], { etag: file.etag })
}

function deleteFile(ctx: Ctx) {
  const files = bucketOf(ctx, false)
  const existing = files?.get(ctx.params.path)

  if (preconditionFails(ctx, existing)) return precondition()
  if (!files || !existing)
    return error(404, 'FileNotFound', `File ${ctx.params.path} not found`)
  files.delete(ctx.params.path)
  ctx.emu.onChange()

  return empty(204)
}

/** listFiles: `{ data: [{path, hash}], next }`, sorted by path; `next` is the last path returned. */
function listFiles(ctx: Ctx) {
  const files = bucketOf(ctx, false) ?? new Map<string, VBaseFile>()
  const prefix = ctx.query.get('prefix') ?? ''
  const after = ctx.query.get('_next') ?? ctx.query.get('next') ?? ''
  const limit = Math.max(
    1,
    intParam(ctx.query.get('limit') ?? ctx.query.get('_limit'), 1000)
  )

  const paths = Array.from(files.keys())
    .filter((p) => p.startsWith(prefix) && (!after || p > after))
    .sort(byText)

  const page = paths.slice(0, limit)
  const next = paths.length > limit ? page[page.length - 1] : undefined

  return json(200, {
    data: page.map((path) => ({
      path,
      hash: bare((files.get(path) as VBaseFile).etag),
    })),
    ...(next ? { next } : {}),
  })
}

export const vbaseRoutes: RouteDef[] = [
  {
    api: 'storage',
    method: 'GET',
    template: `${BUCKET}/files`,
    handler: listFiles,
  },
  {
    api: 'storage',
    method: 'DELETE',
    template: `${BUCKET}/files`,
    handler: (ctx) => {
      bucketOf(ctx, false)?.clear()
      ctx.emu.onChange()

      return empty(204)
    },
  },
  {
    api: 'storage',
    method: 'HEAD',
    template: `${BUCKET}/files/{path*}`,
    handler: getFile,
  },
  {
    api: 'storage',
    method: 'GET',
    template: `${BUCKET}/files/{path*}`,
    handler: getFile,
  },
  {
    api: 'storage',
    method: 'PUT',
    template: `${BUCKET}/files/{path*}`,
    handler: putFile,
  },
  {
    api: 'storage',
    method: 'DELETE',
    template: `${BUCKET}/files/{path*}`,
    handler: deleteFile,
  },
  {
    api: 'storage',
    method: 'GET',
    template: BUCKET,
    handler: (ctx) => {
      const files = bucketOf(ctx, false)

      return json(200, {
        state: 'ok',
        lastModified: new Date().toUTCString(),
        hash: String(files?.size ?? 0),
      })
    },
  },
]
