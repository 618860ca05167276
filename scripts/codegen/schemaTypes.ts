/**
 * graphql/schema.graphql as TypeScript types, with the graphql 14 the IO builders pin
 * (graphql-codegen's loaders need graphql 15 or later). One declaration per schema type, in the
 * schema's order: enums as unions of their values, objects, interfaces and inputs as object
 * types (a nullable field is `T | null`; on an input it is also optional), and each root field's
 * arguments as `<Root><Field>Args`. Type aliases rather than interfaces, as graphql-codegen
 * makes them: an alias fits where a Record is asked (react-intl's message values). Directives (@auth, @cacheControl...) belong to the runtime
 * and do not change a shape, so the schema is read without knowing them (assumeValidSDL).
 */
import type {
  GraphQLArgument,
  GraphQLField,
  GraphQLInputField,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLType,
} from 'graphql'
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql'

/** Built-in scalars; a custom one is `unknown` unless named here (the wire gives JSON). */
export const SCALARS: Record<string, string> = {
  ID: 'string',
  String: 'string',
  Int: 'number',
  Float: 'number',
  Boolean: 'boolean',
}

const ROOTS = ['Query', 'Mutation', 'Subscription']

export interface GenerateOptions {
  /** The header's first line: where the text comes from and how to make it again. */
  header: string
  scalars?: Record<string, string>
}

function doc(description: string | null | undefined, indent = '') {
  if (!description) return ''
  const lines = description.replace(/\*\//g, '*\\/').split('\n')

  return lines.length === 1
    ? `${indent}/** ${lines[0]} */\n`
    : `${indent}/**\n${lines
        .map((line) => `${indent} *${line ? ` ${line}` : ''}`)
        .join('\n')}\n${indent} */\n`
}

function tsType(type: GraphQLType): string {
  const inner = isNonNullType(type) ? type.ofType : type
  let ts: string

  if (isListType(inner)) {
    const item = tsType(inner.ofType)

    // As the lint's array-type rule wants: T[] for a name, Array<T | null> otherwise.
    ts = /^\w+$/.test(item) ? `${item}[]` : `Array<${item}>`
  } else {
    ts = (isScalarType(inner) && SCALARS[inner.name]) || inner.name
  }

  return isNonNullType(type) ? ts : `${ts} | null`
}

const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1)

function inputFields(
  fields: ReadonlyArray<GraphQLInputField | GraphQLArgument>
) {
  return fields
    .map(
      (field) =>
        `${doc(field.description, '  ')}  ${field.name}${
          isNonNullType(field.type) ? '' : '?'
        }: ${tsType(field.type)}\n`
    )
    .join('')
}

function outputFields(fields: Array<GraphQLField<unknown, unknown>>) {
  return fields
    .map(
      (field) =>
        `${doc(field.description, '  ')}  ${field.name}: ${tsType(
          field.type
        )}\n`
    )
    .join('')
}

function rootArgs(root: GraphQLObjectType) {
  return Object.values(root.getFields())
    .filter((field) => field.args.length > 0)
    .map(
      (field) =>
        `export type ${root.name}${pascal(field.name)}Args = {\n${inputFields(
          field.args
        )}}\n`
    )
}

function declaration(
  type: GraphQLNamedType,
  scalars: Record<string, string>
): string[] {
  const head = doc(type.description)

  if (isScalarType(type)) {
    return SCALARS[type.name]
      ? []
      : [
          `${head}export type ${type.name} = ${
            scalars[type.name] ?? 'unknown'
          }\n`,
        ]
  }

  if (isEnumType(type)) {
    return [
      `${head}export type ${type.name} =\n${type
        .getValues()
        .map((value) => `${doc(value.description, '  ')}  | '${value.name}'`)
        .join('\n')}\n`,
    ]
  }

  if (isUnionType(type)) {
    return [
      `${head}export type ${type.name} = ${type
        .getTypes()
        .map((member) => member.name)
        .join(' | ')}\n`,
    ]
  }

  if (isInputObjectType(type)) {
    return [
      `${head}export type ${type.name} = {\n${inputFields(
        Object.values(type.getFields())
      )}}\n`,
    ]
  }

  if (isObjectType(type) && ROOTS.includes(type.name)) {
    return rootArgs(type)
  }

  if (isObjectType(type) || isInterfaceType(type)) {
    const extended =
      isObjectType(type) && type.getInterfaces().length
        ? `${type
            .getInterfaces()
            .map((i) => i.name)
            .join(' & ')} & `
        : ''

    return [
      `${head}export type ${type.name} = ${extended}{\n${outputFields(
        Object.values(type.getFields())
      )}}\n`,
    ]
  }

  throw new Error(`schema type ${String(type)} has no TypeScript form`)
}

/** The declarations as text (before formatting), in the schema's own order. */
export function schemaTypes(sdl: string, options: GenerateOptions): string {
  const schema = buildSchema(sdl, { assumeValidSDL: true })
  const scalars = { ...SCALARS, ...options.scalars }
  const named = Object.values(schema.getTypeMap()).filter(
    (type) => !type.name.startsWith('__')
  )

  // The type map lists a root's referenced types before the root; the schema's own order reads
  // better, so sort by where each type is declared.
  const at = (type: GraphQLNamedType) =>
    type.astNode?.loc?.start ?? Number.MAX_SAFE_INTEGER

  const body = [...named]
    .sort((a, b) => at(a) - at(b))
    .flatMap((type) => declaration(type, scalars))

  return `${options.header}\n\n${body.join('\n')}`
}
