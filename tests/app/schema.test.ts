/**
 * The admin API as the graphql builder 2.x receives it: every root field carries @vtex/api's own
 * @auth, PRIVATE, for the one License Manager pair the private route checks too.
 */
import fs from 'fs'
import path from 'path'

import type { DirectiveNode } from '../../node/node_modules/graphql'
import { Kind, parse } from '../../node/node_modules/graphql'
import { ADMIN_RESOURCE } from '../../node/services/operator/adminUser'

const root = path.resolve(__dirname, '..', '..')
const graphqlDir = path.join(root, 'graphql')

const argsOf = (directive: DirectiveNode) =>
  Object.fromEntries(
    (directive.arguments ?? []).map((a) => [
      a.name.value,
      a.value.kind === Kind.STRING || a.value.kind === Kind.ENUM
        ? a.value.value
        : null,
    ])
  )

function rootFieldDirectives() {
  const doc = parse(
    fs.readFileSync(path.join(graphqlDir, 'schema.graphql'), 'utf8')
  )

  return doc.definitions.flatMap((def) =>
    (def.kind === Kind.OBJECT_TYPE_DEFINITION ||
      def.kind === Kind.OBJECT_TYPE_EXTENSION) &&
    ['Query', 'Mutation'].includes(def.name.value)
      ? (def.fields ?? []).map((field) => ({
          field: `${def.name.value}.${field.name.value}`,
          auth: (field.directives ?? [])
            .filter((d) => d.name.value === 'auth')
            .map(argsOf),
        }))
      : []
  )
}

describe('given graphql/schema.graphql', () => {
  const fields = rootFieldDirectives()

  it('should have queries and mutations to check', () => {
    expect(
      fields.filter((f) => f.field.startsWith('Query.')).length
    ).toBeGreaterThan(5)
    expect(
      fields.filter((f) => f.field.startsWith('Mutation.')).length
    ).toBeGreaterThan(5)
  })

  it.each(fields.map((f) => [f.field, f] as const))(
    "should put @auth(scope: PRIVATE) with the operators' pair on %s",
    (_name, { auth }) => {
      expect(auth).toEqual([{ scope: 'PRIVATE', ...ADMIN_RESOURCE }])
    }
  )

  it("should declare no directive of its own: @auth and @cacheControl are @vtex/api's", () => {
    for (const file of fs.readdirSync(graphqlDir)) {
      expect([
        file,
        /^\s*directive\s+@/m.test(
          fs.readFileSync(path.join(graphqlDir, file), 'utf8')
        ),
      ]).toEqual([file, false])
    }
  })
})

describe('given manifest.json', () => {
  it('should build the schema with graphql 2.x and keep no admin role in settings', () => {
    const manifest = JSON.parse(
      fs.readFileSync(path.join(root, 'manifest.json'), 'utf8')
    )

    expect(manifest.builders.graphql).toBe('2.x')
    expect(
      Object.keys(manifest.settingsSchema?.properties ?? {}).filter((k) =>
        /admin|product|resource/i.test(k)
      )
    ).toEqual([])
  })
})
