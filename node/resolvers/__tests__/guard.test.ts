import type { FragmentDefinitionNode, OperationDefinitionNode } from 'graphql'
import { parse } from 'graphql'

import {
  guardResolvers,
  MAX_ROOT_FIELDS_PER_REQUEST,
  MAX_SKUS_PER_REQUEST,
} from '../guard'
import type { DocumentInfo, GuardedContext } from '../guard'

const ctxOf = (method = 'POST', type: string | false = 'application/json') =>
  ({
    request: { method },
    is: (...types: string[]) => (type && types.includes(type) ? type : false),
    state: {},
  } as GuardedContext)

/** The resolve info of a document's operation, as the executor hands it to each root field. */
function infoOf(document: string): DocumentInfo {
  const doc = parse(document)
  const operation = doc.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition'
  ) as OperationDefinitionNode

  const fragments = Object.fromEntries(
    doc.definitions
      .filter(
        (d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition'
      )
      .map((d) => [d.name.value, d])
  )

  return { operation, fragments }
}

const ONE = infoOf('mutation { reevaluate(skuId: "2") { status } }')

const calls: string[] = []
const resolvers = guardResolvers('Mutation', {
  reevaluate: (_: unknown, args: { skuId: string }) => {
    calls.push(args.skuId)

    return args.skuId
  },
  reevaluateMany: (_: unknown, args: { skuIds: string[] }) =>
    args.skuIds.length,
  createChannelKey: () => 'key',
  cancelReconciliation: (_: unknown, args: { id: string }) => args.id,
})

const queries = guardResolvers('Query', {
  skuDetail: (_: unknown, args: { skuId: string }) => args.skuId,
  reconciliation: (_: unknown, args: { id?: string }) => args.id ?? 'latest',
})

beforeEach(() => {
  calls.length = 0
})

describe('a mutation', () => {
  it('runs as a JSON POST', async () => {
    await expect(
      resolvers.reevaluate(null, { skuId: '2' }, ctxOf(), ONE)
    ).resolves.toBe('2')
  })

  it.each([
    ['over GET', 'GET', 'application/json'],
    ['as a text/plain POST (a cross-site form)', 'POST', 'text/plain'],
    ['as a form POST', 'POST', false],
  ] as const)('is refused %s and does not run', async (_, method, type) => {
    expect(() =>
      resolvers.reevaluate(null, { skuId: '2' }, ctxOf(method, type), ONE)
    ).toThrow('MUTATION_REQUIRES_JSON_POST')
    expect(calls).toEqual([])
  })
})

describe('a query', () => {
  it('may come over GET (persisted queries do)', async () => {
    await expect(
      queries.skuDetail(null, { skuId: '7' }, ctxOf('GET'), ONE)
    ).resolves.toBe('7')
  })
})

describe('ids', () => {
  it.each(['2 OR 1=1', '../config/settings.json', '', '-1', 'abc'])(
    'refuses the SKU id %j before the resolver runs',
    async (skuId) => {
      expect(() => resolvers.reevaluate(null, { skuId }, ctxOf(), ONE)).toThrow(
        'INVALID_SKU_ID'
      )
      expect(calls).toEqual([])
    }
  )

  it('refuses a list with one bad SKU id', async () => {
    expect(() =>
      resolvers.reevaluateMany(null, { skuIds: ['1', 'x/y'] }, ctxOf(), ONE)
    ).toThrow('INVALID_SKU_ID')
  })

  it.each(['index', 'lock', '../x', '20261202123456789-ABCDEF'])(
    'refuses the run id %j',
    async (id) => {
      expect(() => queries.reconciliation(null, { id }, ctxOf(), ONE)).toThrow(
        'INVALID_RUN_ID'
      )
      expect(() =>
        resolvers.cancelReconciliation(null, { id }, ctxOf(), ONE)
      ).toThrow('INVALID_RUN_ID')
    }
  )

  it('takes a run id as the app makes them, and none for the latest', async () => {
    const id = '20261202123456789-0a1b2c'

    await expect(
      queries.reconciliation(null, { id }, ctxOf(), ONE)
    ).resolves.toBe(id)
    await expect(queries.reconciliation(null, {}, ctxOf(), ONE)).resolves.toBe(
      'latest'
    )
  })
})

describe('the exposures filter', () => {
  const exposures = guardResolvers('Query', {
    exposures: () => 'page',
  })

  it('takes a search of up to 100 characters and refuses a longer one', async () => {
    const text = (n: number) => ({ filter: { text: 'a'.repeat(n) } })

    await expect(
      exposures.exposures(null, text(100), ctxOf(), ONE)
    ).resolves.toBe('page')
    expect(() => exposures.exposures(null, text(101), ctxOf(), ONE)).toThrow(
      'TEXT_TOO_LONG'
    )
  })
})

describe('one request', () => {
  it('refuses a document that creates two channel keys before creating any', async () => {
    const created: string[] = []
    const keys = guardResolvers('Mutation', {
      createChannelKey: () => {
        created.push('key')

        return 'key'
      },
    })

    const two = infoOf(`mutation {
      a: createChannelKey(channel: "MKB") { secret }
      ...more
    }
    fragment more on Mutation { b: createChannelKey(channel: "MKB") { secret } }`)

    expect(() => keys.createChannelKey(null, {}, ctxOf(), two)).toThrow(
      'ONE_PER_REQUEST'
    )
    expect(created).toEqual([])
    // One per document is fine, and the next request is a new one.
    const one = infoOf(
      'mutation { createChannelKey(channel: "MKB") { secret } }'
    )

    await expect(keys.createChannelKey(null, {}, ctxOf(), one)).resolves.toBe(
      'key'
    )
    await expect(keys.createChannelKey(null, {}, ctxOf(), one)).resolves.toBe(
      'key'
    )
  })

  it('asks for at most MAX_SKUS_PER_REQUEST SKUs over every aliased field', async () => {
    const ctx = ctxOf()
    const ids = (from: number, n: number) =>
      Array.from({ length: n }, (_, i) => String(from + i))

    await expect(
      resolvers.reevaluateMany(null, { skuIds: ids(1, 300) }, ctx, ONE)
    ).resolves.toBe(300)
    expect(() =>
      resolvers.reevaluateMany(
        null,
        { skuIds: ids(1000, MAX_SKUS_PER_REQUEST - 299) },
        ctx,
        ONE
      )
    ).toThrow('TOO_MANY_SKUS_IN_REQUEST')
  })

  it('calls at most MAX_ROOT_FIELDS_PER_REQUEST root fields, refused before the first runs', async () => {
    const aliases = (n: number) =>
      infoOf(
        `query { ${Array.from(
          { length: n },
          (_, i) => `r${i}: reconciliation { id }`
        ).join(' ')} }`
      )

    await expect(
      queries.reconciliation(
        null,
        {},
        ctxOf(),
        aliases(MAX_ROOT_FIELDS_PER_REQUEST)
      )
    ).resolves.toBe('latest')
    expect(() =>
      queries.reconciliation(
        null,
        {},
        ctxOf(),
        aliases(MAX_ROOT_FIELDS_PER_REQUEST + 1)
      )
    ).toThrow('TOO_MANY_FIELDS_IN_REQUEST')
  })
})
