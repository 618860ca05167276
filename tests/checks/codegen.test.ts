/**
 * The schema-types generator (scripts/codegen/) on small schemas, and its --check on a copy of
 * the repository's schema and targets written to a temporary directory.
 */
import fs from 'fs'
import os from 'os'
import path from 'path'

import { generated, stale, TARGETS } from '../../scripts/codegen/main'
import { schemaTypes } from '../../scripts/codegen/schemaTypes'

const gen = (sdl: string, scalars?: Record<string, string>) =>
  schemaTypes(sdl, { header: '// header', scalars }).replace(/\s+/g, ' ')

describe('given the schema-types generator', () => {
  describe('when a root field carries directives the schema does not declare', () => {
    it('should read the schema and give the arguments their type', () => {
      const out = gen(`
        type Query {
          item(id: ID!, page: Int = 1): Item @auth(scope: PRIVATE) @cacheControl(scope: PRIVATE)
        }
        type Item { id: ID! }
      `)

      expect(out).toContain(
        'export type QueryItemArgs = { id: string page?: number | null }'
      )
    })
  })

  describe('when a type has nullable fields, lists and an enum', () => {
    it('should make nullable outputs `| null` and nullable inputs optional', () => {
      const out = gen(`
        type Query { a: A b: B }
        "A thing"
        type A { id: ID! tags: [String!]! score: Float kind: Kind }
        type B { maybe: [Int] }
        input AInput { id: ID! tags: [String!] }
        enum Kind { ONE "second" TWO }
      `)

      expect(out).toContain(
        '/** A thing */ export type A = { id: string tags: string[] score: number | null kind: Kind | null }'
      )
      expect(out).toContain(
        'export type B = { maybe: Array<number | null> | null }'
      )
      expect(out).toContain(
        'export type AInput = { id: string tags?: string[] | null }'
      )
      expect(out).toContain("export type Kind = | 'ONE' /** second */ | 'TWO'")
    })
  })

  describe('when the schema declares a custom scalar', () => {
    it('should alias it to unknown unless told its type', () => {
      const sdl = 'scalar JSON type Query { a: JSON! }'

      expect(gen(sdl)).toContain('export type JSON = unknown')
      expect(gen(sdl, { JSON: 'Record<string, unknown>' })).toContain(
        'export type JSON = Record<string, unknown>'
      )
    })
  })
})

describe('given the committed schema types', () => {
  const made: string[] = []

  afterAll(() =>
    made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }))
  )

  function copy() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'codegen-'))
    const root = path.resolve(__dirname, '..', '..')

    made.push(dir)
    for (const file of ['graphql/schema.graphql', 'package.json', ...TARGETS]) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
      fs.copyFileSync(path.join(root, file), path.join(dir, file))
    }

    return dir
  }

  it('should be what the schema gives', () => {
    expect(stale()).toEqual([])
  })

  describe('when the schema gains a field', () => {
    it('should name both copies as out of date, and accept them made again', () => {
      const dir = copy()
      const schema = path.join(dir, 'graphql/schema.graphql')

      fs.appendFileSync(schema, '\ntype Extra {\n  id: ID!\n}\n')
      expect(stale(dir)).toEqual(TARGETS)

      for (const target of TARGETS) {
        fs.writeFileSync(path.join(dir, target), generated(target, dir))
      }

      expect(stale(dir)).toEqual([])
      expect(fs.readFileSync(path.join(dir, TARGETS[0]), 'utf8')).toContain(
        'export type Extra = {'
      )
    })
  })
})
