/**
 * An in-process stand-in for @vtex/api's MasterData client over the emulator's own Master Data
 * engine (its `_where` parser, matching and `_sort` order, emulator/masterdata/): the adapter's
 * queries run as the emulator runs them, without a worker. Counts the writes per entity.
 */
import { Entity } from '../../emulator/masterdata/mdStore'
import { parseWhere } from '../../emulator/masterdata/mdQuery'
import type { Doc } from '../../emulator/masterdata/mdQuery'
import { ProcessMemory } from '../../node/memory/processMemory'
import type { Projection } from '../../node/services/projection/projection'

/** @vtex/api's MasterData client, as the projection takes it. */
type MasterData = ConstructorParameters<typeof Projection>[0]

const pick = (doc: Doc, fields: string[] | undefined): Doc =>
  fields
    ? Object.fromEntries(
        ['id', ...fields].filter((f) => f in doc).map((f) => [f, doc[f]])
      )
    : doc

export function fakeMasterData(workspace = 'master') {
  const entities = new Map<string, Entity>()
  const writes: string[] = []
  const entity = (name: string) => {
    let e = entities.get(name)

    if (!e) {
      e = new Entity()
      entities.set(name, e)
    }

    return e
  }

  const scrolls = new Map<string, Doc[]>()
  let tokens = 0

  const md = {
    context: { account: 'fakeaccount', workspace },
    options: { memory: new ProcessMemory() },
    createOrUpdateSchema: async () => undefined,
    createOrUpdateEntireDocument: async (args: {
      dataEntity: string
      id: string
      fields: Doc
    }) => {
      writes.push(`PUT ${args.dataEntity} ${args.id}`)
      entity(args.dataEntity).put(args.id, { ...args.fields, id: args.id })
    },
    // "Create partial document": the fields sent over the stored ones (or a new document).
    createOrUpdatePartialDocument: async (args: {
      dataEntity: string
      id: string
      fields: Doc
    }) => {
      writes.push(`PATCH ${args.dataEntity} ${args.id}`)
      const stored = entity(args.dataEntity).docs.get(args.id)

      entity(args.dataEntity).put(args.id, {
        ...(stored ?? {}),
        ...args.fields,
        id: args.id,
      })
    },
    deleteDocument: async (args: { dataEntity: string; id: string }) => {
      writes.push(`DELETE ${args.dataEntity} ${args.id}`)
      entity(args.dataEntity).delete(args.id)
    },
    searchDocumentsWithPaginationInfo: async (args: {
      dataEntity: string
      where?: string
      fields?: string[]
      sort?: string
      pagination: { page: number; pageSize: number }
    }) => {
      const { page, pageSize } = args.pagination
      const { docs, total } = entity(args.dataEntity).search(
        args.where ? parseWhere(args.where) : null,
        args.sort ?? null,
        page * pageSize
      )

      return {
        data: docs
          .slice((page - 1) * pageSize, page * pageSize)
          .map((d) => pick(d, args.fields)),
        pagination: { total, page, pageSize },
      }
    },
    scrollDocuments: async (args: {
      dataEntity: string
      where?: string
      sort?: string
      fields?: string[]
      size: number
      mdToken?: string
    }) => {
      let token = args.mdToken

      if (!token) {
        token = `t${++tokens}`
        scrolls.set(
          token,
          entity(args.dataEntity).search(
            args.where ? parseWhere(args.where) : null,
            args.sort ?? null
          ).docs
        )
      }

      const left = scrolls.get(token) ?? []

      scrolls.set(token, left.slice(args.size))

      return {
        data: left.slice(0, args.size).map((d) => pick(d, args.fields)),
        mdToken: token,
      }
    },
  }

  return { md: md as unknown as MasterData, entity, writes }
}
