/**
 * The checks a VTEX reviewer, and the builders, make of the app's files without installing
 * anything. Each rule returns the failures it found, each naming the file and the rule.
 */
import fs from 'fs'
import path from 'path'

import Ajv from 'ajv'
import { parse } from 'graphql'
import type { ArgumentNode, ValueNode } from 'graphql'
import ts from 'typescript'

import type { Ignored } from './files'
import { builderFiles } from './files'

export interface Failure {
  file: string
  rule: string
  message: string
}

export const BUILDER_FOLDERS = ['node', 'react']

interface Manifest {
  vendor?: string
  name?: string
  builders?: Record<string, string>
  dependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
}

interface PackageJson {
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
  resolutions?: Record<string, string>
  overrides?: unknown
}

const readJson = <T>(file: string): T =>
  JSON.parse(fs.readFileSync(file, 'utf8')) as T

export const readManifest = (root: string) =>
  readJson<Manifest>(path.join(root, 'manifest.json'))

/** `../shared/vtex-io-schemas/` beside the repository, as on a developer's machine and in CI. */
export const schemaPath = (root: string) =>
  path.resolve(root, '..', 'shared', 'vtex-io-schemas', 'manifest.schema.json')

export function manifestSchema(
  root: string,
  schemaFile = schemaPath(root)
): Failure[] {
  if (!fs.existsSync(schemaFile)) {
    return [
      {
        file: 'manifest.json',
        rule: 'manifest-schema',
        message: `the IO manifest schema is missing: expected ${schemaFile} (shared/vtex-io-schemas beside the repository)`,
      },
    ]
  }

  const validate = new Ajv({ strict: false, allErrors: true }).compile(
    readJson<object>(schemaFile)
  )

  if (validate(readManifest(root))) return []

  return (validate.errors ?? []).map((error) => ({
    file: 'manifest.json',
    rule: 'manifest-schema',
    message: `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`,
  }))
}

const valueOf = (node: ValueNode | undefined): string | null => {
  if (!node) return null
  if (node.kind === 'EnumValue' || node.kind === 'StringValue')
    return node.value

  return null
}

const argument = (args: readonly ArgumentNode[] | undefined, name: string) =>
  args?.find((a) => a.name.value === name)

/**
 * GraphQL builder 2.x: builder 1.x no longer links, and 2.x refuses a root field without
 * `@auth(scope: ...)`; a PRIVATE scope names the License Manager product and resource.
 */
export function graphqlBuilder(root: string): Failure[] {
  const manifest = readManifest(root)
  const folder = path.join(root, 'graphql')
  const builder = manifest.builders?.graphql

  if (!builder && !fs.existsSync(folder)) return []
  const failures: Failure[] = []

  if (builder !== '2.x') {
    failures.push({
      file: 'manifest.json',
      rule: 'graphql-builder-2x',
      message: `builders.graphql is "${builder}": builder 1.x was deprecated on 2026-01-07 and no longer links; use "2.x"`,
    })
  }

  const files = fs.existsSync(folder)
    ? fs
        .readdirSync(folder, { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.graphql$/.test(f))
        .map((f) => `graphql/${f.split(path.sep).join('/')}`)
        .sort((a, b) => a.localeCompare(b))
    : []

  for (const file of files) {
    let document

    try {
      document = parse(fs.readFileSync(path.join(root, file), 'utf8'))
    } catch (error) {
      failures.push({
        file,
        rule: 'graphql-parse',
        message: String((error as Error).message),
      })
      continue
    }

    for (const def of document.definitions) {
      if (
        (def.kind !== 'ObjectTypeDefinition' &&
          def.kind !== 'ObjectTypeExtension') ||
        (def.name.value !== 'Query' && def.name.value !== 'Mutation')
      )
        continue
      for (const field of def.fields ?? []) {
        const where = `${def.name.value}.${field.name.value}`
        const auth = field.directives?.find((d) => d.name.value === 'auth')
        const scope = valueOf(argument(auth?.arguments, 'scope')?.value)

        if (!auth || !scope) {
          failures.push({
            file,
            rule: 'graphql-auth',
            message: `${where} has no @auth(scope: ...): builder 2.x requires it on every query and mutation`,
          })
          continue
        }

        if (scope !== 'PRIVATE') continue
        const missing = ['productCode', 'resourceCode'].filter(
          (name) => !valueOf(argument(auth.arguments, name)?.value)
        )

        if (missing.length) {
          failures.push({
            file,
            rule: 'graphql-auth',
            message: `${where} has @auth(scope: PRIVATE) without ${missing.join(
              ' and '
            )}`,
          })
        }
      }
    }
  }

  return failures
}

const SOURCE = /\.(ts|tsx|js|jsx)$/
const VTEX_IMPORT =
  /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"](vtex\.[a-z0-9-]+)(?:\/[^'"]*)?['"]/gm

const declared = (manifest: Manifest) =>
  new Set([
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}),
  ])

/** Every `vtex.*` app imported by node/ or react/ is a dependency in manifest.json. */
export function vtexImports(root: string, ignored: Ignored): Failure[] {
  const deps = declared(readManifest(root))
  const failures: Failure[] = []

  for (const folder of BUILDER_FOLDERS) {
    for (const file of builderFiles(root, folder, ignored)) {
      if (!SOURCE.test(file) || /\.d\.ts$/.test(file)) continue
      const text = fs.readFileSync(path.join(root, file), 'utf8')
      const seen = new Set<string>()

      for (const match of text.matchAll(VTEX_IMPORT)) {
        const [, app] = match

        if (deps.has(app) || seen.has(app)) continue
        seen.add(app)
        failures.push({
          file,
          rule: 'vtex-import-declared',
          message: `imports ${app}, which manifest.json does not declare in dependencies`,
        })
      }
    }
  }

  return failures
}

const PROVIDER = /@context\s*\(\s*provider\s*:\s*\\?["']([^"'\\]+)\\?["']/g

/**
 * Every `@context(provider: ...)` in react/ names an app the manifest declares. Naming the app
 * itself with its vendor written out ties the admin to one vendor: changing `vendor` in the
 * manifest, the whole install step, would break every page, so that is refused too.
 */
export function contextProviders(root: string, ignored: Ignored): Failure[] {
  const manifest = readManifest(root)
  const self = `${manifest.vendor}.${manifest.name}`
  const deps = declared(manifest)
  const failures: Failure[] = []

  for (const file of builderFiles(root, 'react', ignored)) {
    if (!/\.(gql|graphql|ts|tsx)$/.test(file)) continue
    const text = fs.readFileSync(path.join(root, file), 'utf8')

    for (const match of text.matchAll(PROVIDER)) {
      const [, provider] = match
      const [app] = provider.split('@')

      if (app === self) {
        failures.push({
          file,
          rule: 'context-provider-vendor',
          message: `@context(provider: "${provider}") writes the vendor out: changing manifest.json's vendor would break it`,
        })
      } else if (!deps.has(app)) {
        failures.push({
          file,
          rule: 'context-provider-declared',
          message: `@context(provider: "${provider}") names an app manifest.json does not declare (neither ${self} nor a dependency)`,
        })
      }
    }
  }

  return failures
}

const packageOf = (root: string, folder: string) =>
  readJson<PackageJson>(path.join(root, folder, 'package.json'))

const installed = (pkg: PackageJson) =>
  new Set([
    ...Object.keys(pkg.dependencies ?? {}),
    ...Object.keys(pkg.devDependencies ?? {}),
  ])

/**
 * A builder folder's tsconfig names only types and configs its own package.json installs: the
 * builders receive node/ and react/ without the repository root and its node_modules.
 */
export function tsconfigAlone(root: string): Failure[] {
  const failures: Failure[] = []

  for (const folder of BUILDER_FOLDERS) {
    const file = `${folder}/tsconfig.json`

    if (!fs.existsSync(path.join(root, file))) continue
    const parsed = ts.parseConfigFileTextToJson(
      file,
      fs.readFileSync(path.join(root, file), 'utf8')
    )

    const config = (parsed.config ?? {}) as {
      extends?: string
      compilerOptions?: { types?: string[]; typeRoots?: string[] }
    }

    const have = installed(packageOf(root, folder))

    for (const type of config.compilerOptions?.types ?? []) {
      if (have.has(`@types/${type}`) || have.has(type)) continue
      failures.push({
        file,
        rule: 'tsconfig-types',
        message: `compilerOptions.types names "${type}", which ${folder}/package.json does not install (@types/${type})`,
      })
    }

    for (const typeRoot of config.compilerOptions?.typeRoots ?? []) {
      const inside = path.relative(
        path.join(root, folder),
        path.resolve(root, folder, typeRoot)
      )

      if (inside.startsWith('..') || path.isAbsolute(inside)) {
        failures.push({
          file,
          rule: 'tsconfig-types',
          message: `compilerOptions.typeRoots reaches "${typeRoot}", outside ${folder}/`,
        })
      }
    }

    const base = config.extends

    if (
      base &&
      !base.startsWith('.') &&
      !have.has(
        base
          .split('/')
          .slice(0, base.startsWith('@') ? 2 : 1)
          .join('/')
      )
    ) {
      failures.push({
        file,
        rule: 'tsconfig-types',
        message: `extends "${base}", which ${folder}/package.json does not install`,
      })
    }
  }

  return failures
}

/** The keys a Yarn v1 lockfile has entries for ("name@range"). */
export function lockKeys(text: string): Set<string> {
  const keys = new Set<string>()

  for (const line of text.split('\n')) {
    if (!line || line.startsWith(' ') || line.startsWith('#')) continue
    for (const key of line.replace(/:$/, '').split(/,\s*/)) {
      keys.add(key.replace(/^"|"$/g, ''))
    }
  }

  return keys
}

/**
 * Each builder folder has its own yarn.lock (the builders install with Yarn v1), in step with its
 * package.json, and no second lockfile that could drift from it; npm's `overrides` mean nothing
 * to Yarn (`resolutions` does that).
 */
export function lockfiles(root: string): Failure[] {
  const failures: Failure[] = []

  for (const folder of BUILDER_FOLDERS) {
    if (!fs.existsSync(path.join(root, folder, 'package.json'))) continue
    const pkg = packageOf(root, folder)
    const lock = path.join(root, folder, 'yarn.lock')

    if (pkg.overrides) {
      failures.push({
        file: `${folder}/package.json`,
        rule: 'yarn-resolutions',
        message:
          'has npm "overrides", which Yarn (the builders) ignores: pin with "resolutions"',
      })
    }

    if (fs.existsSync(path.join(root, folder, 'package-lock.json'))) {
      failures.push({
        file: `${folder}/package-lock.json`,
        rule: 'lockfile-single',
        message: `a second lockfile beside ${folder}/yarn.lock, which the builders never read and which would drift from it`,
      })
    }

    if (!fs.existsSync(lock)) {
      failures.push({
        file: `${folder}/yarn.lock`,
        rule: 'lockfile-present',
        message: `missing: the builders install ${folder}/ with Yarn v1 from its yarn.lock`,
      })
      continue
    }

    const keys = lockKeys(fs.readFileSync(lock, 'utf8'))
    const wanted = {
      ...pkg.dependencies,
      ...pkg.devDependencies,
    }

    for (const [name, range] of Object.entries(wanted)) {
      if (keys.has(`${name}@${range}`)) continue
      failures.push({
        file: `${folder}/yarn.lock`,
        rule: 'lockfile-in-step',
        message: `has no entry for ${name}@${range} of ${folder}/package.json: run yarn install in ${folder}/`,
      })
    }

    for (const [name, version] of Object.entries(pkg.resolutions ?? {})) {
      const entries = [...keys].filter((k) => k.startsWith(`${name}@`))

      if (entries.length === 0) continue
      const text = fs.readFileSync(lock, 'utf8')
      const pinned = new RegExp(
        `^"?${name.replace(
          /[.*+?^${}()|[\]\\/]/g,
          '\\$&'
        )}@[^\\n]*:\\n  version "${version.replace(/\./g, '\\.')}"`,
        'm'
      )

      if (!pinned.test(text)) {
        failures.push({
          file: `${folder}/yarn.lock`,
          rule: 'lockfile-in-step',
          message: `does not resolve ${name} to ${version} as ${folder}/package.json's resolutions pin it: run yarn install in ${folder}/`,
        })
      }
    }
  }

  return failures
}
