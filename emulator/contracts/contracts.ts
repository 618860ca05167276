import fs from 'node:fs'
import path from 'node:path'

import Ajv from 'ajv'
import type { ErrorObject, ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'

import { LENIENT } from './contractsLenient'

export { LENIENT } from './contractsLenient'

/**
 * Validates bodies against VTEX's published OpenAPI 3 files (/work/shared/vtex-openapi, or
 * $VTEX_OPENAPI_DIR). Schemas are dereferenced here (cycles become `{}`), patched where the
 * spec itself is known to be wrong (see LENIENT), and compiled once with ajv.
 */

export const SPEC_DIR =
  process.env.VTEX_OPENAPI_DIR ??
  path.resolve(__dirname, '../../../shared/vtex-openapi')

/** File name (without `VTEX - ` and `.json`) -> the prefix its paths get in a real URL. */
const SPECS: Record<string, string> = {
  'Catalog API': '',
  'Logistics API': '',
  'Pricing API': '',
  'Master Data API - v2': '',
  'SKU Bindings API': '/api',
  'Marketplace APIs': '/api',
  'Checkout API': '',
  'Marketplace Protocol - External Seller Fulfillment': '',
}

export interface OperationRef {
  file: string
  path: string
}

export interface Outcome {
  valid: boolean
  errors: ErrorObject[]
  operation: string
}

type Schema = Record<string, unknown>

interface Loaded {
  doc: Record<string, unknown>
  prefix: string
  matchers: Array<{
    method: string
    path: string
    regex: RegExp
    params: number
  }>
}

const loaded = new Map<string, Loaded | null>()
const compiled = new Map<string, ValidateFunction | null>()
const ajv = new Ajv({ strict: false, allErrors: true, logger: false })

addFormats(ajv)

function load(file: string): Loaded | null {
  if (loaded.has(file)) return loaded.get(file) ?? null
  let result: Loaded | null = null
  const full = path.join(SPEC_DIR, `VTEX - ${file}.json`)

  if (fs.existsSync(full)) {
    const doc = JSON.parse(fs.readFileSync(full, 'utf8')) as Record<
      string,
      unknown
    >

    const paths = (doc.paths ?? {}) as Record<string, Record<string, unknown>>
    const prefix = SPECS[file] ?? ''
    const matchers = Object.entries(paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((method) => ({
        method: method.toUpperCase(),
        path: p,
        params: (p.match(/\{/g) ?? []).length,
        regex: new RegExp(
          `^${(prefix + p)
            .split('/')
            .map((s) =>
              /\{.+\}/.test(s)
                ? s
                    .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
                    .replace(/\\?\{[^}]+\\?\}/g, '[^/]+')
                : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
            )
            .join('/')}/?$`,
          'i'
        ),
      }))
    )

    matchers.sort((a, b) => a.params - b.params)
    result = { doc, prefix, matchers }
  }

  loaded.set(file, result)

  return result
}

function deref(
  doc: Record<string, unknown>,
  node: unknown,
  stack: string[] = []
): unknown {
  if (Array.isArray(node)) return node.map((item) => deref(doc, item, stack))
  if (!node || typeof node !== 'object') return node
  const ref = (node as { $ref?: unknown }).$ref

  if (typeof ref === 'string') {
    if (stack.includes(ref) || !ref.startsWith('#/')) return {}
    const target = ref
      .slice(2)
      .split('/')
      .reduce<unknown>(
        (at, key) =>
          (at as Record<string, unknown>)?.[
            key.replace(/~1/g, '/').replace(/~0/g, '~')
          ],
        doc
      )

    return deref(doc, target, [...stack, ref])
  }

  const out: Record<string, unknown> = {}

  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (key === 'example' || key === 'examples' || key === 'description')
      continue
    out[key] = deref(doc, value, stack)
  }

  return out
}

/** Which spec operation a URL (absolute or path; `?an=` and api.vtex.com/{account} allowed) is. */
export function findOperation(
  method: string,
  url: string
): OperationRef | null {
  let p = /^https?:\/\//i.test(url) ? new URL(url).pathname : url.split('?')[0]

  p = p.replace(/^\/[^/]+(\/pricing(\/|$))/, '$1')
  if (/^\/api\/fulfillment\/pvt\/orderForms\/simulation\/?$/i.test(p)) {
    return {
      file: 'Marketplace Protocol - External Seller Fulfillment',
      path: '/pvt/orderForms/simulation',
    }
  }

  for (const file of Object.keys(SPECS)) {
    const spec = load(file)
    const hit = spec?.matchers.find(
      (m) => m.method === method.toUpperCase() && m.regex.test(p)
    )

    if (hit) return { file, path: hit.path }
  }

  return null
}

function validator(
  ref: OperationRef,
  method: string,
  status: string
): ValidateFunction | null {
  const key = `${ref.file} ${method.toUpperCase()} ${ref.path} ${status}`

  if (compiled.has(key)) return compiled.get(key) ?? null
  let fn: ValidateFunction | null = null
  const spec = load(ref.file)
  const op = (
    spec?.doc.paths as
      | Record<string, Record<string, Record<string, unknown>>>
      | undefined
  )?.[ref.path]?.[method.toLowerCase()]

  if (spec && op) {
    const holder =
      status === 'request'
        ? (deref(spec.doc, op.requestBody) as Schema | undefined)
        : (deref(
            spec.doc,
            (op.responses as Record<string, unknown> | undefined)?.[status]
          ) as Schema | undefined)

    const content = holder?.content as
      | Record<string, { schema?: Schema }>
      | undefined

    const media =
      content && (content['application/json'] ?? Object.values(content)[0])

    let schema = media?.schema

    if (schema) {
      const lenient = LENIENT[key]

      if (lenient) schema = lenient.patch(schema)
      fn = ajv.compile(JSON.parse(JSON.stringify(schema)))
    }
  }

  compiled.set(key, fn)

  return fn
}

function run(
  method: string,
  target: string | OperationRef,
  status: string,
  body: unknown
): Outcome | null {
  const ref =
    typeof target === 'string' ? findOperation(method, target) : target

  if (!ref) return null
  const fn = validator(ref, method, status)

  if (!fn) return null
  const valid = fn(body) as boolean

  return {
    valid,
    errors: valid ? [] : fn.errors ?? [],
    operation: `${ref.file} ${method.toUpperCase()} ${ref.path}`,
  }
}

/** Validates a request body; null when the spec has no request schema for that operation. */
export function validateRequestBody(
  method: string,
  url: string | OperationRef,
  body: unknown
): Outcome | null {
  return run(method, url, 'request', body)
}

/** Validates a response body for a status; null when the spec has no schema for it. */
export function validateResponseBody(
  method: string,
  url: string | OperationRef,
  status: number,
  body: unknown
): Outcome | null {
  return run(method, url, String(status), body)
}
