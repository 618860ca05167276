/** Shared by the security suites: the schema's root fields and a sample call for each. */
import fs from 'fs'
import path from 'path'

import type {
  FieldDefinitionNode,
  InputValueDefinitionNode,
  TypeNode,
} from '../../node/node_modules/graphql'
// graphql is the service's dependency (node/), the version the worker parses the schema with.
import { Kind, parse } from '../../node/node_modules/graphql'
import type { Emulator } from '../support/emulator'
import { control } from '../support/emulator'

const SCHEMA = path.resolve(__dirname, '..', '..', 'graphql', 'schema.graphql')

export interface RootField {
  operation: 'query' | 'mutation'
  name: string
  args: InputValueDefinitionNode[]
  returnsObject: boolean
}

const SCALARS = new Set(['ID', 'String', 'Int', 'Float', 'Boolean'])

export function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type)
}

/** Every root Query and Mutation field, read from graphql/schema.graphql. */
export function rootFields(): RootField[] {
  const doc = parse(fs.readFileSync(SCHEMA, 'utf8'))
  const enums = new Set<string>()
  const fields: RootField[] = []

  for (const def of doc.definitions) {
    if (def.kind === Kind.ENUM_TYPE_DEFINITION) enums.add(def.name.value)
  }

  for (const def of doc.definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION) continue
    const operation =
      def.name.value === 'Query'
        ? 'query'
        : def.name.value === 'Mutation'
        ? 'mutation'
        : null

    if (!operation) continue
    for (const field of def.fields ?? ([] as readonly FieldDefinitionNode[])) {
      const type = namedType(field.type)

      fields.push({
        operation,
        name: field.name.value,
        args: [...(field.arguments ?? [])],
        returnsObject: !SCALARS.has(type) && !enums.has(type),
      })
    }
  }

  return fields
}

export function printType(type: TypeNode): string {
  if (type.kind === Kind.NAMED_TYPE) return type.name.value
  if (type.kind === Kind.LIST_TYPE) return `[${printType(type.type)}]`

  return `${printType(type.type)}!`
}

/** One operation calling `field` with every argument it declares, bound to variables. */
export function operationFor(field: RootField) {
  const vars = field.args.map((a) => `$${a.name.value}: ${printType(a.type)}`)
  const call = field.args.map((a) => `${a.name.value}: $${a.name.value}`)

  return `${field.operation}${vars.length ? ` (${vars.join(', ')})` : ''} {
    ${field.name}${call.length ? `(${call.join(', ')})` : ''}${
    field.returnsObject ? ' { __typename }' : ''
  }
  }`
}

/** Calls that write: a refused request must not make any of them. */
export async function writes(emulator: Pick<Emulator, 'url'>) {
  const { body } = await control(emulator, 'GET', '/counters')
  const { endpoints } = body as { endpoints: Record<string, number> }

  return Object.entries(endpoints)
    .filter(([key]) => !/ (GET|HEAD) /.test(key) && !key.startsWith('identity'))
    .reduce((sum, [, n]) => sum + n, 0)
}

export interface GqlError {
  message: string
  extensions?: {
    code?: string
    exception?: { status?: number; code?: string }
  }
}

export const statusOf = (e: GqlError) => e.extensions?.exception?.status

/** The error's code as the admin reads it (apollo's `extensions.code`). */
export const codeOf = (e: GqlError) => e.extensions?.code

/** The write count once nothing has written for `ms` (background sweeps and retries settled). */
export async function settledWrites(emulator: Pick<Emulator, 'url'>, ms = 400) {
  let last = await writes(emulator)

  for (let i = 0; i < 50; i++) {
    await new Promise((r) => setTimeout(r, ms))
    const now = await writes(emulator)

    if (now === last) return now
    last = now
  }

  throw new Error('the worker kept writing')
}
