/**
 * The preflight's rules on a small app: the good app passes every rule, and each defect the
 * builders or a VTEX reviewer would refuse, put back, fails with the file and the rule.
 */
import { fileChecks, formatFailure } from '../../scripts/preflight'
import { readIgnore } from '../../scripts/preflight/files'
import { schemaPath } from '../../scripts/preflight/rules'
import type { Files } from './support'
import { makeApp, manifest, removeApp, repoRoot } from './support'

const schemaFile = schemaPath(repoRoot)

const failuresOf = (changes: Files, options = {}) => {
  const root = makeApp(changes)

  try {
    return fileChecks(root, { schemaFile, ...options }).map(formatFailure)
  } finally {
    removeApp(root)
  }
}

const json = (value: unknown) => JSON.stringify(value, null, 2)

describe('given the small app that passes', () => {
  it('should report nothing', () => {
    expect(failuresOf({})).toEqual([])
  })
})

describe('given one defect put back', () => {
  it.each<[string, Files, string[]]>([
    [
      'graphql builder 1.x',
      {
        'manifest.json': json({
          ...manifest,
          builders: { ...manifest.builders, graphql: '1.x' },
        }),
      },
      [
        'manifest.json: [graphql-builder-2x] builders.graphql is "1.x": builder 1.x was deprecated on 2026-01-07 and no longer links; use "2.x"',
      ],
    ],
    [
      'a root field without @auth',
      {
        'graphql/schema.graphql':
          'type Query {\n  channels: [String!]! @cacheControl(scope: PRIVATE)\n}\n',
      },
      [
        'graphql/schema.graphql: [graphql-auth] Query.channels has no @auth(scope: ...): builder 2.x requires it on every query and mutation',
      ],
    ],
    [
      'a mutation extended without @auth',
      {
        'graphql/types/more.graphql':
          'extend type Mutation {\n  drop(id: ID!): Boolean\n}\n',
      },
      [
        'graphql/types/more.graphql: [graphql-auth] Mutation.drop has no @auth(scope: ...): builder 2.x requires it on every query and mutation',
      ],
    ],
    [
      '@auth(scope: PRIVATE) without its License Manager codes',
      {
        'graphql/schema.graphql':
          'type Query {\n  channels: [String!]! @auth(scope: PRIVATE, productCode: "2")\n}\n',
      },
      [
        'graphql/schema.graphql: [graphql-auth] Query.channels has @auth(scope: PRIVATE) without resourceCode',
      ],
    ],
    [
      '`jest` in node/tsconfig.json types',
      {
        'node/tsconfig.json': json({
          extends: '@vtex/tsconfig',
          compilerOptions: {
            types: ['node', 'jest'],
            typeRoots: ['../node_modules/@types'],
          },
        }),
      },
      [
        'node/tsconfig.json: [tsconfig-types] compilerOptions.types names "jest", which node/package.json does not install (@types/jest)',
        'node/tsconfig.json: [tsconfig-types] compilerOptions.typeRoots reaches "../node_modules/@types", outside node/',
      ],
    ],
    [
      'a missing lockfile',
      { 'react/yarn.lock': null },
      [
        'react/yarn.lock: [lockfile-present] missing: the builders install react/ with Yarn v1 from its yarn.lock',
      ],
    ],
    [
      'a lockfile behind its package.json',
      {
        'react/package.json': json({
          dependencies: { react: '^16.14.0', 'react-dom': '^16.14.0' },
          devDependencies: { '@types/jest': '^25.2.3' },
        }),
      },
      [
        'react/yarn.lock: [lockfile-in-step] has no entry for react-dom@^16.14.0 of react/package.json: run yarn install in react/',
      ],
    ],
    [
      "npm's overrides and its lockfile beside yarn.lock",
      {
        'node/package.json': json({
          dependencies: { '@vtex/api': '6.51.3' },
          devDependencies: {
            '@types/node': '^20.19.0',
            '@vtex/tsconfig': '^0.6.0',
          },
          overrides: { 'stats-lite': '2.2.0' },
        }),
        'node/package-lock.json': '{}',
      },
      [
        'node/package.json: [yarn-resolutions] has npm "overrides", which Yarn (the builders) ignores: pin with "resolutions"',
        'node/package-lock.json: [lockfile-single] a second lockfile beside node/yarn.lock, which the builders never read and which would drift from it',
      ],
    ],
    [
      'a resolution the lockfile does not apply',
      {
        'node/yarn.lock':
          '"@vtex/api@6.51.3":\n  version "6.51.3"\n\n"@types/node@^20.19.0":\n  version "20.19.43"\n\n"@vtex/tsconfig@^0.6.0":\n  version "0.6.0"\n\n"stats-lite@vtex/node-stats-lite#dist":\n  version "2.1.1"\n',
      },
      [
        "node/yarn.lock: [lockfile-in-step] does not resolve stats-lite to 2.2.0 as node/package.json's resolutions pin it: run yarn install in node/",
      ],
    ],
    [
      'an undeclared vtex.* import',
      {
        'manifest.json': json({
          ...manifest,
          dependencies: { 'vtex.styleguide': '9.x' },
        }),
      },
      [
        'node/index.ts: [vtex-import-declared] imports vtex.render-runtime, which manifest.json does not declare in dependencies',
        'react/Page.tsx: [vtex-import-declared] imports vtex.render-runtime, which manifest.json does not declare in dependencies',
        'react/admin/inline.ts: [context-provider-declared] @context(provider: "vtex.render-runtime@8.x") names an app manifest.json does not declare (neither acme.stock-gate nor a dependency)',
      ],
    ],
    [
      'a hard-coded provider of another vendor',
      {
        'react/admin/channels.gql':
          'query Channels {\n  channels @context(provider: "marketplacea.stock-gate")\n}\n',
      },
      [
        'react/admin/channels.gql: [context-provider-declared] @context(provider: "marketplacea.stock-gate") names an app manifest.json does not declare (neither acme.stock-gate nor a dependency)',
      ],
    ],
    [
      "a provider that writes the app's own vendor out",
      {
        'react/admin/channels.gql':
          'query Channels {\n  channels @context(provider: "acme.stock-gate")\n}\n',
      },
      [
        'react/admin/channels.gql: [context-provider-vendor] @context(provider: "acme.stock-gate") writes the vendor out: changing manifest.json\'s vendor would break it',
      ],
    ],
    [
      'a manifest that breaks the IO schema',
      {
        'manifest.json': json({
          ...manifest,
          version: 1,
          billingOptions: { type: 'free', availableCountries: 'all' },
        }),
      },
      [
        'manifest.json: [manifest-schema] /billingOptions/availableCountries must be array',
        'manifest.json: [manifest-schema] /version must be string',
      ],
    ],
  ])(
    '%s: should fail with the file and the rule',
    (_name, changes, expected) => {
      expect(failuresOf(changes)).toEqual(expected)
    }
  )

  it('should say where the IO manifest schema was looked for when it is missing', () => {
    expect(
      failuresOf({}, { schemaFile: '/nowhere/manifest.schema.json' })
    ).toEqual([
      'manifest.json: [manifest-schema] the IO manifest schema is missing: expected /nowhere/manifest.schema.json (shared/vtex-io-schemas beside the repository)',
    ])
  })
})

describe('given .vtexignore', () => {
  it.each<[string, string, boolean]>([
    ['**/__tests__/', 'node/services/__tests__/', true],
    ['**/__tests__/', 'node/services/x.test.ts', false],
    ['react/__mocks__/', 'react/__mocks__/', true],
    ['react/__mocks__/', 'node/react/__mocks__/', false],
    ['react/setupTests.ts', 'react/setupTests.ts', true],
    ['emulator/', 'emulator/', true],
    ['emulator/', 'node/emulator/', true],
    ['*.log', 'node/debug.log', true],
    ['tests/', 'node/tests.ts', false],
  ])('pattern %s on %s: ignored is %s', (pattern, file, expected) => {
    const root = makeApp({ '.vtexignore': `${pattern}\n` })

    try {
      expect(readIgnore(root)(file)).toBe(expected)
    } finally {
      removeApp(root)
    }
  })
})
