/** A small app on disk that passes every preflight rule; each test puts one defect back. */
import fs from 'fs'
import os from 'os'
import path from 'path'

export const repoRoot = path.resolve(__dirname, '..', '..')

export type Files = Record<string, string | null>

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`

export const manifest = {
  vendor: 'acme',
  name: 'stock-gate',
  version: '0.1.0',
  title: 'Stock gate',
  description: 'fixture',
  builders: { node: '7.x', react: '3.x', graphql: '2.x' },
  dependencies: { 'vtex.styleguide': '9.x', 'vtex.render-runtime': '8.x' },
  billingOptions: { type: 'free', availableCountries: ['*'] },
}

const lock = (entries: Record<string, string>) =>
  `# yarn lockfile v1\n\n\n${Object.entries(entries)
    .map(([key, version]) => `"${key}":\n  version "${version}"\n`)
    .join('\n')}`

export const goodFiles = (): Files => ({
  'manifest.json': json(manifest),
  '.vtexignore': '**/__tests__/\nreact/__mocks__/\n',
  'graphql/schema.graphql': [
    'type Query {',
    '  channels: [String!]! @auth(scope: PRIVATE, productCode: "2", resourceCode: "Catalog")',
    '  health: String @auth(scope: PUBLIC)',
    '}',
    'type Mutation {',
    '  save(value: String): String',
    '    @auth(scope: PRIVATE, productCode: "2", resourceCode: "Catalog")',
    '}',
    '',
  ].join('\n'),
  'node/package.json': json({
    dependencies: { '@vtex/api': '6.51.3' },
    devDependencies: { '@types/node': '^20.19.0', '@vtex/tsconfig': '^0.6.0' },
    resolutions: { 'stats-lite': '2.2.0' },
  }),
  'node/yarn.lock': lock({
    '@vtex/api@6.51.3': '6.51.3',
    '@types/node@^20.19.0': '20.19.43',
    '@vtex/tsconfig@^0.6.0': '0.6.0',
    'stats-lite@2.2.0': '2.2.0',
  }),
  'node/tsconfig.json':
    '{\n  // comments are allowed here\n  "extends": "@vtex/tsconfig",\n  "compilerOptions": { "types": ["node"] }\n}\n',
  'node/index.ts':
    "import { Service } from '@vtex/api'\nimport { x } from 'vtex.render-runtime'\n",
  'node/__tests__/index.test.ts': "import { y } from 'vtex.not-shipped'\n",
  'react/package.json': json({
    dependencies: { react: '^16.14.0' },
    devDependencies: { '@types/jest': '^25.2.3' },
  }),
  'react/yarn.lock': lock({
    'react@^16.14.0': '16.14.0',
    '@types/jest@^25.2.3': '25.2.3',
  }),
  'react/tsconfig.json': json({ compilerOptions: { types: ['jest'] } }),
  'react/Page.tsx':
    "import { Button } from 'vtex.styleguide'\nimport { useRuntime } from 'vtex.render-runtime'\n",
  'react/admin/channels.gql':
    'query Channels {\n  channels @context(provider: "vtex.styleguide") \n}\n',
  'react/admin/inline.ts':
    'export const q = `query { health @context(provider: "vtex.render-runtime@8.x") }`\n',
  'react/__mocks__/vtex.other.tsx': "import x from 'vtex.other'\n",
})

/** Writes the good app with `changes` applied (a null deletes the file); returns its root. */
export function makeApp(changes: Files = {}): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'msg-preflight-app-'))
  const files = { ...goodFiles(), ...changes }

  for (const [file, content] of Object.entries(files)) {
    if (content === null) continue
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
    fs.writeFileSync(path.join(root, file), content)
  }

  return root
}

export const removeApp = (root: string) =>
  fs.rmSync(root, { recursive: true, force: true })

/** The block of a yarn.lock that resolves `key`, to give a fixture a real entry. */
export function lockEntry(lockFile: string, key: string): string {
  const text = fs.readFileSync(lockFile, 'utf8')
  const start = text.search(
    new RegExp(`^"?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"?[:,]`, 'm')
  )

  if (start < 0) throw new Error(`${key} is not in ${lockFile}`)
  const end = text.indexOf('\n\n', start)

  return `${text.slice(start, end < 0 ? undefined : end)}\n`
}
